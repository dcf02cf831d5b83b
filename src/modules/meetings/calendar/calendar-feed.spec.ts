import ICAL from 'ical.js';
import { calendarFeed, type FeedMeeting } from './calendar-feed.js';

const meeting = (over: Partial<FeedMeeting> = {}): FeedMeeting => ({
  id: '7d0c3f52-9d1e-4a53-a3b5-8a5f2f8f0a01',
  kind: 'working_group',
  title: 'Working group on data',
  status: 'convened',
  startsAt: new Date('2030-10-27T00:30:00Z'), // Madrid: 02:30 CEST, the night summer time ends (03:00 → 02:00)
  endsAt: new Date('2030-10-27T03:30:00Z'),
  timeZone: 'Europe/Madrid',
  venue: null,
  onlineUrl: null,
  version: 3,
  bodyName: null,
  ...over,
});

const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('calendarFeed', () => {
  const stamp = new Date('2026-11-23T12:00:00Z');

  it('writes a valid calendar without events or zones when there is no meeting', () => {
    const text = calendarFeed({ name: 'Council', uidDomain: 'example.org', hideTitles: false, meetings: [], stamp });
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
    expect(cal.getAllSubcomponents('vtimezone')).toEqual([]);
    expect(cal.getFirstPropertyValue('method')).toBeNull();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps the instant across a DST change: the parser reads the local times back through the VTIMEZONE', () => {
    // Madrid, the night summer time ends (03:00 CEST → 02:00 CET): from 01:30 CEST to 04:30 CET.
    const m = meeting({ startsAt: new Date('2030-10-26T23:30:00Z'), endsAt: new Date('2030-10-27T03:30:00Z') });
    const text = calendarFeed({ name: 'C', uidDomain: 'example.org', hideTitles: false, meetings: [m], stamp });
    expect(text).toContain('DTSTART;TZID=Europe/Madrid:20301027T013000');
    const [e] = events(text);
    expect(e!.uid).toBe('meeting-7d0c3f52-9d1e-4a53-a3b5-8a5f2f8f0a01@example.org');
    expect(e!.sequence).toBe(3);
    expect(e!.startDate.zone?.tzid).toBe('Europe/Madrid');
    expect(e!.startDate.toString()).toBe('2030-10-27T01:30:00');
    expect(e!.startDate.toJSDate().toISOString()).toBe('2030-10-26T23:30:00.000Z');
    expect(e!.endDate.toString()).toBe('2030-10-27T04:30:00');
    expect(e!.endDate.toJSDate().toISOString()).toBe('2030-10-27T03:30:00.000Z');
  });

  it('writes a meeting starting in the repeated hour in UTC, which names the instant exactly', () => {
    // 02:30 in Madrid happens twice that night; this is the first (CEST) one.
    const text = calendarFeed({ name: 'C', uidDomain: 'example.org', hideTitles: false, meetings: [meeting()], stamp });
    expect(text).toContain('DTSTART:20301027T003000Z');
    const [e] = events(text);
    expect(e!.startDate.toJSDate().toISOString()).toBe('2030-10-27T00:30:00.000Z');
    expect(e!.endDate.toJSDate().toISOString()).toBe('2030-10-27T03:30:00.000Z');
  });

  it('hides titles by naming the kind, and marks cancelled and postponed meetings', () => {
    const text = calendarFeed({
      name: 'C',
      uidDomain: 'example.org',
      hideTitles: true,
      meetings: [
        meeting({ id: 'a', kind: 'ministerial', title: 'Secret', status: 'cancelled' }),
        meeting({ id: 'b', kind: 'extraordinary', title: 'Also secret', status: 'postponed', venue: 'Lima' }),
      ],
      stamp,
    });
    expect(text).not.toContain('ecret');
    const [a, b] = events(text);
    expect([a!.summary, a!.component.getFirstPropertyValue('status')]).toEqual(['Ministerial meeting', 'CANCELLED']);
    expect([b!.summary, b!.component.getFirstPropertyValue('status'), b!.location]).toEqual(['Extraordinary meeting', 'TENTATIVE', 'Lima']);
  });
});
