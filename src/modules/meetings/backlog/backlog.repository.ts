import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import type { AgendaItemPurpose } from '../agenda/entities/agenda-item.entity.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import type { BacklogItemStatus } from './entities/backlog-item.entity.js';

export interface BacklogItemRow {
  id: string;
  councilId: string;
  bodyId: string;
  title: Record<string, string>;
  purpose: AgendaItemPurpose;
  description: string | null;
  proposedBy: string | null;
  proposedByDelegationId: string | null;
  status: BacklogItemStatus;
  agendaItemId: string | null;
  meetingId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type BacklogItemValues = Pick<BacklogItemRow, 'title' | 'purpose' | 'description'>;

export interface NextMeetingRow {
  id: string;
  startsAt: Date;
}

/** An item of a held meeting that can be carried forward, and why. */
export interface CarryableItemRow {
  id: string;
  version: number;
  reason: 'open' | 'undecided';
}

/** Meetings that may receive carried items: not started, not cancelled, agenda still open. */
export const NEXT_MEETING_STATUSES: readonly MeetingStatus[] = ['draft', 'convened', 'agenda_circulated', 'postponed'];

const SELECT = `SELECT b.id, b.council_id AS "councilId", b.body_id AS "bodyId", b.title, b.purpose, b.description, b.proposed_by AS "proposedBy",
    b.proposed_by_delegation_id AS "proposedByDelegationId", b.status, b.agenda_item_id AS "agendaItemId", a.meeting_id AS "meetingId",
    b.version, b.created_at AS "createdAt", b.updated_at AS "updatedAt"
  FROM backlog_items b LEFT JOIN agenda_items a ON a.id = b.agenda_item_id`;

/**
 * Backlog items of a body, in plain SQL. Writes by a delegate are limited to
 * the caller's delegation (`scope`: a delegation id, or null council-wide).
 */
@Injectable()
export class BacklogRepository {
  constructor(private readonly db: DataSource) {}

  /** The council's working languages, when the body belongs to the council. */
  async bodyLanguages(councilId: string, bodyId: string, em: EntityManager = this.db.manager): Promise<string[] | undefined> {
    const rows = (await em.query(
      `SELECT c.working_languages AS "languages" FROM bodies b JOIN councils c ON c.id = b.council_id WHERE b.id = $1 AND b.council_id = $2`,
      [bodyId, councilId],
    )) as { languages: string[] }[];
    return rows[0]?.languages;
  }

  async insert(
    em: EntityManager,
    councilId: string,
    bodyId: string,
    v: BacklogItemValues,
    proposedBy: string | null,
    delegationId: string | null,
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO backlog_items (council_id, body_id, title, purpose, description, proposed_by, proposed_by_delegation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [councilId, bodyId, JSON.stringify(v.title), v.purpose, v.description, proposedBy, delegationId],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async find(em: EntityManager, councilId: string, bodyId: string, id: string, scope: string | null = null, lock = false): Promise<BacklogItemRow | undefined> {
    const rows = (await em.query(
      `${SELECT} WHERE b.id = $1 AND b.council_id = $2 AND b.body_id = $3 AND ($4::uuid IS NULL OR b.proposed_by_delegation_id = $4)${lock ? ' FOR UPDATE OF b' : ''}`,
      [id, councilId, bodyId, scope],
    )) as BacklogItemRow[];
    return rows[0];
  }

  async list(councilId: string, bodyId: string, status?: BacklogItemStatus): Promise<BacklogItemRow[]> {
    return this.db.query(`${SELECT} WHERE b.council_id = $1 AND b.body_id = $2 AND ($3::text IS NULL OR b.status = $3) ORDER BY b.created_at, b.id`, [
      councilId,
      bodyId,
      status ?? null,
    ]);
  }

  /** Sets the values of a proposed item at its version, within the scope; false when no row matched. */
  async updateVersioned(em: EntityManager, councilId: string, id: string, version: number, v: BacklogItemValues, scope: string | null): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE backlog_items SET title = $4, purpose = $5, description = $6, version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3 AND status = 'proposed' AND ($7::uuid IS NULL OR proposed_by_delegation_id = $7)`,
      [id, councilId, version, JSON.stringify(v.title), v.purpose, v.description, scope],
    )) as [unknown, number];
    return count === 1;
  }

  async withdraw(em: EntityManager, councilId: string, id: string, version: number, scope: string | null): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE backlog_items SET status = 'withdrawn', version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3 AND status = 'proposed' AND ($4::uuid IS NULL OR proposed_by_delegation_id = $4)`,
      [id, councilId, version, scope],
    )) as [unknown, number];
    return count === 1;
  }

  async markScheduled(em: EntityManager, councilId: string, id: string, version: number, agendaItemId: string): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE backlog_items SET status = 'scheduled', agenda_item_id = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3 AND status = 'proposed'`,
      [id, councilId, version, agendaItemId],
    )) as [unknown, number];
    return count === 1;
  }

  /** The participant a delegation speaks for (it presents the items the delegation proposed). */
  async participantOfDelegation(em: EntityManager, councilId: string, delegationId: string): Promise<string | undefined> {
    const rows = (await em.query(`SELECT participant_id AS "participantId" FROM delegations WHERE id = $1 AND council_id = $2`, [delegationId, councilId])) as {
      participantId: string;
    }[];
    return rows[0]?.participantId;
  }

  /**
   * The next meeting after `after` that can take carried items: of the same
   * body, or — for a council meeting (no body) — the next council meeting of
   * the same kind; not started, not cancelled. Earliest start first.
   */
  async nextMeeting(
    em: EntityManager,
    councilId: string,
    source: { id: string; bodyId: string | null; kind: MeetingKind },
    after: Date,
  ): Promise<NextMeetingRow | undefined> {
    const sameBody = source.bodyId === null ? `m.body_id IS NULL AND m.kind = $4` : `m.body_id = $4`;
    const rows = (await em.query(
      `SELECT m.id, m.starts_at AS "startsAt" FROM meetings m
        WHERE m.council_id = $1 AND m.id <> $2 AND m.starts_at > $3 AND m.status = ANY($5::text[]) AND ${sameBody}
        ORDER BY m.starts_at, m.id LIMIT 1`,
      [councilId, source.id, after, source.bodyId ?? source.kind, NEXT_MEETING_STATUSES],
    )) as NextMeetingRow[];
    return rows[0];
  }

  /**
   * Items of the meeting still on its agenda (scheduled) with no final
   * decision (adopted or not adopted): 'open' without any decision,
   * 'undecided' when its decisions were deferred or are still proposed.
   */
  async carryableItems(em: EntityManager, councilId: string, meetingId: string): Promise<CarryableItemRow[]> {
    return em.query(
      `SELECT a.id, a.version,
              CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.agenda_item_id = a.id) THEN 'undecided' ELSE 'open' END AS reason
         FROM agenda_items a
        WHERE a.meeting_id = $1 AND a.council_id = $2 AND a.status = 'scheduled'
          AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.agenda_item_id = a.id AND d.status = 'closed' AND d.outcome IN ('adopted', 'not_adopted'))
        ORDER BY a.position`,
      [meetingId, councilId],
    );
  }
}
