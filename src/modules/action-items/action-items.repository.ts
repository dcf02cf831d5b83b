import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CALLER_COLUMNS, type CallerRow, callerSql } from '../../core/auth/caller.repository.js';
import { preparedQuery } from '../../core/database/prepared-query.js';
import type { ActionItemFilterValues, ActionItemRow, ActionItemUpdateRow, CouncilInfo, LockedActionItemRow, MineScope } from './action-item.rows.js';
import { COLUMNS, filterSql, LED_BODIES, OPEN_SQL, Params, TODAY_OF } from './action-items.sql.js';
import type { ActionItemStatus } from './entities/action-item.entity.js';
import type { KeysetPosition } from './keyset-cursor.js';

export type {
  ActionItemFilterValues,
  ActionItemRow,
  ActionItemUpdateRow,
  CouncilInfo,
  LockedActionItemRow,
  MineScope,
  NewActionItem,
  WriteScope,
} from './action-item.rows.js';

/**
 * Action items read in plain SQL. Lists are keyset-paged on (due_date, id), one
 * statement each (the council's "today" comes from a CTE, so a missing council
 * gives no row at all). Locking reads (FOR UPDATE) are here; the writes that
 * follow them are in ActionItemWritesRepository.
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
}
