import { ACTION_ITEM_STATUSES, OPEN_STATUSES, SOURCE_KINDS } from './entities/action-item.entity.js';
import { councilTodaySql, ledBodiesSql } from '../councils/council-references.repository.js';
import type { ActionItemFilterValues, WriteScope } from './action-item.rows.js';

/** An item in one of the open statuses (literals, so partial indexes apply). */
export const OPEN_SQL = `a.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;

/** An action item's columns, named as ActionItemRow. */
export const COLUMNS = `a.id, a.council_id AS "councilId", a.title, a.description, a.owner_kind AS "ownerKind",
  a.owner_delegation_id AS "ownerDelegationId", a.owner_body_id AS "ownerBodyId", a.owner_user_id AS "ownerUserId",
  a.due_date::text AS "dueDate", a.priority, a.source_kind AS "sourceKind", a.decision_id AS "decisionId", a.meeting_id AS "meetingId",
  a.recommendation_id AS "recommendationId", a.target_value::float8 AS "targetValue", a.target_unit AS "targetUnit", a.status,
  a.acknowledged_at AS "acknowledgedAt", a.done_at AS "doneAt", a.verified_at AS "verifiedAt", a.verified_by AS "verifiedBy",
  a.cancelled_at AS "cancelledAt", a.cancel_reason AS "cancelReason", a.cancel_decision_id AS "cancelDecisionId",
  a.progress_percent AS "progressPercent", a.progress_rag AS "progressRag", a.progress_at AS "progressAt",
  a.carried_over AS "carriedOver", a.carry_over_tag AS "carryOverTag", a.version, a.created_by AS "createdBy",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** Today in the council's time zone, as a date. */
export const TODAY_OF = councilTodaySql;

/** The bodies the participant leads on `todaySql`, in parentheses (for `IN`). */
export const LED_BODIES = (participantSql: string, todaySql: string): string => `(${ledBodiesSql(participantSql, todaySql)})`;

/** A statement's positional parameters, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  constructor(...initial: unknown[]) {
    this.values.push(...initial);
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const literal = <T extends string>(value: T, allowed: readonly T[]): string => {
  if (!allowed.includes(value)) throw new Error(`not an allowed value: ${value}`);
  return `'${value}'`;
};

/** The filters as SQL conditions on `a` (action_items) and `c.today`. Statuses and sources (whitelisted) go in as literals so partial indexes apply. */
export function filterSql(f: ActionItemFilterValues, p: Params): string {
  const parts: string[] = [];
  if (f.ownerDelegationId) parts.push(`a.owner_delegation_id = ${p.add(f.ownerDelegationId)}::uuid`);
  if (f.bodyId) parts.push(`a.owner_body_id = ${p.add(f.bodyId)}::uuid`);
  if (f.meetingId) {
    // The meeting's items, and those carried over to it from an earlier meeting (action_item_carry_overs).
    const m = p.add(f.meetingId);
    parts.push(`(a.meeting_id = ${m}::uuid OR a.id IN (SELECT co.action_item_id FROM action_item_carry_overs co WHERE co.to_meeting_id = ${m}::uuid))`);
  }
  if (f.decisionId) parts.push(`a.decision_id = ${p.add(f.decisionId)}::uuid`);
  if (f.recommendationId) parts.push(`a.recommendation_id = ${p.add(f.recommendationId)}::uuid`);
  if (f.status && f.status.length > 0) parts.push(`a.status IN (${[...new Set(f.status)].map((s) => literal(s, ACTION_ITEM_STATUSES)).join(',')})`);
  if (f.overdue === true) parts.push(`${OPEN_SQL} AND a.due_date < c.today`);
  if (f.overdue === false) parts.push(`NOT (${OPEN_SQL} AND a.due_date < c.today)`);
  if (f.dueBefore) parts.push(`a.due_date < ${p.add(f.dueBefore)}::date`);
  if (f.source) parts.push(`a.source_kind = ${literal(f.source, SOURCE_KINDS)}`);
  return parts.map((x) => ` AND ${x}`).join('');
}

/** The write scope as a condition on `a`. */
export function scopeSql(scope: WriteScope, p: Params): string {
  if (scope.kind === 'council') return '';
  const led = LED_BODIES(`${p.add(scope.participantId)}::uuid`, TODAY_OF('a.council_id'));
  if (scope.kind === 'lead') return ` AND a.owner_body_id IN ${led}`;
  return ` AND (a.owner_delegation_id = ${p.add(scope.delegationId)}::uuid OR a.owner_body_id IN ${led})`;
}
