import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_HANDOVER_SETTINGS, type HandoverSettingsValues } from './handover-timeline.js';

export interface HandoverSettingsRow extends HandoverSettingsValues {
  councilId: string;
  /** 0 while the council has no row (the defaults apply). */
  version: number;
  updatedAt: Date | null;
}

export interface PlannableTermRow extends HandoverSettingsValues {
  id: string;
  councilId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface LiveReminderRow {
  key: string;
  dueAt: Date;
  occurrence: string;
}

const COLUMNS = `first_reminder_months AS "firstReminderMonths", priorities_reminder_months AS "prioritiesReminderMonths",
  dossier_days AS "dossierDays", final_reminder_days AS "finalReminderDays"`;

/** A council's handover settings (defaults when it has no row), and what the timeline planner reads. */
@Injectable()
export class HandoverSettingsRepository {
  constructor(private readonly db: DataSource) {}

  async find(councilId: string, em: EntityManager = this.db.manager): Promise<HandoverSettingsRow> {
    const rows = (await em.query(
      `SELECT council_id AS "councilId", ${COLUMNS}, version, updated_at AS "updatedAt" FROM council_handover_settings WHERE council_id = $1`,
      [councilId],
    )) as HandoverSettingsRow[];
    return rows[0] ?? { councilId, ...DEFAULT_HANDOVER_SETTINGS, version: 0, updatedAt: null };
  }

  /** Inserts the row (expected version 0) or updates it at the expected version; null when the version is not current. */
  async save(em: EntityManager, councilId: string, values: HandoverSettingsValues, version: number): Promise<HandoverSettingsRow | null> {
    const params = [councilId, values.firstReminderMonths, values.prioritiesReminderMonths, values.dossierDays, values.finalReminderDays];
    const rows = (
      version === 0
        ? await em.query(
            `INSERT INTO council_handover_settings (council_id, first_reminder_months, priorities_reminder_months, dossier_days, final_reminder_days)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (council_id) DO NOTHING
             RETURNING council_id AS "councilId", ${COLUMNS}, version, updated_at AS "updatedAt"`,
            params,
          )
        : await em.query(
            `UPDATE council_handover_settings SET first_reminder_months = $2, priorities_reminder_months = $3, dossier_days = $4,
                    final_reminder_days = $5, version = version + 1, updated_at = now()
              WHERE council_id = $1 AND version = $6
              RETURNING council_id AS "councilId", ${COLUMNS}, version, updated_at AS "updatedAt"`,
            [...params, version],
          )
    ) as HandoverSettingsRow[];
    return rows[0] ?? null;
  }

  /** Terms not ended at `now` (of one council, or of all), with their council's settings. */
  async plannableTerms(em: EntityManager, now: Date, councilId: string | null): Promise<PlannableTermRow[]> {
    const rows = (await em.query(
      `SELECT t.id, t.council_id AS "councilId", lower(t.period) AS "startsAt", upper(t.period) AS "endsAt",
              coalesce(s.first_reminder_months, $3) AS "firstReminderMonths", coalesce(s.priorities_reminder_months, $4) AS "prioritiesReminderMonths",
              coalesce(s.dossier_days, $5) AS "dossierDays", coalesce(s.final_reminder_days, $6) AS "finalReminderDays"
         FROM presidency_terms t LEFT JOIN council_handover_settings s ON s.council_id = t.council_id
        WHERE upper(t.period) > $1 AND ($2::uuid IS NULL OR t.council_id = $2::uuid)
        ORDER BY t.council_id, lower(t.period)`,
      [
        now,
        councilId,
        DEFAULT_HANDOVER_SETTINGS.firstReminderMonths,
        DEFAULT_HANDOVER_SETTINGS.prioritiesReminderMonths,
        DEFAULT_HANDOVER_SETTINGS.dossierDays,
        DEFAULT_HANDOVER_SETTINGS.finalReminderDays,
      ],
    )) as PlannableTermRow[];
    return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
  }

  /** The live (pending or queued) reminders under these keys. */
  async liveReminders(em: EntityManager, keys: string[]): Promise<LiveReminderRow[]> {
    if (keys.length === 0) return [];
    const rows = (await em.query(
      `SELECT reminder_key AS key, due_at AS "dueAt", occurrence FROM outbox WHERE reminder_key = ANY($1::text[]) AND status IN ('pending','enqueued')`,
      [keys],
    )) as LiveReminderRow[];
    return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt) }));
  }
}
