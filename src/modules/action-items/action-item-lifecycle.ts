import type { Permission } from '../../core/auth/permissions.js';
import type { ActionItemStatus } from './entities/action-item.entity.js';

/**
 * The life of an action item: open → acknowledged → in_progress ⇄ blocked →
 * done → verified. A verifier may return a done item to in_progress; any
 * status but verified and cancelled may be cancelled (by the secretariat,
 * possibly citing an adopted decision).
 */
export const NEXT_STATUSES: Readonly<Record<ActionItemStatus, readonly ActionItemStatus[]>> = Object.freeze({
  open: ['acknowledged', 'cancelled'],
  acknowledged: ['in_progress', 'cancelled'],
  in_progress: ['blocked', 'done', 'cancelled'],
  blocked: ['in_progress', 'cancelled'],
  done: ['verified', 'in_progress', 'cancelled'],
  verified: [],
  cancelled: [],
});

/** Final statuses: nothing changes any more (no edits, progress or reassignment). */
export const FINAL_STATUSES: readonly ActionItemStatus[] = ['verified', 'cancelled'];

/** Statuses in which the owner reports progress. */
export const PROGRESS_STATUSES: readonly ActionItemStatus[] = ['acknowledged', 'in_progress', 'blocked'];

export function allowedNext(from: ActionItemStatus): readonly ActionItemStatus[] {
  return NEXT_STATUSES[from];
}

export function canTransition(from: ActionItemStatus, to: ActionItemStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function isFinal(status: ActionItemStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/**
 * Who may make a move: the owner's delegates move the item forward
 * ('action_item.progress'); verifying, and returning a done item to work, is
 * the verifier's ('action_item.verify'); cancelling is 'action_item.cancel'.
 * For an illegal move, the permission its target would need if it were legal
 * from some status (so the caller learns first whether it may act at all).
 */
export function permissionFor(from: ActionItemStatus, to: ActionItemStatus): Permission {
  if (to === 'cancelled') return 'action_item.cancel';
  if (to === 'verified') return 'action_item.verify';
  if (to === 'in_progress' && from === 'done') return 'action_item.verify';
  return 'action_item.progress';
}

/** Moves that need a reason (kept in the item's history). */
export function needsReason(from: ActionItemStatus, to: ActionItemStatus): boolean {
  return to === 'blocked' || to === 'cancelled' || (from === 'done' && to === 'in_progress');
}
