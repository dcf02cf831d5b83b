import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgendaStatus } from '../../meetings/agenda/entities/meeting-agenda.entity.js';
import { OPEN_STATUSES } from '../entities/action-item.entity.js';
import { DEFAULT_ACTION_ITEM_RULES } from './action-item-rules.js';

export interface EscalationCandidateRow {
  id: string;
  dueDate: string;
}

export interface UpcomingMeetingRow {
  id: string;
  startsAt: Date;
  workingLanguages: string[];
  agendaStatus: AgendaStatus | null;
  supplementaryDeadline: Date | null;
  /** The meeting's "Overdue action items" agenda item, if it has one. */
  overdueAgendaItemId: string | null;
}

const OPEN = `a.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;

/**
 * Items overdue by the council's agendaDays (or more), still not done, verified or cancelled, and not yet placed
 * for their current due date on a meeting that was not cancelled. Uses the council's open-items index on (council_id, due_date).
 */
const CANDIDATES = (councilSql: string, councils = 'councils') => `
  SELECT a.id, a.due_date::text AS "dueDate"
    FROM action_items a
    JOIN ${councils} c ON c.id = a.council_id
    LEFT JOIN council_action_item_rules r ON r.council_id = a.council_id
   WHERE a.council_id = ${councilSql} AND ${OPEN}
     AND a.due_date <= (now() AT TIME ZONE c.time_zone)::date - coalesce(r.agenda_days, ${DEFAULT_ACTION_ITEM_RULES.agendaDays})
     AND NOT EXISTS (
           SELECT 1 FROM action_item_agenda_placements p JOIN meetings pm ON pm.id = p.meeting_id
            WHERE p.action_item_id = a.id AND p.due_date = a.due_date AND pm.status <> 'cancelled')`;

/** The worker side of the +agendaDays escalation: what is due for the agenda, the next senior officials meeting, the placements. */
@Injectable()
export class ActionItemEscalationRepository {
  /**
   * Councils with at least one item to place. A council whose stored zone PostgreSQL does not know (stored before
   * zones were checked) is left out, so that its `AT TIME ZONE` cannot fail the scan of every council: see
   * `councilsWithUnknownZone`.
   */
  async councilsWithCandidates(em: EntityManager): Promise<string[]> {
    const rows = (await em.query(
      // Materialized: AT TIME ZONE only ever sees the zones of `known`, whatever plan PostgreSQL picks.
      `WITH known AS MATERIALIZED (SELECT id, time_zone FROM councils WHERE time_zone_is_known(time_zone))
       SELECT k.id FROM known k WHERE EXISTS (${CANDIDATES('k.id', 'known')} LIMIT 1) ORDER BY k.id`,
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Councils whose stored zone PostgreSQL does not know: skipped by the scan (and logged) until the zone is corrected. */
  async councilsWithUnknownZone(em: EntityManager): Promise<{ id: string; timeZone: string }[]> {
    return em.query(`SELECT id, time_zone AS "timeZone" FROM councils WHERE NOT time_zone_is_known(time_zone) ORDER BY id`);
  }

  /** One escalation run per council at a time (two workers, or two runs, wait for each other): held until the transaction ends. */
  async lockCouncil(em: EntityManager, councilId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('action_items.escalate:' || $1::text, 0))`, [councilId]);
  }

  async candidates(em: EntityManager, councilId: string, limit: number): Promise<EscalationCandidateRow[]> {
    return em.query(`${CANDIDATES('$1::uuid')} ORDER BY a.due_date, a.id LIMIT $2`, [councilId, limit]);
  }

  /** The council's senior officials meetings still to come (not started, not cancelled or postponed), soonest first. */
  async upcomingSeniorOfficials(em: EntityManager, councilId: string, limit = 5): Promise<UpcomingMeetingRow[]> {
    return em.query(
      `SELECT m.id, m.starts_at AS "startsAt", c.working_languages AS "workingLanguages", ag.status AS "agendaStatus",
              ag.supplementary_deadline AS "supplementaryDeadline", o.agenda_item_id AS "overdueAgendaItemId"
         FROM meetings m
         JOIN councils c ON c.id = m.council_id
         LEFT JOIN meeting_agendas ag ON ag.meeting_id = m.id
         LEFT JOIN action_item_overdue_agenda_items o ON o.meeting_id = m.id
        WHERE m.council_id = $1 AND m.kind = 'senior_officials' AND m.status IN ('draft','convened','agenda_circulated') AND m.starts_at > now()
        ORDER BY m.starts_at, m.id
        LIMIT $2`,
      [councilId, limit],
    );
  }

  async recordOverdueAgendaItem(em: EntityManager, councilId: string, meetingId: string, agendaItemId: string): Promise<void> {
    await em.query(`INSERT INTO action_item_overdue_agenda_items (meeting_id, council_id, agenda_item_id) VALUES ($1, $2, $3)`, [
      meetingId,
      councilId,
      agendaItemId,
    ]);
  }

  /** Places the items on the meeting (each at most once); returns those placed now. */
  async place(
    em: EntityManager,
    councilId: string,
    meetingId: string,
    agendaItemId: string,
    items: EscalationCandidateRow[],
  ): Promise<EscalationCandidateRow[]> {
    if (items.length === 0) return [];
    const rows = (await em.query(
      `INSERT INTO action_item_agenda_placements (action_item_id, meeting_id, council_id, agenda_item_id, due_date)
       SELECT i.id, $2, $1, $3, i.due_date FROM unnest($4::uuid[], $5::date[]) AS i(id, due_date)
       ON CONFLICT (action_item_id, meeting_id) DO NOTHING
       RETURNING action_item_id AS id, due_date::text AS "dueDate"`,
      [councilId, meetingId, agendaItemId, items.map((i) => i.id), items.map((i) => i.dueDate)],
    )) as EscalationCandidateRow[];
    return rows;
  }
}
