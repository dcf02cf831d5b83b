import { earliestStart, hasEnoughNotice, meetingDeadlines } from './deadlines.js';

describe('meeting deadlines', () => {
  const rule = { noticeDays: 30, agendaDays: 21, papersDays: 10 };

  it('counts calendar days in the meeting zone: the same wall-clock time across a DST change', () => {
    // 10:00 in Toronto on 2 April 2026 (EDT); 30 days earlier is 3 March (EST): still 10:00 local, so 15:00Z not 14:00Z.
    const d = meetingDeadlines(new Date('2026-04-02T14:00:00Z'), rule, 'America/Toronto');
    expect(d.noticeBy.toISOString()).toBe('2026-03-03T15:00:00.000Z');
    expect(d.agendaBy.toISOString()).toBe('2026-03-12T14:00:00.000Z');
    expect(d.papersBy.toISOString()).toBe('2026-03-23T14:00:00.000Z');
  });

  it('in a zone without DST, days are 24 hours', () => {
    const d = meetingDeadlines(new Date('2026-04-02T14:00:00Z'), rule, 'America/Mexico_City');
    expect(d.noticeBy.toISOString()).toBe('2026-03-03T14:00:00.000Z');
  });

  it('the earliest start is now plus the notice days; exactly that much notice is enough', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    const earliest = earliestStart(now, 14, 'UTC');
    expect(earliest.toISOString()).toBe('2026-01-24T12:00:00.000Z');
    expect(hasEnoughNotice(now, earliest, 14, 'UTC')).toBe(true);
    expect(hasEnoughNotice(now, new Date(earliest.getTime() - 1), 14, 'UTC')).toBe(false);
  });
});
