import { demoTermYears, januaryFirst, rotationIndexForYear } from './seed-calendar.js';

describe('demo seed calendar', () => {
  it('covers the previous, current and next year, back to back, aligned to 1 January UTC', () => {
    const terms = demoTermYears(new Date('2026-07-15T12:00:00Z'));
    expect(terms.map((t) => t.year)).toEqual([2025, 2026, 2027]);
    expect(terms[0]!.start.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(terms[2]!.end.toISOString()).toBe('2028-01-01T00:00:00.000Z');
    for (let i = 1; i < terms.length; i++) expect(terms[i]!.start.getTime()).toBe(terms[i - 1]!.end.getTime());
  });

  it('uses the UTC year, even when the local new year differs', () => {
    expect(demoTermYears(new Date('2026-12-31T23:30:00Z'))[1]!.year).toBe(2026);
    expect(demoTermYears(new Date('2027-01-01T00:00:00Z'))[1]!.year).toBe(2027);
  });

  it('walks the rotation order one member state per year, wrapping around', () => {
    expect(rotationIndexForYear(2025, 11)).toBe(0);
    expect(rotationIndexForYear(2026, 11)).toBe(1);
    expect(rotationIndexForYear(2036, 11)).toBe(0);
    expect(rotationIndexForYear(2024, 11)).toBe(10);
    expect(() => rotationIndexForYear(2026, 0)).toThrow();
  });

  it('writes 1 January as a calendar date', () => {
    expect(januaryFirst(2026)).toBe('2026-01-01');
  });
});
