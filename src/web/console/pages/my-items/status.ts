import type { Schemas } from '../../api/client';

export type ActionItem = Schemas['ActionItemResponse'];
export type Status = ActionItem['status'];
export const STATUSES: Status[] = ['open', 'acknowledged', 'in_progress', 'blocked', 'done', 'verified', 'cancelled'];
export const SOURCES = ['decision', 'meeting', 'recommendation', 'none'] as const;
export const RAGS = ['red', 'amber', 'green'] as const;

/** The moves a delegate makes, in the order shown; the API's allowedTransitions says which apply now. */
export const DELEGATE_MOVES: { to: Status; label: string; needsReason?: boolean }[] = [
  { to: 'acknowledged', label: 'moves.acknowledge' },
  { to: 'in_progress', label: 'moves.start' },
  { to: 'blocked', label: 'moves.block', needsReason: true },
  { to: 'done', label: 'moves.done' },
];

/**
 * The moves of the delegate journey the API allows now: in the item's allowedTransitions (the lifecycle) and
 * made with 'action_item.progress', the owner's permission (returning a done item to work is the verifier's,
 * cancelling the secretariat's: src/modules/action-items/action-item-lifecycle.ts).
 */
export function delegateMoves(item: Pick<ActionItem, 'status' | 'allowedTransitions'>): typeof DELEGATE_MOVES {
  return DELEGATE_MOVES.filter((m) => item.allowedTransitions.includes(m.to) && !(item.status === 'done' && m.to === 'in_progress'));
}

/** Statuses in which the owner reports progress (the API refuses a report in the others). */
export const PROGRESS_STATUSES: Status[] = ['acknowledged', 'in_progress', 'blocked'];

/** Days ahead of the council's today within which an item is "due soon". */
export const DUE_SOON_DAYS = 7;

export const isClosed = (status: Status) => status === 'done' || status === 'verified' || status === 'cancelled';
