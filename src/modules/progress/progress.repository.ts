import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ACTION_ITEM_STATUSES, type ActionItemStatus, OPEN_STATUSES, type OwnerKind, type Rag } from '../action-items/entities/action-item.entity.js';

export interface RecommendationRollupRow {
  id: string;
  number: number;
  title: string;
  whoShouldAct: string | null;
  focusAreaId: string;
  focusAreaCode: string;
  focusAreaTitle: string;
  overdue: number;
  counts: Record<ActionItemStatus, number>;
}

export interface ProgressItemRow {
  id: string;
  title: Record<string, string>;
  recommendationId: string | null;
  ownerKind: OwnerKind;
  ownerDelegationId: string | null;
  ownerBodyId: string | null;
  ownerName: string;
  dueDate: string;
  status: ActionItemStatus;
  overdue: boolean;
  progressPercent: number | null;
  progressRag: Rag | null;
  latestProgressText: string | null;
  latestProgressAt: Date | null;
}

export interface OwnerRollupRow {
  /** Presidency items count under the holder's delegation. */
  ownerKind: 'delegation' | 'body';
  ownerId: string;
  ownerName: string;
  overdue: number;
  counts: Record<ActionItemStatus, number>;
}

export interface CouncilProgressInfo {
  name: string;
  workingLanguages: string[];
  today: string;
}

/** Which items a roll-up counts: the council's, or only those a body owns. */
export interface ItemScope {
  bodyId?: string;
}

const OPEN = `a.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;
const COUNTS = ACTION_ITEM_STATUSES.map((s) => `count(a.id) FILTER (WHERE a.status = '${s}')::int AS "${s}"`).join(', ');
const TODAY = `(SELECT (now() AT TIME ZONE tz.time_zone)::date FROM councils tz WHERE tz.id = $1)`;

type CountColumns = Record<ActionItemStatus, number>;
const countsOf = (r: CountColumns): Record<ActionItemStatus, number> =>
  Object.fromEntries(ACTION_ITEM_STATUSES.map((s) => [s, r[s]])) as Record<ActionItemStatus, number>;

/**
 * Roll-ups of action items in SQL: one GROUP BY per call (per recommendation,
 * or per owner), never a query per recommendation or per item.
 */
@Injectable()
export class ProgressRepository {
  constructor(private readonly db: DataSource) {}

  async council(councilId: string, em: EntityManager = this.db.manager): Promise<CouncilProgressInfo | undefined> {
    const rows = (await em.query(
      `SELECT name, working_languages AS "workingLanguages", (now() AT TIME ZONE time_zone)::date::text AS today FROM councils WHERE id = $1`,
      [councilId],
    )) as CouncilProgressInfo[];
    return rows[0];
  }

  /** The council's recommendations (all, one, or one focus area's), by number, each with its items counted per status and overdue. */
  async recommendationRollups(
    councilId: string,
    which: { recommendationId?: string; focusAreaId?: string },
    scope: ItemScope = {},
    em: EntityManager = this.db.manager,
  ): Promise<RecommendationRollupRow[]> {
    const params: unknown[] = [councilId];
    const add = (v: unknown) => (params.push(v), `$${params.length}`);
    const itemScope = scope.bodyId ? ` AND a.owner_body_id = ${add(scope.bodyId)}::uuid` : '';
    const where = [
      which.recommendationId ? ` AND r.id = ${add(which.recommendationId)}::uuid` : '',
      which.focusAreaId ? ` AND r.focus_area_id = ${add(which.focusAreaId)}::uuid` : '',
    ].join('');
    const rows = (await em.query(
      `SELECT r.id, r.number, r.title, r.who_should_act AS "whoShouldAct",
              f.id AS "focusAreaId", f.code AS "focusAreaCode", f.title AS "focusAreaTitle",
              ${COUNTS}, count(a.id) FILTER (WHERE ${OPEN} AND a.due_date < ${TODAY})::int AS overdue
         FROM recommendations r
         JOIN focus_areas f ON f.id = r.focus_area_id AND f.council_id = r.council_id
         LEFT JOIN action_items a ON a.recommendation_id = r.id AND a.council_id = r.council_id${itemScope}
        WHERE r.council_id = $1${where}
        GROUP BY r.id, f.id
        ORDER BY r.number`,
      params,
    )) as (Omit<RecommendationRollupRow, 'counts'> & CountColumns)[];
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      whoShouldAct: r.whoShouldAct,
      focusAreaId: r.focusAreaId,
      focusAreaCode: r.focusAreaCode,
      focusAreaTitle: r.focusAreaTitle,
      overdue: r.overdue,
      counts: countsOf(r),
    }));
  }

  async focusArea(councilId: string, focusAreaId: string): Promise<{ id: string; code: string; title: string } | undefined> {
    const rows = (await this.db.query(`SELECT id, code, title FROM focus_areas WHERE id = $1 AND council_id = $2`, [focusAreaId, councilId])) as {
      id: string;
      code: string;
      title: string;
    }[];
    return rows[0];
  }

  /**
   * Items with their owner's name, overdue and latest progress report, by owner then due date.
   * `recommendationId`: that recommendation's; `open`: only those not verified or cancelled. At most `limit`.
   */
  async items(
    councilId: string,
    filter: { recommendationId?: string; bodyId?: string; unfinished?: boolean },
    limit: number,
    em: EntityManager = this.db.manager,
  ): Promise<ProgressItemRow[]> {
    const params: unknown[] = [councilId];
    const add = (v: unknown) => (params.push(v), `$${params.length}`);
    const where = [
      filter.recommendationId ? ` AND a.recommendation_id = ${add(filter.recommendationId)}::uuid` : '',
      filter.bodyId ? ` AND a.owner_body_id = ${add(filter.bodyId)}::uuid` : '',
      filter.unfinished ? ` AND a.status NOT IN ('verified','cancelled')` : '',
    ].join('');
    return em.query(
      `SELECT a.id, a.title, a.recommendation_id AS "recommendationId", a.owner_kind AS "ownerKind",
              a.owner_delegation_id AS "ownerDelegationId", a.owner_body_id AS "ownerBodyId", coalesce(dl.name, b.name) AS "ownerName",
              a.due_date::text AS "dueDate", a.status, (${OPEN} AND a.due_date < ${TODAY}) AS overdue,
              a.progress_percent AS "progressPercent", a.progress_rag AS "progressRag",
              lp.text AS "latestProgressText", lp.created_at AS "latestProgressAt"
         FROM action_items a
         LEFT JOIN delegations dl ON dl.id = a.owner_delegation_id
         LEFT JOIN bodies b ON b.id = a.owner_body_id
         LEFT JOIN LATERAL (SELECT u.text, u.created_at FROM action_item_updates u
                             WHERE u.action_item_id = a.id AND u.kind = 'progress' ORDER BY u.id DESC LIMIT 1) lp ON true
        WHERE a.council_id = $1${where}
        ORDER BY coalesce(dl.name, b.name), a.due_date, a.id
        LIMIT ${add(limit)}`,
      params,
    );
  }

  /** Items counted per owner (delegation — presidency items under its holder's — or body), by owner name. */
  async ownerRollups(councilId: string, scope: ItemScope, em: EntityManager = this.db.manager): Promise<OwnerRollupRow[]> {
    const params: unknown[] = [councilId];
    const itemScope = scope.bodyId ? ` AND a.owner_body_id = $2::uuid` : '';
    if (scope.bodyId) params.push(scope.bodyId);
    const rows = (await em.query(
      `SELECT CASE WHEN a.owner_body_id IS NULL THEN 'delegation' ELSE 'body' END AS "ownerKind",
              coalesce(a.owner_delegation_id, a.owner_body_id) AS "ownerId", coalesce(dl.name, b.name) AS "ownerName",
              ${COUNTS}, count(a.id) FILTER (WHERE ${OPEN} AND a.due_date < ${TODAY})::int AS overdue
         FROM action_items a
         LEFT JOIN delegations dl ON dl.id = a.owner_delegation_id
         LEFT JOIN bodies b ON b.id = a.owner_body_id
        WHERE a.council_id = $1${itemScope}
        GROUP BY 1, 2, 3
        ORDER BY 3, 2`,
      params,
    )) as (Omit<OwnerRollupRow, 'counts'> & CountColumns)[];
    return rows.map((r) => ({ ownerKind: r.ownerKind, ownerId: r.ownerId, ownerName: r.ownerName, overdue: r.overdue, counts: countsOf(r) }));
  }
}
