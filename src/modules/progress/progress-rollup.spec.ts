import { combine, rollup } from './progress-rollup.js';

describe('progress roll-up', () => {
  it('weights completion by items and leaves cancelled items out', () => {
    const r = rollup({ open: 1, in_progress: 1, done: 1, verified: 1, cancelled: 5 }, 1);
    expect(r).toMatchObject({ total: 4, completed: 2, completionPercent: 50, overdue: 1 });
    expect(r.byStatus).toEqual({ open: 1, acknowledged: 0, in_progress: 1, blocked: 0, done: 1, verified: 1, cancelled: 5 });
  });

  it('has no completion without items that count', () => {
    expect(rollup({}, 0).completionPercent).toBeNull();
    expect(rollup({ cancelled: 2 }, 0)).toMatchObject({ total: 0, completionPercent: null });
  });

  it('rounds to one decimal', () => {
    expect(rollup({ open: 2, done: 1 }, 0).completionPercent).toBe(33.3);
  });

  it('combines by items, not by averaging percentages', () => {
    const big = rollup({ done: 9, open: 1 }, 1); // 90 %
    const small = rollup({ open: 1 }, 0); // 0 %
    const all = combine([big, small]);
    expect(all).toMatchObject({ total: 11, completed: 9, completionPercent: 81.8, overdue: 1 });
    expect(combine([])).toMatchObject({ total: 0, completionPercent: null, overdue: 0 });
  });
});
