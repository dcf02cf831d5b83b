import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CALLER_COLUMNS, type CallerRow, callerSql } from '../../core/auth/caller.repository.js';
import { preparedQuery } from '../../core/database/prepared-query.js';
import {
  ACTION_ITEM_STATUSES,
  type ActionItemStatus,
  OPEN_STATUSES,
  type OwnerKind,
  type Priority,
  type Rag,
  SOURCE_KINDS,
  type SourceKind,
} from './entities/action-item.entity.js';
import type { UpdateKind } from './entities/action-item-update.entity.js';
import type { KeysetPosition } from './keyset-cursor.js';

export interface ActionItemRow {
  id: string;
  councilId: string;
  title: Record<string, string>;
  description: Record<string, string> | null;
  ownerKind: OwnerKind;
  ownerDelegationId: string | null;
  ownerBodyId: string | null;
  ownerUserId: string | null;
  dueDate: string;
  priority: Priority;
  sourceKind: SourceKind;
  decisionId: string | null;
  meetingId: string | null;
  recommendationId: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  status: ActionItemStatus;
  acknowledgedAt: Date | null;
  doneAt: Date | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelDecisionId: string | null;
  progressPercent: number | null;
  progressRag: Rag | null;
  progressAt: Date | null;
  carriedOver: boolean;
  carryOverTag: string | null;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  overdue: boolean;
}

/** The row locked for a change, with what the caller is to it. */
export interface LockedActionItemRow extends ActionItemRow {
  /** The caller's delegation owns it, or (body items) the caller's participant leads the body today. */
  callerOwns: boolean;
  /** Body items: the caller's participant leads the body today. */
  callerLeads: boolean;
}

export interface ActionItemUpdateRow {
  id: string;
  actionItemId: string;
  kind: UpdateKind;
  text: string | null;
  percent: number | null;
  rag: Rag | null;
  attachmentUrl: string | null;
  statusFrom: ActionItemStatus | null;
  statusTo: ActionItemStatus | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

export interface ActionItemFilterValues {
  ownerDelegationId?: string;
  bodyId?: string;
  meetingId?: string;
  decisionId?: string;
  recommendationId?: string;
  status?: ActionItemStatus[];
  overdue?: boolean;
  dueBefore?: string;
  source?: SourceKind;
}

/** "Mine": the caller's delegation's items, and the items of the bodies its participant leads today. */
export interface MineScope {
  delegationId: string;
  participantId: string | null;
}

/** Who may change an item, as a WHERE condition: anyone (council-wide), its owner's delegates, or its body's leads. */
export type WriteScope = { kind: 'council' } | { kind: 'owner'; delegationId: string; participantId: string | null } | { kind: 'lead'; participantId: string | null };

/** What a new item is given; the rest (status, progress, version, times) starts at its defaults. */
export type NewActionItem = Pick<
  ActionItemRow,
  | 'title'
  | 'description'
  | 'ownerKind'
  | 'ownerDelegationId'
  | 'ownerBodyId'
  | 'ownerUserId'
  | 'dueDate'
  | 'priority'
  | 'sourceKind'
  | 'decisionId'
  | 'meetingId'
  | 'recommendationId'
  | 'targetValue'
  | 'targetUnit'
> & { createdBy: string | null };

export interface CouncilInfo {
  workingLanguages: string[];
  /** Today in the council's time zone (YYYY-MM-DD). */
  today: string;
}

export interface DecisionSourceRow {
  id: string;
  status: string;
  outcome: string | null;
  meetingId: string | null;
}

const OPEN_SQL = `a.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;

const COLUMNS = `a.id, a.council_id AS "councilId", a.title, a.description, a.owner_kind AS "ownerKind",
  a.owner_delegation_id AS "ownerDelegationId", a.owner_body_id AS "ownerBodyId", a.owner_user_id AS "ownerUserId",
  a.due_date::text AS "dueDate", a.priority, a.source_kind AS "sourceKind", a.decision_id AS "decisionId", a.meeting_id AS "meetingId",
  a.recommendation_id AS "recommendationId", a.target_value::float8 AS "targetValue", a.target_unit AS "targetUnit", a.status,
  a.acknowledged_at AS "acknowledgedAt", a.done_at AS "doneAt", a.verified_at AS "verifiedAt", a.verified_by AS "verifiedBy",
  a.cancelled_at AS "cancelledAt", a.cancel_reason AS "cancelReason", a.cancel_decision_id AS "cancelDecisionId",
  a.progress_percent AS "progressPercent", a.progress_rag AS "progressRag", a.progress_at AS "progressAt",
  a.carried_over AS "carriedOver", a.carry_over_tag AS "carryOverTag", a.version, a.created_by AS "createdBy",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** Today in the council's time zone, as a date. */
const TODAY_OF = (councilIdSql: string) => `(SELECT (now() AT TIME ZONE tz.time_zone)::date FROM councils tz WHERE tz.id = ${councilIdSql})`;

/** The bodies the participant leads on `todaySql`. */
const LED_BODIES = (participantSql: string, todaySql: string) =>
  `(SELECT l.body_id FROM body_leads l WHERE l.participant_id = ${participantSql} AND l.period @> ${todaySql})`;

class Params {
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
function filterSql(f: ActionItemFilterValues, p: Params): string {
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
function scopeSql(scope: WriteScope, p: Params): string {
  if (scope.kind === 'council') return '';
  const led = LED_BODIES(`${p.add(scope.participantId)}::uuid`, TODAY_OF('a.council_id'));
  if (scope.kind === 'lead') return ` AND a.owner_body_id IN ${led}`;
  return ` AND (a.owner_delegation_id = ${p.add(scope.delegationId)}::uuid OR a.owner_body_id IN ${led})`;
}

/**
 * Action items in plain SQL. Lists are keyset-paged on (due_date, id), one
 * statement each (the council's "today" comes from a CTE, so a missing council
 * gives no row at all). Writers lock the item (FOR UPDATE) and repeat the
 * caller's scope in the UPDATE's WHERE clause.
 */
@Injectable()
export class ActionItemsRepository {
  constructor(private readonly db: DataSource) {}

  async councilInfo(em: EntityManager, councilId: string): Promise<CouncilInfo | undefined> {
    const rows = (await em.query(
      `SELECT working_languages AS "workingLanguages", (now() AT TIME ZONE time_zone)::date::text AS today FROM councils WHERE id = $1`,
      [councilId],
    )) as CouncilInfo[];
    return rows[0];
  }

  async findInCouncil(councilId: string, id: string, em: EntityManager = this.db.manager): Promise<ActionItemRow | undefined> {
    const rows = (await em.query(
      `SELECT ${COLUMNS}, (${OPEN_SQL} AND a.due_date < ${TODAY_OF('a.council_id')}) AS overdue
         FROM action_items a WHERE a.id = $1 AND a.council_id = $2`,
      [id, councilId],
    )) as ActionItemRow[];
    return rows[0];
  }

  /** The item locked for a change, with whether the caller (delegation, participant; null for staff) owns it or leads its body. */
  async lockInCouncil(
    em: EntityManager,
    councilId: string,
    id: string,
    caller: { delegationId: string | null; participantId: string | null },
  ): Promise<LockedActionItemRow | undefined> {
    const led = LED_BODIES('$4::uuid', 'c.today');
    const rows = (await em.query(
      `SELECT ${COLUMNS}, (${OPEN_SQL} AND a.due_date < c.today) AS overdue,
              coalesce(a.owner_delegation_id = $3::uuid OR a.owner_body_id IN ${led}, false) AS "callerOwns",
              coalesce(a.owner_body_id IN ${led}, false) AS "callerLeads"
         FROM action_items a
         CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE tz.time_zone)::date AS today FROM councils tz WHERE tz.id = a.council_id) c
        WHERE a.id = $1 AND a.council_id = $2
          FOR UPDATE OF a`,
      [id, councilId, caller.delegationId, caller.participantId],
    )) as LockedActionItemRow[];
    return rows[0];
  }

  /**
   * One page, due first: `limit` rows after `after`. `mine` limits it to the
   * caller's delegation and the bodies it leads (two index scans merged).
   * Undefined when the council does not exist.
   */
  async page(
    councilId: string,
    filters: ActionItemFilterValues,
    mine: MineScope | null,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<{ today: string; rows: ActionItemRow[] } | undefined> {
    const p = new Params(councilId);
    const where = filterSql(filters, p);
    const keyset = after ? ` AND (a.due_date, a.id) > (${p.add(after.dueDate)}::date, ${p.add(after.id)}::uuid)` : '';
    const lim = p.add(limit);
    // The caller's own delegation is of this council (resolved for it), and the composite key (owner_delegation_id, council_id)
    // keeps its items there: no council condition on that branch, so the planner takes the delegation's (partial) index.
    const select = (ownerCondition: string, inCouncil = true) =>
      `SELECT ${COLUMNS}, a.due_date AS "sortDue", (${OPEN_SQL} AND a.due_date < c.today) AS overdue
         FROM action_items a
        WHERE ${inCouncil ? 'a.council_id = $1 AND ' : ''}${ownerCondition}${where}${keyset}
        ORDER BY a.due_date, a.id LIMIT ${lim}`;
    let inner: string;
    if (!mine) {
      inner = select('true');
    } else {
      const own = select(`a.owner_delegation_id = ${p.add(mine.delegationId)}::uuid`, false);
      inner = mine.participantId
        ? `SELECT * FROM ((${own}) UNION ALL (${select(`a.owner_body_id IN ${LED_BODIES(`${p.add(mine.participantId)}::uuid`, 'c.today')}`)})) u
            ORDER BY u."sortDue", u.id LIMIT ${lim}`
        : own;
    }
    // A page is read on every list request: a prepared statement (one per shape of filters) is planned once per connection.
    const rows = (await preparedQuery(
      this.db,
      `WITH c AS (SELECT id, (now() AT TIME ZONE time_zone)::date AS today FROM councils WHERE id = $1)
       SELECT c.today::text AS "today", i.* FROM c LEFT JOIN LATERAL (${inner}) i ON true`,
      p.values,
    )) as (ActionItemRow & { today: string; sortDue?: unknown })[];
    if (rows.length === 0) return undefined;
    const today = rows[0]!.today;
    return {
      today,
      rows: rows
        .filter((r) => r.id !== null)
        .map((r) => {
          const { today: _today, sortDue: _sortDue, ...row } = r;
          return row;
        }),
    };
  }

  /**
   * "Mine" for a caller whose roles are not resolved yet (a @ResolveCallerInQuery route), in ONE statement: the
   * caller query (the guard's, as a CTE) and the page of the delegation it seats the caller in (and of the bodies
   * its participant leads today). The page is read only for an enabled, seated delegate — whatever the caller
   * row says, the rows are never another delegation's. `caller` is undefined when the user does not exist;
   * `today` is null when the council does not exist. The caller must be settled (settleCaller) from `caller`
   * before anything is answered.
   */
  async pageForCaller(
    councilId: string,
    filters: ActionItemFilterValues,
    who: { userId: string; at: Date },
    after: KeysetPosition | null,
    limit: number,
  ): Promise<{ caller: CallerRow | undefined; today: string | null; rows: ActionItemRow[] }> {
    const p = new Params(councilId);
    const me = callerSql(p.add(who.userId), '$1', p.add(who.at));
    const where = filterSql(filters, p);
    const keyset = after ? ` AND (a.due_date, a.id) > (${p.add(after.dueDate)}::date, ${p.add(after.id)}::uuid)` : '';
    const lim = p.add(limit);
    // Only an enabled, seated delegate has a delegation's items (a one-time filter on the caller row).
    const seated = `me.role = 'delegate' AND NOT me.disabled`;
    const select = (ownerCondition: string, inCouncil: boolean) =>
      `SELECT ${COLUMNS}, a.due_date AS "sortDue", (${OPEN_SQL} AND a.due_date < c.today) AS overdue
         FROM action_items a
        WHERE ${seated} AND ${inCouncil ? 'a.council_id = $1 AND ' : ''}${ownerCondition}${where}${keyset}
        ORDER BY a.due_date, a.id LIMIT ${lim}`;
    // As in page(): the caller's delegation is of this council (its seat was looked up for it), so no council condition there.
    const inner = `SELECT * FROM ((${select('a.owner_delegation_id = me.delegation_id', false)})
        UNION ALL (${select(`a.owner_body_id IN ${LED_BODIES('me.participant_id', 'c.today')}`, true)})) u
        ORDER BY u."sortDue", u.id LIMIT ${lim}`;
    const callerColumns = CALLER_COLUMNS.map((col) => `me.${col} AS "caller_${col}"`).join(', ');
    const rows = (await preparedQuery(
      this.db,
      `WITH me AS (${me}),
            c AS (SELECT id, (now() AT TIME ZONE time_zone)::date AS today FROM councils WHERE id = $1)
       SELECT ${callerColumns}, c.today::text AS "today", i.* FROM me LEFT JOIN c ON true LEFT JOIN LATERAL (${inner}) i ON true`,
      p.values,
    )) as Record<string, unknown>[];
    const first = rows[0];
    if (!first) return { caller: undefined, today: null, rows: [] };
    const caller = Object.fromEntries(CALLER_COLUMNS.map((col) => [col, first[`caller_${col}`]])) as unknown as CallerRow;
    // The rows keep the caller and sort columns (not copied away: the response maps named fields only).
    const items = rows.filter((r) => r.id !== null) as unknown as ActionItemRow[];
    return { caller, today: first.today as string | null, rows: items };
  }

  /** How many items match, per status and overdue. Undefined when the council does not exist. */
  async counts(
    councilId: string,
    filters: ActionItemFilterValues,
    mine: MineScope | null,
  ): Promise<{ today: string; byStatus: { status: ActionItemStatus; n: number; overdue: number }[] } | undefined> {
    const p = new Params(councilId);
    const where = filterSql(filters, p);
    let owner = '';
    if (mine) {
      const own = `a.owner_delegation_id = ${p.add(mine.delegationId)}::uuid`;
      owner = mine.participantId ? ` AND (${own} OR a.owner_body_id IN ${LED_BODIES(`${p.add(mine.participantId)}::uuid`, 'c.today')})` : ` AND ${own}`;
    }
    const rows = (await this.db.query(
      `WITH c AS (SELECT id, (now() AT TIME ZONE time_zone)::date AS today FROM councils WHERE id = $1)
       SELECT c.today::text AS today, a.status, count(a.id)::int AS n,
              count(a.id) FILTER (WHERE ${OPEN_SQL} AND a.due_date < c.today)::int AS overdue
         FROM c LEFT JOIN action_items a ON a.council_id = c.id${owner}${where}
        GROUP BY c.today, a.status`,
      p.values,
    )) as { today: string; status: ActionItemStatus | null; n: number; overdue: number }[];
    if (rows.length === 0) return undefined;
    return {
      today: rows[0]!.today,
      byStatus: rows.filter((r) => r.status !== null).map((r) => ({ status: r.status!, n: r.n, overdue: r.overdue })),
    };
  }

  async insert(em: EntityManager, councilId: string, v: NewActionItem): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO action_items (council_id, title, description, owner_kind, owner_delegation_id, owner_body_id, owner_user_id, due_date, priority,
                                 source_kind, decision_id, meeting_id, recommendation_id, target_value, target_unit, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        councilId,
        JSON.stringify(v.title),
        v.description === null ? null : JSON.stringify(v.description),
        v.ownerKind,
        v.ownerDelegationId,
        v.ownerBodyId,
        v.ownerUserId,
        v.dueDate,
        v.priority,
        v.sourceKind,
        v.decisionId,
        v.meetingId,
        v.recommendationId,
        v.targetValue,
        v.targetUnit,
        v.createdBy,
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** Title, description, priority and target at `version`; false when the version is no longer current. */
  async updateDetails(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    v: { title: Record<string, string>; description: Record<string, string> | null; priority: Priority; targetValue: number | null; targetUnit: string | null },
  ): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE action_items SET title = $4, description = $5, priority = $6, target_value = $7, target_unit = $8, version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [id, councilId, version, JSON.stringify(v.title), v.description === null ? null : JSON.stringify(v.description), v.priority, v.targetValue, v.targetUnit],
    )) as [unknown, number];
    return count === 1;
  }

  /** Moves the item from `from` to `to` at `version`, within the caller's scope; false when nothing matched. */
  async transition(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    from: ActionItemStatus,
    to: ActionItemStatus,
    scope: WriteScope,
    extra: { actorId: string | null; reason: string | null; cancelDecisionId: string | null },
  ): Promise<boolean> {
    const p = new Params(id, councilId, version, from, to);
    const set: string[] = [`status = $5`];
    if (to === 'acknowledged') set.push('acknowledged_at = now()');
    if (to === 'done') set.push('done_at = now()');
    if (from === 'done' && to === 'in_progress') set.push('done_at = NULL');
    if (to === 'verified') set.push(`verified_at = now(), verified_by = ${p.add(extra.actorId)}::uuid`);
    if (to === 'cancelled') set.push(`cancelled_at = now(), cancel_reason = ${p.add(extra.reason)}, cancel_decision_id = ${p.add(extra.cancelDecisionId)}::uuid`);
    const scoped = scopeSql(scope, p);
    const [, count] = (await em.query(
      `UPDATE action_items a SET ${set.join(', ')}, version = a.version + 1, updated_at = now()
        WHERE a.id = $1 AND a.council_id = $2 AND a.version = $3 AND a.status = $4${scoped}`,
      p.values,
    )) as [unknown, number];
    return count === 1;
  }

  /** Copies the report's figures onto the item (while it is in a progress status), within the caller's scope. */
  async recordProgress(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    scope: WriteScope,
    figures: { percent: number | null; rag: Rag | null },
    statuses: readonly ActionItemStatus[],
  ): Promise<boolean> {
    const p = new Params(id, councilId, version, figures.percent, figures.rag, [...statuses]);
    const scoped = scopeSql(scope, p);
    const [, count] = (await em.query(
      `UPDATE action_items a SET progress_percent = coalesce($4::int, a.progress_percent), progress_rag = coalesce($5::text, a.progress_rag),
              progress_at = now(), version = a.version + 1, updated_at = now()
        WHERE a.id = $1 AND a.council_id = $2 AND a.version = $3 AND a.status = ANY($6::text[])${scoped}`,
      p.values,
    )) as [unknown, number];
    return count === 1;
  }

  /** New owner and due date at `version`; false when the version is no longer current. */
  async reassign(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    v: { ownerKind: OwnerKind; ownerDelegationId: string | null; ownerBodyId: string | null; ownerUserId: string | null; dueDate: string },
  ): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE action_items SET owner_kind = $4, owner_delegation_id = $5, owner_body_id = $6, owner_user_id = $7, due_date = $8,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [id, councilId, version, v.ownerKind, v.ownerDelegationId, v.ownerBodyId, v.ownerUserId, v.dueDate],
    )) as [unknown, number];
    return count === 1;
  }

  async insertUpdate(
    em: EntityManager,
    councilId: string,
    actionItemId: string,
    v: {
      kind: UpdateKind;
      text: string | null;
      percent?: number | null;
      rag?: Rag | null;
      attachmentUrl?: string | null;
      statusFrom?: ActionItemStatus | null;
      statusTo?: ActionItemStatus | null;
      authorId: string | null;
    },
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO action_item_updates (council_id, action_item_id, kind, text, percent, rag, attachment_url, status_from, status_to, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text AS id`,
      [councilId, actionItemId, v.kind, v.text, v.percent ?? null, v.rag ?? null, v.attachmentUrl ?? null, v.statusFrom ?? null, v.statusTo ?? null, v.authorId],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async listUpdates(councilId: string, actionItemId: string, em: EntityManager = this.db.manager, onlyId?: string): Promise<ActionItemUpdateRow[]> {
    return em.query(
      `SELECT u.id::text AS id, u.action_item_id AS "actionItemId", u.kind, u.text, u.percent, u.rag, u.attachment_url AS "attachmentUrl",
              u.status_from AS "statusFrom", u.status_to AS "statusTo", u.author_id AS "authorId", usr.full_name AS "authorName", u.created_at AS "createdAt"
         FROM action_item_updates u LEFT JOIN users usr ON usr.id = u.author_id
        WHERE u.action_item_id = $1 AND u.council_id = $2 AND ($3::bigint IS NULL OR u.id = $3::bigint)
        ORDER BY u.id`,
      [actionItemId, councilId, onlyId ?? null],
    );
  }

  /** The item's history, oldest first, in one statement; undefined when the item is not in the council. */
  async updatesOfItem(councilId: string, actionItemId: string): Promise<ActionItemUpdateRow[] | undefined> {
    const rows = (await this.db.query(
      `SELECT u.* FROM action_items a
         LEFT JOIN LATERAL (
           SELECT u.id::text AS id, u.action_item_id AS "actionItemId", u.kind, u.text, u.percent, u.rag, u.attachment_url AS "attachmentUrl",
                  u.status_from AS "statusFrom", u.status_to AS "statusTo", u.author_id AS "authorId", usr.full_name AS "authorName", u.created_at AS "createdAt",
                  u.id AS seq
             FROM action_item_updates u LEFT JOIN users usr ON usr.id = u.author_id
            WHERE u.action_item_id = a.id AND u.council_id = a.council_id) u ON true
        WHERE a.id = $1 AND a.council_id = $2
        ORDER BY u.seq`,
      [actionItemId, councilId],
    )) as (ActionItemUpdateRow & { seq?: unknown })[];
    if (rows.length === 0) return undefined;
    return rows
      .filter((r) => r.id !== null)
      .map((r) => {
        const { seq: _seq, ...row } = r;
        return row;
      });
  }

  // ── lookups of what an item refers to, always within the council ──

  async delegationInCouncil(em: EntityManager, councilId: string, id: string): Promise<boolean> {
    return ((await em.query(`SELECT 1 FROM delegations WHERE id = $1 AND council_id = $2`, [id, councilId])) as unknown[]).length > 0;
  }

  async bodyInCouncil(em: EntityManager, councilId: string, id: string): Promise<boolean> {
    return ((await em.query(`SELECT 1 FROM bodies WHERE id = $1 AND council_id = $2`, [id, councilId])) as unknown[]).length > 0;
  }

  async meetingInCouncil(em: EntityManager, councilId: string, id: string): Promise<boolean> {
    return ((await em.query(`SELECT 1 FROM meetings WHERE id = $1 AND council_id = $2`, [id, councilId])) as unknown[]).length > 0;
  }

  async recommendationInCouncil(em: EntityManager, councilId: string, id: string): Promise<boolean> {
    return ((await em.query(`SELECT 1 FROM recommendations WHERE id = $1 AND council_id = $2`, [id, councilId])) as unknown[]).length > 0;
  }

  /** The decision (share-locked, so it cannot change while items are created from it). */
  async decisionInCouncil(em: EntityManager, councilId: string, id: string): Promise<DecisionSourceRow | undefined> {
    const rows = (await em.query(`SELECT id, status, outcome, meeting_id AS "meetingId" FROM decisions WHERE id = $1 AND council_id = $2 FOR SHARE`, [
      id,
      councilId,
    ])) as DecisionSourceRow[];
    return rows[0];
  }

  /** The delegation of the member state whose presidency term covers now; null when no term does. */
  async presidencyDelegation(em: EntityManager, councilId: string): Promise<string | null> {
    const rows = (await em.query(
      `SELECT dl.id FROM presidency_terms t JOIN delegations dl ON dl.participant_id = t.participant_id AND dl.council_id = t.council_id
        WHERE t.council_id = $1 AND t.period @> now()`,
      [councilId],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Is the account seated (active) as a delegate of the owner: the delegation, or a delegation of a participant leading the body today? */
  async userFitsOwner(em: EntityManager, councilId: string, userId: string, owner: { delegationId: string | null; bodyId: string | null }): Promise<boolean> {
    const rows = (await em.query(
      `SELECT 1 FROM council_roles cr
         JOIN delegates d ON d.id = cr.delegate_id AND d.active
         JOIN delegations dl ON dl.id = d.delegation_id
        WHERE cr.user_id = $1 AND cr.council_id = $2 AND cr.role = 'delegate'
          AND (dl.id = $3::uuid OR dl.participant_id IN (
                SELECT l.participant_id FROM body_leads l WHERE l.body_id = $4::uuid AND l.period @> ${TODAY_OF('$2')}))`,
      [userId, councilId, owner.delegationId, owner.bodyId],
    )) as unknown[];
    return rows.length > 0;
  }
}
