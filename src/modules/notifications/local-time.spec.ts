import { DateTime, IANAZone } from 'luxon';
import { instantOfLocalTime } from './local-time.js';

const ZONES = ['America/Toronto', 'America/Mexico_City', 'America/Tijuana', 'America/Guatemala'] as const;
const YEARS = [2025, 2026, 2027];

/** The wall clock of `zone` at `instant`, read with Intl (not luxon), as 'YYYY-MM-DD HH:mm'. */
function wallClock(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Offset changes of `zone` during `year`: the instant of each change and the offsets before and after (minutes). */
function transitions(zone: string, year: number): { at: number; before: number; after: number }[] {
  const z = IANAZone.create(zone);
  const found: { at: number; before: number; after: number }[] = [];
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const HOUR = 3_600_000;
  for (let t = start; t < end; t += HOUR) {
    const before = z.offset(t);
    const after = z.offset(t + HOUR);
    if (before === after) continue;
    let lo = t;
    let hi = t + HOUR; // offset(lo) = before, offset(hi) = after
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2);
      if (z.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, before, after });
  }
  return found;
}

const isoDate = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISODate()!;
const shift = (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('instantOfLocalTime', () => {
  const torontoChanges = YEARS.flatMap((y) => transitions('America/Toronto', y));
  const tijuanaChanges = YEARS.flatMap((y) => transitions('America/Tijuana', y));

  it('sees the expected DST calendar in the runtime’s zone data', () => {
    // Toronto and Tijuana change twice a year; Mexico City (since Oct 2022) and Guatemala never.
    expect(torontoChanges.map((c) => isoDate(c.at, 'UTC'))).toEqual(['2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07']);
    expect(tijuanaChanges).toHaveLength(6);
    for (const y of YEARS) {
      expect(transitions('America/Mexico_City', y)).toEqual([]);
      expect(transitions('America/Guatemala', y)).toEqual([]);
    }
  });

  // Every day from a week before to a week after each DST change of 2025–2027 (Toronto's and Tijuana's,
  // and for the zones without DST the same days, plus Mexico's former change days), in every zone.
  const aroundChanges = new Set<string>();
  for (const c of [...torontoChanges, ...tijuanaChanges]) {
    for (let i = -7; i <= 7; i++) aroundChanges.add(shift(isoDate(c.at, 'UTC'), i));
  }
  for (const y of YEARS) {
    const firstSundayOfApril = DateTime.fromObject({ year: y, month: 4, day: 1 }, { zone: 'UTC' });
    const lastSundayOfOctober = DateTime.fromObject({ year: y, month: 10, day: 31 }, { zone: 'UTC' });
    aroundChanges.add(firstSundayOfApril.plus({ days: (7 - firstSundayOfApril.weekday) % 7 }).toISODate()!);
    aroundChanges.add(lastSundayOfOctober.minus({ days: lastSundayOfOctober.weekday % 7 }).toISODate()!);
  }
  const days = [...aroundChanges].sort();

  it.each(ZONES)('gives 09:00 local on every day around the DST changes of 2025–2027 in %s', (zone) => {
    expect(days.length).toBeGreaterThan(80);
    for (const date of days) {
      const instant = instantOfLocalTime(date, '09:00', zone);
      expect(wallClock(instant, zone)).toBe(`${date} 09:00`);
      expect(DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm')).toBe(`${date} 09:00`);
    }
  });

  it('gives 09:00 local on 5,000 random dates (1970–2099) in random zones, and any existing time round-trips', () => {
    const random = prng(20251102);
    const zones = [...ZONES, 'UTC', 'Europe/Paris', 'America/Sao_Paulo', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(2099, 11, 31);
    for (let i = 0; i < 5000; i++) {
      const zone = zones[Math.floor(random() * zones.length)]!;
      const date = DateTime.fromMillis(from + Math.floor(random() * (to - from)), { zone: 'UTC' }).toISODate()!;
      const instant = instantOfLocalTime(date, '09:00', zone);
      expect(wallClock(instant, zone)).toBe(`${date} 09:00`);
      // A random time of that day: when it exists, it reads back exactly; when it does not, the answer is just after the gap.
      const time = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
      const at = instantOfLocalTime(date, time, zone);
      const back = wallClock(at, zone);
      if (back !== `${date} ${time}`) {
        // Only a gap can make it differ: the minute before `at` is on the other offset.
        expect(IANAZone.create(zone).offset(at.getTime() - 60_000)).not.toBe(IANAZone.create(zone).offset(at.getTime()));
        expect(back > `${date} ${time}`).toBe(true);
      }
    }
  });

  it('gives, for a time in the spring-forward gap, the moment of the change (first instant after the gap)', () => {
    for (const [zone, changes] of [
      ['America/Toronto', torontoChanges],
      ['America/Tijuana', tijuanaChanges],
    ] as const) {
      for (const c of changes.filter((x) => x.after > x.before)) {
        const gapStart = DateTime.fromMillis(c.at - 1, { zone }).plus({ milliseconds: 1 }); // local 02:00 (the reading just before the jump, plus 1 ms)
        const date = gapStart.toISODate()!;
        // Every minute the gap skips:
        for (let m = 0; m < c.after - c.before; m++) {
          const reading = DateTime.fromMillis(c.at + c.before * 60_000, { zone: 'UTC' }).plus({ minutes: m });
          const time = reading.toFormat('HH:mm');
          const at = instantOfLocalTime(date, time, zone);
          expect({ zone, date, time, at: at.toISOString() }).toEqual({ zone, date, time, at: new Date(c.at).toISOString() });
        }
        expect(wallClock(new Date(c.at), zone)).toBe(`${date} 03:00`);
        // The minute before the gap and the end of the gap exist and read back.
        expect(wallClock(instantOfLocalTime(date, '01:59', zone), zone)).toBe(`${date} 01:59`);
        expect(instantOfLocalTime(date, '03:00', zone).getTime()).toBe(c.at);
      }
    }
    expect(instantOfLocalTime('2026-03-08', '02:30', 'America/Toronto').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(instantOfLocalTime('2026-03-08', '02:30', 'America/Tijuana').toISOString()).toBe('2026-03-08T10:00:00.000Z');
  });

  it('gives, for a time in the fall-back overlap, the earlier of its two instants', () => {
    for (const [zone, changes] of [
      ['America/Toronto', torontoChanges],
      ['America/Tijuana', tijuanaChanges],
    ] as const) {
      for (const c of changes.filter((x) => x.after < x.before)) {
        const date = isoDate(c.at, zone);
        for (let m = 0; m < c.before - c.after; m++) {
          // Readings 01:00..01:59 happen twice: at c.at - 1 h + m (daylight) and at c.at + m (standard).
          const earlier = c.at - (c.before - c.after) * 60_000 + m * 60_000;
          const later = c.at + m * 60_000;
          const time = wallClock(new Date(later), zone).slice(11);
          expect(wallClock(new Date(earlier), zone)).toBe(`${date} ${time}`);
          expect(instantOfLocalTime(date, time, zone).getTime()).toBe(earlier);
        }
        expect(wallClock(instantOfLocalTime(date, '02:00', zone), zone)).toBe(`${date} 02:00`);
      }
    }
    expect(instantOfLocalTime('2026-11-01', '01:30', 'America/Toronto').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantOfLocalTime('2026-11-01', '01:30', 'America/Tijuana').toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('has the instants one expects on the 2026 change days', () => {
    expect(instantOfLocalTime('2026-03-08', '09:00', 'America/Toronto').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(instantOfLocalTime('2026-03-07', '09:00', 'America/Toronto').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(instantOfLocalTime('2026-11-01', '09:00', 'America/Toronto').toISOString()).toBe('2026-11-01T14:00:00.000Z');
    expect(instantOfLocalTime('2026-03-08', '09:00', 'America/Tijuana').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(instantOfLocalTime('2026-03-08', '09:00', 'America/Mexico_City').toISOString()).toBe('2026-03-08T15:00:00.000Z');
    expect(instantOfLocalTime('2026-04-05', '09:00', 'America/Mexico_City').toISOString()).toBe('2026-04-05T15:00:00.000Z');
    expect(instantOfLocalTime('2026-11-01', '09:00', 'America/Guatemala').toISOString()).toBe('2026-11-01T15:00:00.000Z');
    // Mexico City did observe DST before 2022: 09:00 on 2022-07-01 was CDT (UTC−5).
    expect(instantOfLocalTime('2022-07-01', '09:00', 'America/Mexico_City').toISOString()).toBe('2022-07-01T14:00:00.000Z');
  });

  it('refuses malformed input, impossible dates and unknown zones', () => {
    expect(() => instantOfLocalTime('2026-3-8', '09:00', 'America/Toronto')).toThrow(RangeError);
    expect(() => instantOfLocalTime('2026-02-30', '09:00', 'America/Toronto')).toThrow(RangeError);
    expect(() => instantOfLocalTime('2026-03-08', '9:00', 'America/Toronto')).toThrow(RangeError);
    expect(() => instantOfLocalTime('2026-03-08', '24:00', 'America/Toronto')).toThrow(RangeError);
    expect(() => instantOfLocalTime('2026-03-08', '09:00', 'America/Atlantis')).toThrow(RangeError);
  });
});
