import { calendarDaysUntil, meetingReminderOccurrence, occurrenceStart, plannedReminders } from './meeting-reminders.js';

describe('meeting reminders', () => {
  const id = '00000000-0000-4000-8000-000000000001';

  it('plans 7 days and 1 day before the start, in calendar days of the meeting zone (same wall-clock time across DST)', () => {
    // 10:00 in Toronto on 5 November 2026 (EST); 7 days earlier is 29 October (EDT): 10:00 local = 14:00Z.
    const start = new Date('2026-11-05T15:00:00Z');
    const planned = plannedReminders(id, start, 'America/Toronto', new Date('2026-10-01T00:00:00Z'));
    expect(planned).toEqual([
      { label: '7d', key: `meeting-${id}-7d`, occurrence: '7d@2026-11-05T15:00:00.000Z', dueAt: new Date('2026-10-29T14:00:00Z') },
      { label: '1d', key: `meeting-${id}-1d`, occurrence: '1d@2026-11-05T15:00:00.000Z', dueAt: new Date('2026-11-04T15:00:00Z') },
    ]);
  });

  it('leaves out (dueAt null) the reminders whose time has passed', () => {
    const start = new Date('2026-03-10T12:00:00Z');
    const planned = plannedReminders(id, start, 'UTC', new Date('2026-03-05T00:00:00Z'));
    expect(planned.map((p) => [p.label, p.dueAt?.toISOString() ?? null])).toEqual([
      ['7d', null],
      ['1d', '2026-03-09T12:00:00.000Z'],
    ]);
    expect(plannedReminders(id, start, 'UTC', new Date('2026-03-09T12:00:00Z')).every((p) => p.dueAt === null)).toBe(true);
  });

  it('reads back the start an occurrence was made for', () => {
    const start = new Date('2026-03-10T12:00:00Z');
    expect(occurrenceStart(meetingReminderOccurrence('1d', start))).toEqual(start);
    expect(occurrenceStart('once')).toBeNull();
    expect(occurrenceStart('1d@nonsense')).toBeNull();
  });

  it('counts whole calendar days in the given zone', () => {
    const now = new Date('2026-03-09T20:00:00Z');
    const start = new Date('2026-03-10T20:00:00Z');
    expect(calendarDaysUntil(now, start, 'UTC')).toBe(1);
    // In Tokyo, 05:00 on the 10th to 05:00 on the 11th: still 1; in a zone where both fall on the same day it would be 0.
    expect(calendarDaysUntil(now, start, 'Asia/Tokyo')).toBe(1);
    expect(calendarDaysUntil(new Date('2026-03-10T08:00:00Z'), start, 'UTC')).toBe(0);
    expect(calendarDaysUntil(start, now, 'UTC')).toBe(0);
    expect(calendarDaysUntil(now, new Date(start.getTime() + 6 * 86_400_000), 'America/Mexico_City')).toBe(7);
  });
});
