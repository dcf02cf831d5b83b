import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingRuleDays } from '../councils/council-defaults.js';
import type { MeetingKind } from '../councils/entities/council-meeting-rule.entity.js';
import { presidingTermSql } from '../councils/council-references.repository.js';
import type { MeetingStatus } from './entities/meeting.entity.js';
import type { MeetingPosition } from './list-cursors.js';

export interface MeetingRow {
  id: string;
  councilId: string;
  bodyId: string | null;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  hostParticipantId: string | null;
  status: MeetingStatus;
  convenedAt: Date | null;
  consentRecorded: boolean;
  consentNote: string | null;
  seriesId: string | null;
  /** YYYY-MM-DD. */
  occurrenceDate: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The presidency holder at starts_at, for council-level meetings (null for body meetings or when no term covers it). */
  chairParticipantId: string | null;
  chairName: string | null;
  chairIsoCode: string | null;
  chairTermId: string | null;
  /** starts_at in UTC to the microsecond: the keyset position of the meeting lists. */
  startsAtKey: string;
}

/** The editable values of a meeting. */
export interface MeetingValues {
  bodyId: string | null;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  hostParticipantId: string | null;
}

export interface MeetingState {
  status: MeetingStatus;
  convenedAt: Date | null;
  consentRecorded: boolean;
  consentNote: string | null;
  /** When the session really opened and closed. */
  openedAt: Date | null;
  closedAt: Date | null;
}

export interface MeetingFilters {
  from?: Date;
  to?: Date;
  bodyId?: string;
  status?: MeetingStatus;
  seriesId?: string;
}

/** A meeting created as an occurrence of a series. */
export interface MeetingOccurrence {
  seriesId: string;
  /** YYYY-MM-DD: the date the series' rule gave. */
  occurrenceDate: string;
}

export interface MemberStateZoneRow {
  id: string;
  name: string;
  isoCode: string | null;
  timeZone: string | null;
}

// The chair comes from the presidency terms as the presidency module reads them: the term whose [start,end) covers the instant.
// Exported for the series page, which aggregates its occurrences in the same query.
export const MEETING_SELECT = `SELECT m.id, m.council_id AS "councilId", m.body_id AS "bodyId", m.kind, m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
    m.time_zone AS "timeZone", m.venue, m.online_url AS "onlineUrl", m.host_participant_id AS "hostParticipantId", m.status,
    m.convened_at AS "convenedAt", m.consent_recorded AS "consentRecorded", m.consent_note AS "consentNote",
    m.series_id AS "seriesId", m.occurrence_date::text AS "occurrenceDate",
    m.opened_at AS "openedAt", m.closed_at AS "closedAt", m.version,
    m.created_at AS "createdAt", m.updated_at AS "updatedAt",
    ch.participant_id AS "chairParticipantId", ch.name AS "chairName", ch.iso_code AS "chairIsoCode", ch.term_id AS "chairTermId",
    to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "startsAtKey"
  FROM meetings m
  LEFT JOIN LATERAL (
    SELECT t.term_id, p.id AS participant_id, p.name, p.iso_code
      FROM (${presidingTermSql('m.council_id', 'm.starts_at')}) t JOIN participants p ON p.id = t.participant_id
     WHERE m.body_id IS NULL
  ) ch ON true`;

function filtersOf(councilId: string, f: MeetingFilters): { where: string[]; params: unknown[] } {
  const where = ['m.council_id = $1'];
  const params: unknown[] = [councilId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.from) add('m.starts_at >= ?', f.from);
  if (f.to) add('m.starts_at < ?', f.to);
  if (f.bodyId) add('m.body_id = ?', f.bodyId);
  if (f.status) add('m.status = ?', f.status);
  if (f.seriesId) add('m.series_id = ?', f.seriesId);
  return { where, params };
}

/** Meetings, read with their chair in one query; written with plain SQL. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly db: DataSource) {}

  async councilExists(councilId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[];
    return rows.length > 0;
  }

  /** The council's rules per kind (kinds without a row are left out: the caller falls back to the defaults). */
  async rulesOf(councilId: string, em: EntityManager = this.db.manager): Promise<Partial<Record<MeetingKind, MeetingRuleDays>>> {
    const rows = (await em.query(
      `SELECT meeting_kind AS kind, notice_days AS "noticeDays", agenda_days AS "agendaDays", papers_days AS "papersDays"
         FROM council_meeting_rules WHERE council_id = $1`,
      [councilId],
    )) as ({ kind: MeetingKind } & MeetingRuleDays)[];
    return Object.fromEntries(rows.map(({ kind, ...days }) => [kind, days]));
  }

  async insert(em: EntityManager, councilId: string, v: MeetingValues, occurrence: MeetingOccurrence | null = null): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO meetings (council_id, body_id, kind, title, starts_at, ends_at, time_zone, venue, online_url, host_participant_id, series_id, occurrence_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        councilId,
        v.bodyId,
        v.kind,
        v.title,
        v.startsAt,
        v.endsAt,
        v.timeZone,
        v.venue,
        v.onlineUrl,
        v.hostParticipantId,
        occurrence?.seriesId ?? null,
        occurrence?.occurrenceDate ?? null,
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async find(councilId: string, id: string, em: EntityManager = this.db.manager, lock = false): Promise<MeetingRow | undefined> {
    const rows = (await em.query(`${MEETING_SELECT} WHERE m.id = $1 AND m.council_id = $2${lock ? ' FOR UPDATE OF m' : ''}`, [id, councilId])) as MeetingRow[];
    return rows[0];
  }

  /** Every meeting the filters select, by start (for the series' own work: a series has at most 60 occurrences). */
  async list(councilId: string, f: MeetingFilters, em: EntityManager = this.db.manager): Promise<MeetingRow[]> {
    const { where, params } = filtersOf(councilId, f);
    return em.query(`${MEETING_SELECT} WHERE ${where.join(' AND ')} ORDER BY m.starts_at, m.id`, params);
  }

  /**
   * One keyset page by (starts_at, id): at most `limit` meetings after `after`, with the council's meeting rules,
   * in ONE statement (a list request is one query): undefined when the council does not exist.
   */
  async pageWithRules(
    councilId: string,
    f: MeetingFilters,
    after: MeetingPosition | null,
    limit: number,
  ): Promise<{ rules: Partial<Record<MeetingKind, MeetingRuleDays>>; rows: MeetingRow[] } | undefined> {
    const { where, params } = filtersOf(councilId, f);
    if (after) {
      params.push(after.startsAt, after.id);
      where.push(`(m.starts_at, m.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit);
    const rows = (await this.db.query(
      `WITH c AS (SELECT id FROM councils WHERE id = $1),
            r AS (SELECT coalesce(jsonb_object_agg(meeting_kind, jsonb_build_object('noticeDays', notice_days, 'agendaDays', agenda_days, 'papersDays', papers_days)), '{}')
                         AS rules FROM council_meeting_rules WHERE council_id = $1)
       SELECT r.rules AS "councilRules", p.* FROM c CROSS JOIN r
         LEFT JOIN LATERAL (${MEETING_SELECT} WHERE ${where.join(' AND ')} ORDER BY m.starts_at, m.id LIMIT $${params.length}) p ON true
        ORDER BY p."startsAt", p.id`,
      params,
    )) as (MeetingRow & { councilRules: Partial<Record<MeetingKind, MeetingRuleDays>> })[];
    const first = rows[0];
    if (!first) return undefined;
    return { rules: first.councilRules, rows: rows.filter((r) => r.id !== null) };
  }

  /** Sets values and state if the version is still current; false when no row matched (missing or stale). */
  async updateVersioned(em: EntityManager, councilId: string, id: string, version: number, v: MeetingValues, s: MeetingState): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE meetings SET body_id = $4, kind = $5, title = $6, starts_at = $7, ends_at = $8, time_zone = $9, venue = $10, online_url = $11,
              host_participant_id = $12, status = $13, convened_at = $14, consent_recorded = $15, consent_note = $16,
              opened_at = $17, closed_at = $18, version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [
        id,
        councilId,
        version,
        v.bodyId,
        v.kind,
        v.title,
        v.startsAt,
        v.endsAt,
        v.timeZone,
        v.venue,
        v.onlineUrl,
        v.hostParticipantId,
        s.status,
        s.convenedAt,
        s.consentRecorded,
        s.consentNote,
        s.openedAt,
        s.closedAt,
      ],
    )) as [unknown, number];
    return count === 1;
  }

  /** The council's active member states in rotation order, with their capital's zone. */
  async activeMemberStates(councilId: string): Promise<MemberStateZoneRow[]> {
    return this.db.query(
      `SELECT id, name, iso_code AS "isoCode", time_zone AS "timeZone" FROM participants
        WHERE council_id = $1 AND kind = 'member_state' AND status = 'active' ORDER BY rotation_position, id`,
      [councilId],
    );
  }
}
