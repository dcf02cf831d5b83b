import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParticipantKind } from '../../participants/entities/participant.entity.js';
import type { DecisionOutcome, DecisionStatus } from '../session/entities/decision.entity.js';
import type { WrittenQuorum } from './silence-rules.js';

export interface SilenceCouncilRow {
  id: string;
  name: string;
  workingLanguages: string[];
  quorumRatio: number;
  timeZone: string;
}

export interface WrittenDecisionRow {
  id: string;
  councilId: string;
  bodyId: string | null;
  text: Record<string, string>;
  deadline: Date;
  status: DecisionStatus;
  outcome: DecisionOutcome | null;
  closedAt: Date | null;
  memberStatesPresent: number | null;
  activeMemberStates: number | null;
  quorumRequired: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The deadline has not passed (by the database's clock, when read). */
  open: boolean;
}

export interface SilenceDelegationRow {
  id: string;
  name: string;
  participantKind: ParticipantKind;
  participantStatus: string;
}

/** A written decision locked for closing, with what the close needs. */
export interface ClosingRow {
  id: string;
  councilId: string;
  deadline: Date;
  quorumRatio: number;
  /** The deadline has passed by the database's clock. */
  due: boolean;
}

/** What the notices about a written decision say. */
export interface SilenceNoticeRow {
  id: string;
  councilId: string;
  councilName: string;
  councilTimeZone: string;
  text: Record<string, string>;
  deadline: Date;
  status: DecisionStatus;
  outcome: DecisionOutcome | null;
  bodyName: string | null;
  /** Names of the delegations whose break of silence stands. */
  brokenBy: string[];
}

const WRITTEN_COLUMNS = `d.id, d.council_id AS "councilId", d.body_id AS "bodyId", d.text, d.silence_deadline AS "deadline", d.status, d.outcome,
  d.closed_at AS "closedAt", d.member_states_present AS "memberStatesPresent", d.active_member_states AS "activeMemberStates",
  d.quorum_required AS "quorumRequired", d.version, d.created_at AS "createdAt", d.updated_at AS "updatedAt",
  d.silence_deadline > clock_timestamp() AS open`;

/** Standing breaks of active member states: the ones that stop adoption. */
const STANDING_BREAKS = `
  FROM decision_objections o
  JOIN delegations g ON g.id = o.delegation_id
  JOIN participants p ON p.id = g.participant_id AND p.kind = 'member_state' AND p.status = 'active'
 WHERE o.decision_id = $1 AND o.withdrawn_at IS NULL`;

/**
 * Written decisions (decisions with procedure = 'written'), in plain SQL.
 * Breaks, withdrawals and positions share-lock the decision row; closing
 * locks it FOR UPDATE and only then counts the standing breaks (in a later
 * statement, so it sees every break committed before it got the lock).
 */
@Injectable()
export class SilenceRepository {
  constructor(private readonly db: DataSource) {}

  async findCouncil(em: EntityManager, councilId: string): Promise<SilenceCouncilRow | undefined> {
    const rows = (await em.query(
      `SELECT id, name, working_languages AS "workingLanguages", quorum_ratio::float8 AS "quorumRatio", time_zone AS "timeZone" FROM councils WHERE id = $1`,
      [councilId],
    )) as SilenceCouncilRow[];
    return rows[0];
  }

  async insertWritten(
    em: EntityManager,
    councilId: string,
    text: Record<string, string>,
    deadline: Date,
    bodyId: string | null,
    proposedBy: string | null,
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO decisions (council_id, procedure, text, silence_deadline, body_id, proposed_by) VALUES ($1, 'written', $2, $3, $4, $5) RETURNING id`,
      [councilId, JSON.stringify(text), deadline, bodyId, proposedBy],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async findWritten(em: EntityManager, councilId: string, decisionId: string, lock?: 'share'): Promise<WrittenDecisionRow | undefined> {
    const rows = (await em.query(
      `SELECT ${WRITTEN_COLUMNS} FROM decisions d WHERE d.id = $1 AND d.council_id = $2 AND d.procedure = 'written'${lock ? ' FOR SHARE' : ''}`,
      [decisionId, councilId],
    )) as WrittenDecisionRow[];
    return rows[0];
  }

  async listWritten(councilId: string, filter: { status?: DecisionStatus; outcome?: DecisionOutcome }): Promise<WrittenDecisionRow[]> {
    const where = [`d.council_id = $1`, `d.procedure = 'written'`];
    const params: unknown[] = [councilId];
    if (filter.status) {
      params.push(filter.status);
      where.push(`d.status = $${params.length}`);
    }
    if (filter.outcome) {
      params.push(filter.outcome);
      where.push(`d.outcome = $${params.length}`);
    }
    return this.db.query(`SELECT ${WRITTEN_COLUMNS} FROM decisions d WHERE ${where.join(' AND ')} ORDER BY d.silence_deadline DESC, d.id`, params);
  }

  async findDelegation(em: EntityManager, councilId: string, delegationId: string): Promise<SilenceDelegationRow | undefined> {
    const rows = (await em.query(
      `SELECT g.id, g.name, p.kind AS "participantKind", p.status AS "participantStatus"
         FROM delegations g JOIN participants p ON p.id = g.participant_id
        WHERE g.id = $1 AND g.council_id = $2`,
      [delegationId, councilId],
    )) as SilenceDelegationRow[];
    return rows[0];
  }

  async hasStandingBreak(em: EntityManager, decisionId: string, delegationId: string): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM decision_objections WHERE decision_id = $1 AND delegation_id = $2 AND withdrawn_at IS NULL`, [
      decisionId,
      delegationId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Withdraws the delegation's standing break; its id, or undefined when there is none. */
  async withdrawBreak(em: EntityManager, councilId: string, decisionId: string, delegationId: string): Promise<string | undefined> {
    // TypeORM returns [rows, affected count] for an UPDATE.
    const [rows] = (await em.query(
      `UPDATE decision_objections SET withdrawn_at = now()
        WHERE decision_id = $1 AND council_id = $2 AND delegation_id = $3 AND withdrawn_at IS NULL
        RETURNING id`,
      [decisionId, councilId, delegationId],
    )) as [{ id: string }[], number];
    return rows[0]?.id;
  }

  // ── closing (the worker) ──

  /**
   * Locks a written decision that is still open, FOR UPDATE: a second closer waits here, then finds it closed
   * (undefined). Waits too for every break or withdrawal in progress (they share-lock the row).
   */
  async lockForClosing(em: EntityManager, decisionId: string): Promise<ClosingRow | undefined> {
    const rows = (await em.query(
      `SELECT d.id, d.council_id AS "councilId", d.silence_deadline AS deadline, c.quorum_ratio::float8 AS "quorumRatio",
              d.silence_deadline <= now() AS due
         FROM decisions d JOIN councils c ON c.id = d.council_id
        WHERE d.id = $1 AND d.procedure = 'written' AND d.status = 'proposed'
          FOR UPDATE OF d`,
      [decisionId],
    )) as ClosingRow[];
    return rows[0];
  }

  /** Active member states of the council, and the standing breaks of active member states (read after the lock). */
  async closingCounts(em: EntityManager, councilId: string, decisionId: string): Promise<{ active: number; standing: number }> {
    const rows = (await em.query(
      `SELECT (SELECT count(*)::int FROM participants WHERE council_id = $2 AND kind = 'member_state' AND status = 'active') AS active,
              (SELECT count(*)::int ${STANDING_BREAKS}) AS standing`,
      [decisionId, councilId],
    )) as { active: number; standing: number }[];
    return rows[0]!;
  }

  /**
   * Closes the written decision as of its deadline, once: only while it is proposed and its deadline has passed.
   * False when another closer got there first.
   */
  async closeWritten(em: EntityManager, decisionId: string, outcome: DecisionOutcome, q: WrittenQuorum): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE decisions
          SET status = 'closed', outcome = $2, closed_at = silence_deadline,
              member_states_present = $3, active_member_states = $4, quorum_required = $5, version = version + 1, updated_at = now()
        WHERE id = $1 AND procedure = 'written' AND status = 'proposed' AND silence_deadline <= now()`,
      [decisionId, outcome, q.memberStatesPresent, q.activeMemberStates, q.required],
    )) as [unknown, number];
    return count === 1;
  }

  /** Open written decisions whose deadline has passed, oldest deadline first. */
  async overdue(em: EntityManager, limit: number): Promise<string[]> {
    const rows = (await em.query(
      `SELECT id FROM decisions WHERE procedure = 'written' AND status = 'proposed' AND silence_deadline <= now() ORDER BY silence_deadline, id LIMIT $1`,
      [limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  // ── notices (the worker) ──

  async forNotice(em: EntityManager, decisionId: string): Promise<SilenceNoticeRow | undefined> {
    const rows = (await em.query(
      `SELECT d.id, d.council_id AS "councilId", c.name AS "councilName", c.time_zone AS "councilTimeZone", d.text, d.silence_deadline AS deadline,
              d.status, d.outcome, b.name AS "bodyName",
              ARRAY(SELECT g.name ${STANDING_BREAKS} ORDER BY o.created_at, o.id) AS "brokenBy"
         FROM decisions d JOIN councils c ON c.id = d.council_id LEFT JOIN bodies b ON b.id = d.body_id
        WHERE d.id = $1 AND d.procedure = 'written'`,
      [decisionId],
    )) as SilenceNoticeRow[];
    return rows[0];
  }

  /** A break of silence, if it still stands. */
  async standingBreak(em: EntityManager, breakId: string): Promise<{ delegationName: string; reason: string; createdAt: Date } | undefined> {
    const rows = (await em.query(
      `SELECT g.name AS "delegationName", o.reason, o.created_at AS "createdAt"
         FROM decision_objections o JOIN delegations g ON g.id = o.delegation_id
        WHERE o.id = $1 AND o.withdrawn_at IS NULL`,
      [breakId],
    )) as { delegationName: string; reason: string; createdAt: Date }[];
    return rows[0];
  }
}
