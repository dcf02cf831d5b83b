import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParticipantKind } from '../../participants/entities/participant.entity.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import type { AgendaItemStatus } from '../agenda/entities/agenda-item.entity.js';
import type { DecisionPositionKind } from './entities/decision-position.entity.js';
import type { DecisionOutcome, DecisionProcedure, DecisionStatus } from './entities/decision.entity.js';
import type { RepresentedBy } from './entities/meeting-attendance.entity.js';
import { insertObjection, listObjections, listPositions, type ObjectionRow, type PositionRow, upsertPosition } from './decision-records.js';

export type { ObjectionRow, PositionRow } from './decision-records.js';

export interface SessionMeetingRow {
  id: string;
  status: MeetingStatus;
  workingLanguages: string[];
  quorumRatio: number;
}

export interface SessionDelegationRow {
  id: string;
  name: string;
  participantId: string;
  participantKind: ParticipantKind;
  participantStatus: string;
}

export interface AttendanceRow {
  meetingId: string;
  delegationId: string;
  delegationName: string;
  participantId: string;
  participantKind: ParticipantKind;
  present: boolean;
  representedBy: RepresentedBy | null;
  version: number;
  updatedAt: Date;
}

export interface DecisionRow {
  id: string;
  councilId: string;
  meetingId: string;
  agendaItemId: string;
  text: Record<string, string>;
  status: DecisionStatus;
  outcome: DecisionOutcome | null;
  closedAt: Date | null;
  memberStatesPresent: number | null;
  activeMemberStates: number | null;
  quorumRequired: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Meeting decisions have the meeting and item fields; written ones (the silence procedure) have none, and maybe a body. */
export interface PublishedDecisionRow {
  id: string;
  procedure: DecisionProcedure;
  text: Record<string, string>;
  closedAt: Date;
  meetingId: string | null;
  meetingTitle: string | null;
  meetingStartsAt: Date | null;
  itemId: string | null;
  itemPosition: number | null;
  itemTitle: Record<string, string> | null;
  bodyId: string | null;
  bodyName: string | null;
}

const ATTENDANCE_SELECT = `
  SELECT a.meeting_id AS "meetingId", a.delegation_id AS "delegationId", d.name AS "delegationName", d.participant_id AS "participantId",
         p.kind AS "participantKind", a.present, a.represented_by AS "representedBy", a.version, a.updated_at AS "updatedAt"
    FROM meeting_attendance a JOIN delegations d ON d.id = a.delegation_id JOIN participants p ON p.id = d.participant_id`;
const DECISION_COLUMNS = `id, council_id AS "councilId", meeting_id AS "meetingId", agenda_item_id AS "agendaItemId", text, status, outcome,
  closed_at AS "closedAt", member_states_present AS "memberStatesPresent", active_member_states AS "activeMemberStates",
  quorum_required AS "quorumRequired", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * Attendance and decisions, in plain SQL. Writers lock the meeting first
 * (attendance: NO KEY UPDATE; decisions: SHARE), so a decision is never
 * closed while attendance changes under it; then the decision row (closing:
 * UPDATE; objections and positions: SHARE).
 */
@Injectable()
export class SessionRepository {
  constructor(private readonly db: DataSource) {}

  async councilExists(councilId: string): Promise<boolean> {
    return ((await this.db.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[]).length > 0;
  }

  async findMeeting(
    councilId: string,
    meetingId: string,
    em: EntityManager = this.db.manager,
    lock?: 'share' | 'update',
  ): Promise<SessionMeetingRow | undefined> {
    const rows = (await em.query(
      `SELECT m.id, m.status, c.working_languages AS "workingLanguages", c.quorum_ratio::float8 AS "quorumRatio"
         FROM meetings m JOIN councils c ON c.id = m.council_id
        WHERE m.id = $1 AND m.council_id = $2${lock ? ` FOR ${lock === 'share' ? 'SHARE' : 'NO KEY UPDATE'} OF m` : ''}`,
      [meetingId, councilId],
    )) as SessionMeetingRow[];
    return rows[0];
  }

  async findDelegation(em: EntityManager, councilId: string, delegationId: string): Promise<SessionDelegationRow | undefined> {
    const rows = (await em.query(
      `SELECT d.id, d.name, d.participant_id AS "participantId", p.kind AS "participantKind", p.status AS "participantStatus"
         FROM delegations d JOIN participants p ON p.id = d.participant_id
        WHERE d.id = $1 AND d.council_id = $2`,
      [delegationId, councilId],
    )) as SessionDelegationRow[];
    return rows[0];
  }

  async findAttendance(em: EntityManager, meetingId: string, delegationId: string): Promise<AttendanceRow | undefined> {
    const rows = (await em.query(`${ATTENDANCE_SELECT} WHERE a.meeting_id = $1 AND a.delegation_id = $2`, [meetingId, delegationId])) as AttendanceRow[];
    return rows[0];
  }

  async listAttendance(councilId: string, meetingId: string, em: EntityManager = this.db.manager): Promise<AttendanceRow[]> {
    return em.query(`${ATTENDANCE_SELECT} WHERE a.meeting_id = $1 AND a.council_id = $2 ORDER BY p.kind, d.name`, [meetingId, councilId]);
  }

  /** Records (or replaces) the delegation's attendance; the version goes up on each change. */
  async upsertAttendance(
    em: EntityManager,
    councilId: string,
    meetingId: string,
    delegationId: string,
    present: boolean,
    representedBy: RepresentedBy | null,
  ): Promise<void> {
    await em.query(
      `INSERT INTO meeting_attendance (meeting_id, delegation_id, council_id, present, represented_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, delegation_id) DO UPDATE
         SET present = EXCLUDED.present, represented_by = EXCLUDED.represented_by, version = meeting_attendance.version + 1, updated_at = now()`,
      [meetingId, delegationId, councilId, present, representedBy],
    );
  }

  /** Active member states of the council, and how many of them are recorded present at the meeting. */
  async quorumCounts(em: EntityManager, councilId: string, meetingId: string): Promise<{ active: number; present: number }> {
    const rows = (await em.query(
      `SELECT count(*)::int AS active,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM delegations d JOIN meeting_attendance a ON a.delegation_id = d.id AND a.meeting_id = $2 AND a.present
                 WHERE d.participant_id = p.id))::int AS present
         FROM participants p WHERE p.council_id = $1 AND p.kind = 'member_state' AND p.status = 'active'`,
      [councilId, meetingId],
    )) as { active: number; present: number }[];
    return rows[0]!;
  }

  async findItem(em: EntityManager, councilId: string, meetingId: string, itemId: string): Promise<{ id: string; status: AgendaItemStatus } | undefined> {
    const rows = (await em.query(`SELECT id, status FROM agenda_items WHERE id = $1 AND meeting_id = $2 AND council_id = $3`, [
      itemId,
      meetingId,
      councilId,
    ])) as {
      id: string;
      status: AgendaItemStatus;
    }[];
    return rows[0];
  }

  async insertDecision(
    em: EntityManager,
    councilId: string,
    meetingId: string,
    itemId: string,
    text: Record<string, string>,
    proposedBy: string | null,
  ): Promise<string> {
    const rows = (await em.query(`INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text, proposed_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      councilId,
      meetingId,
      itemId,
      JSON.stringify(text),
      proposedBy,
    ])) as { id: string }[];
    return rows[0]!.id;
  }

  async findDecision(em: EntityManager, councilId: string, meetingId: string, decisionId: string, lock?: 'share' | 'update'): Promise<DecisionRow | undefined> {
    const rows = (await em.query(
      `SELECT ${DECISION_COLUMNS} FROM decisions WHERE id = $1 AND meeting_id = $2 AND council_id = $3${lock ? ` FOR ${lock === 'share' ? 'SHARE' : 'UPDATE'}` : ''}`,
      [decisionId, meetingId, councilId],
    )) as DecisionRow[];
    return rows[0];
  }

  async listDecisions(councilId: string, meetingId: string, em: EntityManager = this.db.manager): Promise<DecisionRow[]> {
    return em.query(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE meeting_id = $1 AND council_id = $2 ORDER BY created_at, id`, [meetingId, councilId]);
  }

  insertObjection(em: EntityManager, councilId: string, decisionId: string, delegationId: string, reason: string, raisedBy: string | null): Promise<string> {
    return insertObjection(em, councilId, decisionId, delegationId, reason, raisedBy);
  }

  upsertPosition(
    em: EntityManager,
    councilId: string,
    decisionId: string,
    delegationId: string,
    position: DecisionPositionKind,
    note: string | null,
    statedBy: string | null,
  ): Promise<string> {
    return upsertPosition(em, councilId, decisionId, delegationId, position, note, statedBy);
  }

  listObjections(em: EntityManager, decisionIds: string[]): Promise<ObjectionRow[]> {
    return listObjections(em, decisionIds);
  }

  listPositions(em: EntityManager, decisionIds: string[]): Promise<PositionRow[]> {
    return listPositions(em, decisionIds);
  }

  async isPresent(em: EntityManager, meetingId: string, delegationId: string): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM meeting_attendance WHERE meeting_id = $1 AND delegation_id = $2 AND present`, [
      meetingId,
      delegationId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Withdraws the standing objection if it belongs to the delegation; false when there is none. */
  async withdrawObjection(em: EntityManager, councilId: string, decisionId: string, objectionId: string, delegationId: string): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE decision_objections SET withdrawn_at = now()
        WHERE id = $1 AND decision_id = $2 AND council_id = $3 AND delegation_id = $4 AND withdrawn_at IS NULL`,
      [objectionId, decisionId, councilId, delegationId],
    )) as [unknown, number];
    return count === 1;
  }

  /** Standing objections of active member states recorded present at the meeting. */
  async standingObjections(em: EntityManager, decisionId: string, meetingId: string): Promise<number> {
    const rows = (await em.query(
      `SELECT count(*)::int AS n
         FROM decision_objections o
         JOIN delegations d ON d.id = o.delegation_id
         JOIN participants p ON p.id = d.participant_id AND p.kind = 'member_state' AND p.status = 'active'
         JOIN meeting_attendance a ON a.meeting_id = $2 AND a.delegation_id = o.delegation_id AND a.present
        WHERE o.decision_id = $1 AND o.withdrawn_at IS NULL`,
      [decisionId, meetingId],
    )) as { n: number }[];
    return rows[0]!.n;
  }

  /** Closes a proposed decision at its version; false when it is no longer proposed at that version. */
  async close(
    em: EntityManager,
    councilId: string,
    decisionId: string,
    version: number,
    outcome: DecisionOutcome,
    q: { memberStatesPresent: number; activeMemberStates: number; required: number },
    now: Date,
  ): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE decisions SET status = 'closed', outcome = $4, closed_at = $5, member_states_present = $6, active_member_states = $7, quorum_required = $8,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3 AND status = 'proposed'`,
      [decisionId, councilId, version, outcome, now, q.memberStatesPresent, q.activeMemberStates, q.required],
    )) as [unknown, number];
    return count === 1;
  }

  /** The council's adopted decisions, newest first, in one statement; undefined when the council does not exist. */
  async listPublished(councilId: string): Promise<PublishedDecisionRow[] | undefined> {
    const rows = (await this.db.query(
      `SELECT d.* FROM councils c LEFT JOIN LATERAL (
         SELECT x.id, x.procedure, x.text, x.closed_at AS "closedAt", m.id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "meetingStartsAt",
                i.id AS "itemId", i.position AS "itemPosition", i.title AS "itemTitle", b.id AS "bodyId", b.name AS "bodyName"
           FROM decisions x LEFT JOIN meetings m ON m.id = x.meeting_id LEFT JOIN agenda_items i ON i.id = x.agenda_item_id
           LEFT JOIN bodies b ON b.id = x.body_id
          WHERE x.council_id = c.id AND x.outcome = 'adopted') d ON true
        WHERE c.id = $1
        ORDER BY d."closedAt" DESC, d.id`,
      [councilId],
    )) as PublishedDecisionRow[];
    if (rows.length === 0) return undefined;
    return rows.filter((r) => r.id !== null);
  }
}
