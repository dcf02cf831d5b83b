import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Meeting statuses from which a meeting has closed. */
export const CLOSED_MEETING_STATUSES = ['closed', 'minutes_circulated', 'minutes_approved'] as const;
/** Meeting statuses in which a meeting may be designated as a handover meeting: not held yet (or being held). */
export const DESIGNABLE_MEETING_STATUSES = ['draft', 'convened', 'agenda_circulated', 'in_session'] as const;

const CLOSED = `('closed','minutes_circulated','minutes_approved')`;

/**
 * The instant a meeting closed: its audit row 'meeting.closed' (written in the closing transaction), to the
 * millisecond (terms' bounds are whole milliseconds). The meetings module needs no change nor column for it.
 */
const CLOSED_AT = `(SELECT date_trunc('milliseconds', max(a.at)) FROM audit_log a
                     WHERE a.entity_type = 'meeting' AND a.entity_id = m.id::text AND a.action = 'meeting.closed')`;

export interface HandoverMeetingRow {
  termId: string;
  councilId: string;
  meetingId: string;
  designatedAt: Date;
  designatedBy: string | null;
  meetingTitle: string;
  meetingStatus: string;
  meetingStartsAt: Date;
  closedAt: Date | null;
  termStartsAt: Date;
  termEndsAt: Date;
  transferMode: string | null;
  transferMeetingId: string | null;
  transferBoundary: Date | null;
}

/** A closed handover meeting whose term is not succeeded yet, closed within that term: the presidency passes at `closedAt`. */
export interface ClosedHandover {
  councilId: string;
  termId: string;
  meetingId: string;
  closedAt: Date;
}

function closedHandover(r: ClosedHandover): ClosedHandover {
  return { ...r, closedAt: new Date(r.closedAt) };
}

@Injectable()
export class HandoverMeetingRepository {
  async find(em: EntityManager, councilId: string, termId: string): Promise<HandoverMeetingRow | undefined> {
    const rows = (await em.query(
      `SELECT h.term_id AS "termId", h.council_id AS "councilId", h.meeting_id AS "meetingId", h.designated_at AS "designatedAt",
              h.designated_by AS "designatedBy", m.title AS "meetingTitle", m.status AS "meetingStatus", m.starts_at AS "meetingStartsAt",
              CASE WHEN m.status IN ${CLOSED} THEN ${CLOSED_AT} END AS "closedAt",
              lower(t.period) AS "termStartsAt", upper(t.period) AS "termEndsAt",
              x.mode AS "transferMode", x.meeting_id AS "transferMeetingId", x.boundary AS "transferBoundary"
         FROM presidency_handover_meetings h
         JOIN meetings m ON m.id = h.meeting_id AND m.council_id = h.council_id
         JOIN presidency_terms t ON t.id = h.term_id
         LEFT JOIN presidency_transfers x ON x.from_term_id = h.term_id
        WHERE h.council_id = $1 AND h.term_id = $2`,
      [councilId, termId],
    )) as HandoverMeetingRow[];
    return rows[0];
  }

  /** The meeting, its row locked against a concurrent transition (FOR SHARE) while it is designated. */
  async lockMeeting(em: EntityManager, councilId: string, meetingId: string): Promise<{ status: string; startsAt: Date } | undefined> {
    const rows = (await em.query(`SELECT status, starts_at AS "startsAt" FROM meetings WHERE council_id = $1 AND id = $2 FOR SHARE`, [
      councilId,
      meetingId,
    ])) as {
      status: string;
      startsAt: Date;
    }[];
    return rows[0] && { status: rows[0].status, startsAt: new Date(rows[0].startsAt) };
  }

  async insert(em: EntityManager, h: { councilId: string; termId: string; meetingId: string; designatedBy: string | null }): Promise<{ designatedAt: Date }> {
    const rows = (await em.query(
      `INSERT INTO presidency_handover_meetings (term_id, council_id, meeting_id, designated_by) VALUES ($1, $2, $3, $4) RETURNING designated_at AS "designatedAt"`,
      [h.termId, h.councilId, h.meetingId, h.designatedBy],
    )) as { designatedAt: Date }[];
    return { designatedAt: new Date(rows[0]!.designatedAt) };
  }

  async delete(em: EntityManager, councilId: string, termId: string): Promise<boolean> {
    const [, count] = (await em.query(`DELETE FROM presidency_handover_meetings WHERE council_id = $1 AND term_id = $2`, [councilId, termId])) as [
      unknown,
      number,
    ];
    return count > 0;
  }

  /** The term whose handover meeting this meeting is, if it is one. */
  async termOfMeeting(em: EntityManager, councilId: string, meetingId: string): Promise<string | undefined> {
    const rows = (await em.query(`SELECT term_id FROM presidency_handover_meetings WHERE council_id = $1 AND meeting_id = $2`, [councilId, meetingId])) as {
      term_id: string;
    }[];
    return rows[0]?.term_id;
  }

  /** Handover meetings closed within their term, whose term is not succeeded yet (the sweeper's work), earliest close first. */
  async closedPending(em: EntityManager, limit = 100): Promise<ClosedHandover[]> {
    const rows = (await em.query(
      `SELECT * FROM (
         SELECT h.council_id AS "councilId", h.term_id AS "termId", h.meeting_id AS "meetingId", ${CLOSED_AT} AS "closedAt", t.period
           FROM presidency_handover_meetings h
           JOIN meetings m ON m.id = h.meeting_id AND m.council_id = h.council_id
           JOIN presidency_terms t ON t.id = h.term_id
          WHERE m.status IN ${CLOSED} AND NOT EXISTS (SELECT 1 FROM presidency_transfers x WHERE x.from_term_id = h.term_id)) c
        WHERE c."closedAt" > lower(c.period) AND c."closedAt" < upper(c.period)
        ORDER BY c."closedAt" LIMIT $1`,
      [limit],
    )) as ClosedHandover[];
    return rows.map(closedHandover);
  }

  /** The term's handover meeting if it has closed within the term (whether or not the term is succeeded). */
  async closedWithinTerm(em: EntityManager, termId: string): Promise<ClosedHandover | undefined> {
    const rows = (await em.query(
      `SELECT * FROM (
         SELECT h.council_id AS "councilId", h.term_id AS "termId", h.meeting_id AS "meetingId", ${CLOSED_AT} AS "closedAt", t.period
           FROM presidency_handover_meetings h
           JOIN meetings m ON m.id = h.meeting_id AND m.council_id = h.council_id
           JOIN presidency_terms t ON t.id = h.term_id
          WHERE h.term_id = $1 AND m.status IN ${CLOSED}) c
        WHERE c."closedAt" > lower(c.period) AND c."closedAt" < upper(c.period)`,
      [termId],
    )) as ClosedHandover[];
    return rows[0] && closedHandover(rows[0]);
  }
}
