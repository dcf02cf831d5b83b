import { DateTime } from 'luxon';

/** Local working hours: a meeting should start at or after 08:00 and end by 18:00, the same local day. */
export const WORKING_DAY_START_HOUR = 8;
export const WORKING_DAY_END_HOUR = 18;

export interface LocalTimes {
  /** Local date-time with its offset, e.g. "2026-03-09T08:00:00-04:00". */
  localStart: string;
  localEnd: string;
  /** Offsets from UTC in minutes at the start and at the end (they differ across a DST change). */
  startOffsetMinutes: number;
  endOffsetMinutes: number;
  /** True when the meeting starts before 08:00, ends after 18:00, or runs over into another local day. */
  outsideWorkingHours: boolean;
}

/** Where an interval [start, end) falls in one IANA zone, by that zone's rules at those instants (DST included). */
export function localTimes(start: Date, end: Date, timeZone: string): LocalTimes {
  const s = DateTime.fromJSDate(start, { zone: timeZone });
  const e = DateTime.fromJSDate(end, { zone: timeZone });
  if (!s.isValid || !e.isValid) throw new RangeError(`unknown time zone ${timeZone}`);
  const dayStart = s.startOf('day').set({ hour: WORKING_DAY_START_HOUR });
  const dayEnd = s.startOf('day').set({ hour: WORKING_DAY_END_HOUR });
  const outside = s < dayStart || e > dayEnd || !s.hasSame(e, 'day');
  return {
    localStart: s.toISO({ suppressMilliseconds: true })!,
    localEnd: e.toISO({ suppressMilliseconds: true })!,
    startOffsetMinutes: s.offset,
    endOffsetMinutes: e.offset,
    outsideWorkingHours: outside,
  };
}
