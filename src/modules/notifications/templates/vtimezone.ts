import { DateTime, FixedOffsetZone } from 'luxon';

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, built from the runtime's own time zone
 * data (ICU, through luxon) rather than from a bundled table.
 *
 * Why not @touch4it/ical-timezones: its tables are from tzdata 2018g and, for example, still give
 * America/Mexico_City a summer time (abolished in 2022), so a client that honours the VTIMEZONE
 * (Outlook does) would show a Mexico City meeting one hour off from April to October.
 *
 * Each real transition between `from` and `to` (widened to whole years, plus one year after) is an
 * explicit STANDARD/DAYLIGHT observance with its own DTSTART — no RRULE guessed from a single year —
 * preceded by one observance that opens the window. A zone without transitions (Mexico City today,
 * UTC) gets a single STANDARD observance.
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const probe = DateTime.fromJSDate(from, { zone });
  if (!probe.isValid) throw new RangeError(`Unknown time zone or invalid date: ${zone}`);

  const windowStart = probe.startOf('year');
  const windowEnd = DateTime.fromJSDate(to, { zone }).endOf('year').plus({ years: 1 });
  const startMs = windowStart.toMillis();
  const endMs = windowEnd.toMillis();

  const observances: string[] = [observance(zone, startMs, offsetAt(zone, startMs - 1), offsetAt(zone, startMs), windowStart)];
  for (const at of transitions(zone, startMs, endMs)) {
    const before = offsetAt(zone, at - 1);
    // DTSTART of an observance is the wall-clock time of the change, read in the offset in force before it.
    const wallClock = DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(before) });
    observances.push(observance(zone, at, before, offsetAt(zone, at), wallClock));
  }

  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`, ...observances, 'END:VTIMEZONE'].join('\r\n');
}

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** Instants (ms, minute precision) where the zone's UTC offset changes, found by daily steps then bisection. */
export function transitions(zone: string, startMs: number, endMs: number): number[] {
  const DAY = 86_400_000;
  const found: number[] = [];
  for (let lo = startMs; lo < endMs; lo += DAY) {
    const hi = Math.min(lo + DAY, endMs);
    if (offsetAt(zone, lo) === offsetAt(zone, hi)) continue;
    let a = lo;
    let b = hi; // offset(a) !== offset(b); narrow to the first minute carrying the new offset
    while (b - a > 60_000) {
      const mid = a + Math.max(60_000, Math.floor((b - a) / 120_000) * 60_000);
      if (offsetAt(zone, mid) === offsetAt(zone, a)) a = mid;
      else b = mid;
    }
    found.push(b);
  }
  return found;
}

function observance(zone: string, atMs: number, fromOffset: number, toOffset: number, wallClock: DateTime): string {
  const at = DateTime.fromMillis(atMs, { zone }).reconfigure({ locale: 'en-US', numberingSystem: 'latn' });
  const type = at.isInDST ? 'DAYLIGHT' : 'STANDARD';
  const name = at.offsetNameShort ?? formatOffset(toOffset);
  return [
    `BEGIN:${type}`,
    `DTSTART:${wallClock.reconfigure({ locale: 'en-US', numberingSystem: 'latn' }).toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${formatOffset(fromOffset)}`,
    `TZOFFSETTO:${formatOffset(toOffset)}`,
    `TZNAME:${name.replace(/[\\;,]/g, '')}`,
    `END:${type}`,
  ].join('\r\n');
}

/** Minutes east of UTC → "+0530" / "-0500" (RFC 5545 UTC-OFFSET). */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
