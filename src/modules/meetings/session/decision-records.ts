import type { EntityManager } from 'typeorm';
import type { ParticipantKind } from '../../participants/entities/participant.entity.js';
import type { ObjectionResponse } from './dto/objection.response.js';
import type { PositionResponse } from './dto/position.response.js';
import type { DecisionPositionKind } from './entities/decision-position.entity.js';
import { iso } from '../../../core/http/iso.js';

/**
 * What delegations said on decisions, in session or in writing: objections (a break of silence is one) and
 * consultation positions. Shared by the session and the silence procedure.
 */
export interface ObjectionRow {
  id: string;
  decisionId: string;
  delegationId: string;
  delegationName: string;
  reason: string;
  withdrawnAt: Date | null;
  createdAt: Date;
}

export interface PositionRow {
  id: string;
  decisionId: string;
  delegationId: string;
  delegationName: string;
  participantKind: ParticipantKind;
  position: DecisionPositionKind;
  note: string | null;
  updatedAt: Date;
}

/** The objections on the decisions, withdrawn ones included, oldest first. */
export async function listObjections(em: EntityManager, decisionIds: string[]): Promise<ObjectionRow[]> {
  if (decisionIds.length === 0) return [];
  return em.query(
    `SELECT o.id, o.decision_id AS "decisionId", o.delegation_id AS "delegationId", d.name AS "delegationName", o.reason,
            o.withdrawn_at AS "withdrawnAt", o.created_at AS "createdAt"
       FROM decision_objections o JOIN delegations d ON d.id = o.delegation_id
      WHERE o.decision_id = ANY($1::uuid[]) ORDER BY o.created_at, o.id`,
    [decisionIds],
  );
}

/** The consultation positions on the decisions, oldest first. */
export async function listPositions(em: EntityManager, decisionIds: string[]): Promise<PositionRow[]> {
  if (decisionIds.length === 0) return [];
  return em.query(
    `SELECT x.id, x.decision_id AS "decisionId", x.delegation_id AS "delegationId", d.name AS "delegationName", p.kind AS "participantKind",
            x.position, x.note, x.updated_at AS "updatedAt"
       FROM decision_positions x JOIN delegations d ON d.id = x.delegation_id JOIN participants p ON p.id = d.participant_id
      WHERE x.decision_id = ANY($1::uuid[]) ORDER BY x.created_at, x.id`,
    [decisionIds],
  );
}

/** Records a member state's objection (a break of silence is one); its id. */
export async function insertObjection(
  em: EntityManager,
  councilId: string,
  decisionId: string,
  delegationId: string,
  reason: string,
  raisedBy: string | null,
): Promise<string> {
  const rows = (await em.query(
    `INSERT INTO decision_objections (council_id, decision_id, delegation_id, reason, raised_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [councilId, decisionId, delegationId, reason, raisedBy],
  )) as { id: string }[];
  return rows[0]!.id;
}

/** States (or restates) the delegation's consultation position; its id. */
export async function upsertPosition(
  em: EntityManager,
  councilId: string,
  decisionId: string,
  delegationId: string,
  position: DecisionPositionKind,
  note: string | null,
  statedBy: string | null,
): Promise<string> {
  const rows = (await em.query(
    `INSERT INTO decision_positions (council_id, decision_id, delegation_id, position, note, stated_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (decision_id, delegation_id) DO UPDATE
       SET position = EXCLUDED.position, note = EXCLUDED.note, stated_by = EXCLUDED.stated_by, updated_at = now()
     RETURNING id`,
    [councilId, decisionId, delegationId, position, note, statedBy],
  )) as { id: string }[];
  return rows[0]!.id;
}

export const objectionResponse = (o: ObjectionRow): ObjectionResponse => ({
  id: o.id,
  decisionId: o.decisionId,
  delegationId: o.delegationId,
  delegationName: o.delegationName,
  reason: o.reason,
  withdrawnAt: iso(o.withdrawnAt),
  createdAt: iso(o.createdAt)!,
});

export const positionResponse = (p: PositionRow): PositionResponse => ({
  id: p.id,
  decisionId: p.decisionId,
  delegationId: p.delegationId,
  delegationName: p.delegationName,
  participantKind: p.participantKind,
  position: p.position,
  note: p.note,
  updatedAt: iso(p.updatedAt)!,
});

/** The quorum figures a decision was closed with; null while it is open. */
export function closingQuorum(d: {
  memberStatesPresent: number | null;
  activeMemberStates: number | null;
  quorumRequired: number | null;
}): { memberStatesPresent: number; activeMemberStates: number; required: number } | null {
  return d.memberStatesPresent === null
    ? null
    : { memberStatesPresent: d.memberStatesPresent, activeMemberStates: d.activeMemberStates!, required: d.quorumRequired! };
}

/** The objections and positions on one decision, as the API shows them. */
export function recordsOf(
  decisionId: string,
  objections: ObjectionRow[],
  positions: PositionRow[],
): { objections: ObjectionResponse[]; positions: PositionResponse[] } {
  return {
    objections: objections.filter((o) => o.decisionId === decisionId).map(objectionResponse),
    positions: positions.filter((p) => p.decisionId === decisionId).map(positionResponse),
  };
}
