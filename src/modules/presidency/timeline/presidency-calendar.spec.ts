import { calendarAt } from './presidency-calendar.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const members = [
  { id: 'CA', rotationPosition: 1, status: 'active' as const },
  { id: 'US', rotationPosition: 2, status: 'active' as const },
  { id: 'FI', rotationPosition: 3, status: 'active' as const },
  { id: 'NO', rotationPosition: 4, status: 'active' as const },
];
// Irregular history: two-year terms, then a longer one (Norway 2006–09), then a one-year one.
const terms = [
  { participantId: 'CA', startsAt: d('1996-09-19'), endsAt: d('1998-09-17') },
  { participantId: 'US', startsAt: d('1998-09-17'), endsAt: d('2000-10-13') },
  { participantId: 'FI', startsAt: d('2000-10-13'), endsAt: d('2002-10-10') },
  { participantId: 'NO', startsAt: d('2002-10-10'), endsAt: d('2009-04-29') },
  { participantId: 'CA', startsAt: d('2009-04-29'), endsAt: d('2010-04-29') },
];
const base = { terms, policy: 'fixed_order' as const, members, termMonths: 24, upcoming: 2 };

describe('presidency calendar', () => {
  it('places any instant in irregular history', () => {
    const c = calendarAt({ ...base, at: d('2005-01-01') });
    expect(c.past.map((t) => t.participantId)).toEqual(['CA', 'US', 'FI']);
    expect(c.current?.participantId).toBe('NO');
    expect(c.upcoming.map((t) => [t.participantId, t.startsAt.toISOString().slice(0, 10), t.endsAt.toISOString().slice(0, 10)])).toEqual([
      ['CA', '2009-04-29', '2010-04-29'],
      ['US', '2010-04-29', '2012-04-29'],
    ]);
    expect([c.troika.previous?.participantId, c.troika.current?.participantId, c.troika.next?.participantId]).toEqual(['FI', 'NO', 'CA']);
  });

  it('treats a boundary instant as the start of the next term', () => {
    const c = calendarAt({ ...base, at: d('2000-10-13') });
    expect(c.current?.participantId).toBe('FI');
    expect(c.past.map((t) => t.participantId)).toEqual(['CA', 'US']);
  });

  it('has no current term before the first and after the last, and projects nothing from the past', () => {
    const before = calendarAt({ ...base, at: d('1990-01-01') });
    expect(before.current).toBeNull();
    expect(before.past).toEqual([]);
    expect(before.upcoming.map((t) => t.participantId)).toEqual(['CA', 'US']);
    const after = calendarAt({ ...base, at: d('2020-01-01') });
    expect(after.current).toBeNull();
    expect(after.past).toHaveLength(5);
    expect(after.upcoming).toEqual([]);
    expect(after.troika.previous?.participantId).toBe('CA');
  });
});
