import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../action-items/entities/action-item.entity.js';

/** How a set of action items stands: counts per status, overdue, and completion weighted by items. */
export interface Rollup {
  /** Items that count: every status but cancelled. */
  total: number;
  /** Done or verified. */
  completed: number;
  /** Completed / total as a percentage (one decimal), null when there is no item to count. */
  completionPercent: number | null;
  overdue: number;
  byStatus: Record<ActionItemStatus, number>;
}

export type StatusCounts = Partial<Record<ActionItemStatus, number>>;

export const emptyByStatus = (): Record<ActionItemStatus, number> =>
  Object.fromEntries(ACTION_ITEM_STATUSES.map((s) => [s, 0])) as Record<ActionItemStatus, number>;

/** The roll-up of counts per status and an overdue count. Cancelled items are shown but do not count. */
export function rollup(byStatus: StatusCounts, overdue: number): Rollup {
  const counts = emptyByStatus();
  for (const s of ACTION_ITEM_STATUSES) counts[s] = byStatus[s] ?? 0;
  const total = ACTION_ITEM_STATUSES.filter((s) => s !== 'cancelled').reduce((n, s) => n + counts[s], 0);
  const completed = counts.done + counts.verified;
  return { total, completed, completionPercent: total === 0 ? null : Math.round((completed / total) * 1000) / 10, overdue, byStatus: counts };
}

/** Several roll-ups as one, weighted by items (a recommendation with ten items weighs ten times one with one). */
export function combine(parts: readonly Rollup[]): Rollup {
  const byStatus = emptyByStatus();
  let overdue = 0;
  for (const p of parts) {
    for (const s of ACTION_ITEM_STATUSES) byStatus[s] += p.byStatus[s];
    overdue += p.overdue;
  }
  return rollup(byStatus, overdue);
}
