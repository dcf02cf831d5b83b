import { ACTION_ITEM_STATUSES, OPEN_STATUSES } from './entities/action-item.entity.js';
import { allowedNext, canTransition, isFinal, needsReason, permissionFor } from './action-item-lifecycle.js';

describe('action item lifecycle', () => {
  it('runs open → acknowledged → in progress → done → verified', () => {
    const path = ['open', 'acknowledged', 'in_progress', 'done', 'verified'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('goes back and forth between in progress and blocked', () => {
    expect(canTransition('in_progress', 'blocked')).toBe(true);
    expect(canTransition('blocked', 'in_progress')).toBe(true);
    expect(canTransition('blocked', 'done')).toBe(false);
  });

  it('skips no step: no acknowledging twice, no done before work starts, no verifying before done', () => {
    expect(canTransition('open', 'in_progress')).toBe(false);
    expect(canTransition('open', 'done')).toBe(false);
    expect(canTransition('acknowledged', 'done')).toBe(false);
    expect(canTransition('in_progress', 'verified')).toBe(false);
    expect(canTransition('acknowledged', 'acknowledged')).toBe(false);
  });

  it('lets a verifier return a done item to work, never a verified one', () => {
    expect(canTransition('done', 'in_progress')).toBe(true);
    expect(permissionFor('done', 'in_progress')).toBe('action_item.verify');
    expect(permissionFor('blocked', 'in_progress')).toBe('action_item.progress');
    expect(canTransition('verified', 'in_progress')).toBe(false);
  });

  it('cancels anything not final; verified and cancelled are final', () => {
    for (const s of ACTION_ITEM_STATUSES) expect(canTransition(s, 'cancelled')).toBe(!isFinal(s));
    expect(allowedNext('verified')).toEqual([]);
    expect(allowedNext('cancelled')).toEqual([]);
  });

  it('names the permission of each move', () => {
    expect(permissionFor('open', 'acknowledged')).toBe('action_item.progress');
    expect(permissionFor('in_progress', 'done')).toBe('action_item.progress');
    expect(permissionFor('done', 'verified')).toBe('action_item.verify');
    expect(permissionFor('blocked', 'cancelled')).toBe('action_item.cancel');
  });

  it('asks a reason for blocking, cancelling and returning', () => {
    expect(needsReason('in_progress', 'blocked')).toBe(true);
    expect(needsReason('open', 'cancelled')).toBe(true);
    expect(needsReason('done', 'in_progress')).toBe(true);
    expect(needsReason('blocked', 'in_progress')).toBe(false);
    expect(needsReason('open', 'acknowledged')).toBe(false);
  });

  it('every open status can still move forward', () => {
    for (const s of OPEN_STATUSES) expect(allowedNext(s).some((t) => t !== 'cancelled')).toBe(true);
  });
});
