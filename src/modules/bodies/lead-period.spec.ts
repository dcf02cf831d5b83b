import { isOrderedPeriod, toDateRangeLiteral } from './lead-period.js';

describe('lead periods', () => {
  it('writes half-open daterange literals, open-ended when until is null', () => {
    expect(toDateRangeLiteral({ from: '2026-01-01', until: '2027-01-01' })).toBe('[2026-01-01,2027-01-01)');
    expect(toDateRangeLiteral({ from: '2026-01-01', until: null })).toBe('[2026-01-01,)');
  });

  it('refuses anything that is not a calendar date string', () => {
    expect(() => toDateRangeLiteral({ from: '2026-01-01T00:00:00Z', until: null })).toThrow();
    expect(() => toDateRangeLiteral({ from: '2026-01-01', until: 'x); DROP' })).toThrow();
  });

  it('requires from strictly before until', () => {
    expect(isOrderedPeriod({ from: '2026-01-01', until: '2026-01-02' })).toBe(true);
    expect(isOrderedPeriod({ from: '2026-01-01', until: '2026-01-01' })).toBe(false);
    expect(isOrderedPeriod({ from: '2026-02-01', until: '2026-01-01' })).toBe(false);
    expect(isOrderedPeriod({ from: '2026-02-01', until: null })).toBe(true);
  });
});
