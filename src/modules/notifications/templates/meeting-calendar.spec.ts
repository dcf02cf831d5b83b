import { DateTime } from 'luxon';
import { meetingCalendar, type MeetingCalendarInput } from './meeting-calendar.js';
import { formatOffset, transitions, vtimezone } from './vtimezone.js';

// ---------------------------------------------------------------------------------------------
// A small RFC 5545 reader, enough to check structure and to resolve DTSTART;TZID through the
// VTIMEZONE the file carries (as Outlook does), independently of the code under test.

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  type: string;
  props: Property[];
  children: Component[];
}

function parseIcs(content: string): Component {
  expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only
  const physical = content.split('\r\n');
  expect(physical.at(-1)).toBe(''); // ends with CRLF
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const lines = content
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean); // unfold
  const stack: Component[] = [{ type: 'ROOT', props: [], children: [] }];
  for (const line of lines) {
    const m = /^([A-Z0-9-]+)((?:;[A-Z0-9-]+=(?:"[^"]*"|[^;:,]*))*):(.*)$/.exec(line);
    if (!m) throw new Error(`Not a content line: ${line}`);
    const [, name, rawParams, value] = m;
    const params = Object.fromEntries([...rawParams.matchAll(/;([A-Z0-9-]+)=("[^"]*"|[^;:,]*)/g)].map((p) => [p[1], p[2]]));
    if (name === 'BEGIN') {
      const component: Component = { type: value, props: [], children: [] };
      stack.at(-1)!.children.push(component);
      stack.push(component);
    } else if (name === 'END') {
      expect(stack.pop()!.type).toBe(value); // properly nested
    } else {
      stack.at(-1)!.props.push({ name, params, value });
    }
  }
  expect(stack).toHaveLength(1);
  expect(stack[0].children).toHaveLength(1);
  return stack[0].children[0];
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const child = (c: Component, type: string) => c.children.filter((x) => x.type === type);
const unescapeText = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

/** "20260309T100000" → ms as if UTC (a wall-clock reading). */
const wallMs = (v: string) => Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8), +v.slice(9, 11), +v.slice(11, 13), +v.slice(13, 15));
const offsetMinutes = (v: string) => (v[0] === '-' ? -1 : 1) * (+v.slice(1, 3) * 60 + +v.slice(3, 5));

/** The UTC instant of a local time in the zone described by a VTIMEZONE (RFC 5545 §3.6.5 semantics). */
function resolve(tz: Component, local: string): number {
  return resolver(tz)(local);
}

function resolver(tz: Component): (local: string) => number {
  const observances = tz.children
    .map((o) => ({
      onset: wallMs(prop(o, 'DTSTART')!.value) - offsetMinutes(prop(o, 'TZOFFSETFROM')!.value) * 60_000,
      to: offsetMinutes(prop(o, 'TZOFFSETTO')!.value),
    }))
    .sort((a, b) => a.onset - b.onset);
  const inForce = (utc: number) => observances.filter((o) => o.onset <= utc).at(-1);
  const offsets = [...new Set(observances.map((o) => o.to))];
  return (local) => {
    // every instant whose wall clock reads `local`; a time that occurs twice means the first (§3.3.5)
    const candidates = offsets.map((to) => wallMs(local) - to * 60_000).filter((utc) => inForce(utc)?.to === (wallMs(local) - utc) / 60_000);
    if (candidates.length === 0) throw new Error(`${local} does not exist in ${prop(tz, 'TZID')?.value}`);
    return Math.min(...candidates);
  };
}

// ---------------------------------------------------------------------------------------------

const FRIDAY_BEFORE_DST = new Date('2026-03-06T15:00:00Z'); // 10:00 EST in Toronto
const MONDAY_AFTER_DST = new Date('2026-03-09T14:00:00Z'); // 10:00 EDT in Toronto
const STAMP = new Date('2026-01-15T12:00:00Z');

const meeting = (patch: Partial<MeetingCalendarInput> = {}): MeetingCalendarInput => ({
  uid: 'meeting-7f1c@protempore.example.org',
  title: 'Senior officials meeting',
  startsAt: MONDAY_AFTER_DST,
  endsAt: new Date(MONDAY_AFTER_DST.getTime() + 2 * 3_600_000),
  timeZone: 'America/Toronto',
  stamp: STAMP,
  ...patch,
});

describe('meetingCalendar', () => {
  it('returns an invite.ics REQUEST attachment', () => {
    const attachment = meetingCalendar(meeting());
    expect(attachment.filename).toBe('invite.ics');
    expect(attachment.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(attachment.content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(attachment.content.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('has the RFC 5545 structure: VCALENDAR with VTIMEZONE (TZID) and VEVENT, DTSTART;TZID=…', () => {
    const calendar = parseIcs(
      meetingCalendar(meeting({ sequence: 2, location: 'Ottawa', url: 'https://meet.example.org/x', description: 'Agenda attached' })).content,
    );
    expect(calendar.type).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')?.value).toBeTruthy();
    expect(prop(calendar, 'METHOD')?.value).toBe('REQUEST');

    const [tz] = child(calendar, 'VTIMEZONE');
    expect(prop(tz, 'TZID')?.value).toBe('America/Toronto');
    expect(tz.children.length).toBeGreaterThan(0);
    for (const o of tz.children) {
      expect(['STANDARD', 'DAYLIGHT']).toContain(o.type);
      expect(prop(o, 'DTSTART')?.value).toMatch(/^\d{8}T\d{6}$/); // local time, no Z
      expect(prop(o, 'TZOFFSETFROM')?.value).toMatch(/^[+-]\d{4}$/);
      expect(prop(o, 'TZOFFSETTO')?.value).toMatch(/^[+-]\d{4}$/);
    }

    const [event] = child(calendar, 'VEVENT');
    expect(prop(event, 'UID')?.value).toBe('meeting-7f1c@protempore.example.org');
    expect(prop(event, 'SEQUENCE')?.value).toBe('2');
    expect(prop(event, 'DTSTAMP')?.value).toBe('20260115T120000Z'); // UTC, as RFC 5545 requires
    expect(prop(event, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'America/Toronto' }, value: '20260309T100000' });
    expect(prop(event, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'America/Toronto' }, value: '20260309T120000' });
    expect(prop(event, 'SUMMARY')?.value).toBe('Senior officials meeting');
    expect(prop(event, 'LOCATION')?.value).toBe('Ottawa');
    expect(prop(event, 'URL')?.value).toBe('https://meet.example.org/x');
    expect(prop(event, 'DESCRIPTION')?.value).toBe('Agenda attached');
    expect(prop(event, 'STATUS')?.value).toBe('CONFIRMED');
  });

  it('is right on both sides of the Toronto DST change (resolved through its own VTIMEZONE)', () => {
    for (const startsAt of [FRIDAY_BEFORE_DST, MONDAY_AFTER_DST, new Date('2026-11-02T15:00:00Z'), new Date('2026-10-30T14:00:00Z')]) {
      const calendar = parseIcs(meetingCalendar(meeting({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) })).content);
      const [tz] = child(calendar, 'VTIMEZONE');
      const [event] = child(calendar, 'VEVENT');
      expect(prop(event, 'DTSTART')?.value).toBe('20' + DateTime.fromJSDate(startsAt, { zone: 'America/Toronto' }).toFormat("yyLLdd'T'HHmmss"));
      expect(new Date(resolve(tz, prop(event, 'DTSTART')!.value))).toEqual(startsAt);
      expect(new Date(resolve(tz, prop(event, 'DTEND')!.value))).toEqual(new Date(startsAt.getTime() + 3_600_000));
    }
    const [tz] = child(parseIcs(meetingCalendar(meeting()).content), 'VTIMEZONE');
    const daylight = child(tz, 'DAYLIGHT').map((o) => [prop(o, 'DTSTART')?.value, prop(o, 'TZOFFSETFROM')?.value, prop(o, 'TZOFFSETTO')?.value]);
    expect(daylight).toContainEqual(['20260308T020000', '-0500', '-0400']);
    const standard = child(tz, 'STANDARD').map((o) => [prop(o, 'DTSTART')?.value, prop(o, 'TZOFFSETFROM')?.value, prop(o, 'TZOFFSETTO')?.value]);
    expect(standard).toContainEqual(['20261101T020000', '-0400', '-0500']);
  });

  it('gives Mexico City no summer time (abolished in 2022; stale tables still have it)', () => {
    const startsAt = new Date('2026-05-12T15:00:00Z'); // would be 10:00 CDT under the old rules; it is 09:00 CST
    const calendar = parseIcs(
      meetingCalendar(meeting({ timeZone: 'America/Mexico_City', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) })).content,
    );
    const [tz] = child(calendar, 'VTIMEZONE');
    expect(prop(tz, 'TZID')?.value).toBe('America/Mexico_City');
    expect(child(tz, 'DAYLIGHT')).toEqual([]);
    expect(child(tz, 'STANDARD').map((o) => prop(o, 'TZOFFSETTO')?.value)).toEqual(['-0600']);
    const [event] = child(calendar, 'VEVENT');
    expect(prop(event, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'America/Mexico_City' }, value: '20260512T090000' });
    expect(new Date(resolve(tz, prop(event, 'DTSTART')!.value))).toEqual(startsAt);
  });

  it('does not depend on the process time zone', () => {
    const previous = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      const inTokyo = meetingCalendar(meeting()).content;
      process.env.TZ = 'UTC';
      expect(meetingCalendar(meeting()).content).toBe(inTokyo);
    } finally {
      process.env.TZ = previous;
    }
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const attachment = meetingCalendar(meeting({ method: 'CANCEL', sequence: 3, organizer: { name: 'Secretaría', email: 'secretariat@example.org' } }));
    expect(attachment.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    const calendar = parseIcs(attachment.content);
    expect(prop(calendar, 'METHOD')?.value).toBe('CANCEL');
    const [event] = child(calendar, 'VEVENT');
    expect(prop(event, 'STATUS')?.value).toBe('CANCELLED');
    expect(prop(event, 'SEQUENCE')?.value).toBe('3');
    expect(prop(event, 'UID')?.value).toBe('meeting-7f1c@protempore.example.org');
    expect(prop(event, 'ORGANIZER')?.value).toBe('mailto:secretariat@example.org');
  });

  it('escapes text values and folds long UTF-8 lines at 75 octets', () => {
    const title = 'Reunión, sesión; técnica \\ ñandú — “comité”';
    const description = 'Orden del día:\nPunto 1, migración laboral; protección — ' + 'áéíóú ñ ç ã õ '.repeat(20);
    const calendar = parseIcs(meetingCalendar(meeting({ title, description, location: 'Sala 3, Ciudad de México' })).content);
    const [event] = child(calendar, 'VEVENT');
    expect(prop(event, 'SUMMARY')?.value).toBe('Reunión\\, sesión\\; técnica \\\\ ñandú — “comité”');
    expect(unescapeText(prop(event, 'SUMMARY')!.value)).toBe(title);
    expect(unescapeText(prop(event, 'DESCRIPTION')!.value)).toBe(description.trim());
    expect(unescapeText(prop(event, 'LOCATION')!.value)).toBe('Sala 3, Ciudad de México');
  });

  it('refuses bad input', () => {
    expect(() => meetingCalendar(meeting({ timeZone: 'Eastern' }))).toThrow(RangeError);
    expect(() => meetingCalendar(meeting({ endsAt: MONDAY_AFTER_DST }))).toThrow(RangeError);
    expect(() => meetingCalendar(meeting({ startsAt: new Date('nope') }))).toThrow(RangeError);
    expect(() => meetingCalendar(meeting({ uid: ' ' }))).toThrow(RangeError);
    expect(() => meetingCalendar(meeting({ sequence: -1 }))).toThrow(RangeError);
    expect(() => meetingCalendar(meeting({ method: 'PUBLISH' as never }))).toThrow(RangeError);
  });
});

describe('vtimezone', () => {
  const ZONES = ['America/Toronto', 'America/Mexico_City', 'America/Santiago', 'Europe/Paris', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns', 'UTC'];

  it.each(ZONES)('%s: every hour of the covered window resolves back to the same instant', (zone) => {
    const from = new Date('2026-01-10T00:00:00Z');
    const tz = parseIcs(`BEGIN:VCALENDAR\r\n${vtimezone(zone, from, from)}\r\nEND:VCALENDAR\r\n`).children[0];
    expect(prop(tz, 'TZID')?.value).toBe(zone);
    const resolveLocal = resolver(tz);
    const wallOf = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyyLLdd'T'HHmmss");
    const wrong: string[] = [];
    const end = Date.parse('2027-12-31T00:00:00Z');
    for (let t = Date.parse('2026-01-02T00:00:00Z'); t < end; t += 3_600_000) {
      const wall = wallOf(t);
      // in a fall-back hour the wall time occurs twice: expect the first occurrence
      const expected = Math.min(...[t, t - 1_800_000, t - 3_600_000].filter((c) => c === t || wallOf(c) === wall));
      const resolved = resolveLocal(wall);
      if (resolved !== expected) wrong.push(`${wall} → ${new Date(resolved).toISOString()}, expected ${new Date(expected).toISOString()}`);
    }
    expect(wrong).toEqual([]);
  });

  it('finds the transitions to the minute', () => {
    const found = transitions('America/Toronto', Date.parse('2026-01-01T05:00:00Z'), Date.parse('2027-01-01T05:00:00Z'));
    expect(found.map((t) => new Date(t).toISOString())).toEqual(['2026-03-08T07:00:00.000Z', '2026-11-01T06:00:00.000Z']);
  });

  it('formats UTC offsets', () => {
    expect([330, -300, 0, -210, 345].map(formatOffset)).toEqual(['+0530', '-0500', '+0000', '-0330', '+0545']);
  });
});
