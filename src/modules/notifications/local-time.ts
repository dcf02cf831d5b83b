import { DateTime, IANAZone } from 'luxon';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The instant at which the wall clock of `zone` shows `time` on `date`
 * ("09:00 on 2026-03-08 in America/Toronto" → 2026-03-08T13:00:00Z).
 *
 * Wall-clock times that a DST change makes odd are resolved so that a
 * reminder always fires exactly once:
 * - a time that does not exist (in the spring-forward gap, e.g. 02:30 in
 *   Toronto on the second Sunday of March) gives the first instant after the
 *   gap, i.e. the moment of the change (07:00Z, which reads 03:00 local);
 * - a time that exists twice (in the fall-back overlap, e.g. 01:30 in Toronto
 *   on the first Sunday of November) gives the earlier of the two instants
 *   (05:30Z, still on daylight time).
 *
 * Pure: depends only on its arguments and the runtime's time-zone data.
 * Throws a RangeError for a malformed or impossible date or time, or an
 * unknown zone.
 */
export function instantOfLocalTime(date: string, time: string, zone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) throw new RangeError(`date must be YYYY-MM-DD (got "${date}")`);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!t) throw new RangeError(`time must be HH:mm, 00:00 to 23:59 (got "${time}")`);
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new RangeError(`unknown time zone "${zone}"`);

  const wall = DateTime.fromObject({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) }, { zone: 'UTC' });
  if (!wall.isValid) throw new RangeError(`no such date and time: ${date} ${time} (${wall.invalidExplanation ?? wall.invalidReason})`);
  // The wall-clock reading expressed as if it were UTC: instant = wallMs - offset.
  const wallMs = wall.toMillis();
  const offsetAt = (ts: number): number => iana.offset(ts) * MINUTE;

  // Every offset the zone could have at that reading (a day either side covers any one change).
  const offsets = [...new Set([offsetAt(wallMs - DAY), offsetAt(wallMs), offsetAt(wallMs + DAY)])];
  const matches = offsets.map((o) => wallMs - o).filter((ts) => offsetAt(ts) === wallMs - ts);
  if (matches.length > 0) return new Date(Math.min(...matches)); // two in an overlap: the earlier

  // In a gap: the first instant whose wall clock reads at or after the requested time (the moment of the change).
  let lo = wallMs - Math.max(...offsets);
  let hi = wallMs - Math.min(...offsets);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetAt(mid) >= wallMs) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo);
}
