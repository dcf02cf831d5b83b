import { localTimes } from './working-hours.js';

describe('localTimes (working hours 08:00–18:00 local)', () => {
  // The same UTC hours, one week apart: Toronto moves to daylight time on Sunday 8 March 2026,
  // Mexico City has kept standard time all year since October 2022.
  const weekBefore = { start: new Date('2026-03-02T14:00:00Z'), end: new Date('2026-03-02T22:30:00Z') };
  const weekAfter = { start: new Date('2026-03-09T14:00:00Z'), end: new Date('2026-03-09T22:30:00Z') };

  it('Toronto before the change (EST, UTC−5): 09:00–17:30, inside working hours', () => {
    expect(localTimes(weekBefore.start, weekBefore.end, 'America/Toronto')).toEqual({
      localStart: '2026-03-02T09:00:00-05:00',
      localEnd: '2026-03-02T17:30:00-05:00',
      startOffsetMinutes: -300,
      endOffsetMinutes: -300,
      outsideWorkingHours: false,
    });
  });

  it('Toronto after the change (EDT, UTC−4): 10:00–18:30, outside working hours', () => {
    expect(localTimes(weekAfter.start, weekAfter.end, 'America/Toronto')).toEqual({
      localStart: '2026-03-09T10:00:00-04:00',
      localEnd: '2026-03-09T18:30:00-04:00',
      startOffsetMinutes: -240,
      endOffsetMinutes: -240,
      outsideWorkingHours: true,
    });
  });

  it('Mexico City does not change (UTC−6 all year): 08:00–16:30 both weeks', () => {
    for (const [week, date] of [
      [weekBefore, '2026-03-02'],
      [weekAfter, '2026-03-09'],
    ] as const) {
      expect(localTimes(week.start, week.end, 'America/Mexico_City')).toMatchObject({
        localStart: `${date}T08:00:00-06:00`,
        localEnd: `${date}T16:30:00-06:00`,
        startOffsetMinutes: -360,
        outsideWorkingHours: false,
      });
    }
  });

  it('a meeting across the change itself shows two offsets', () => {
    const t = localTimes(new Date('2026-03-08T06:30:00Z'), new Date('2026-03-08T07:30:00Z'), 'America/Toronto');
    expect(t).toMatchObject({
      localStart: '2026-03-08T01:30:00-05:00',
      localEnd: '2026-03-08T03:30:00-04:00',
      startOffsetMinutes: -300,
      endOffsetMinutes: -240,
    });
    expect(t.outsideWorkingHours).toBe(true);
  });

  it('exactly 08:00–18:00 is inside; 07:59 start or a meeting into the next local day is outside', () => {
    expect(localTimes(new Date('2026-06-01T12:00:00Z'), new Date('2026-06-01T22:00:00Z'), 'America/Toronto').outsideWorkingHours).toBe(false);
    expect(localTimes(new Date('2026-06-01T11:59:00Z'), new Date('2026-06-01T13:00:00Z'), 'America/Toronto').outsideWorkingHours).toBe(true);
    expect(localTimes(new Date('2026-06-01T13:00:00Z'), new Date('2026-06-02T13:00:00Z'), 'America/Toronto').outsideWorkingHours).toBe(true);
  });

  it('refuses an unknown zone', () => {
    expect(() => localTimes(new Date(), new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
