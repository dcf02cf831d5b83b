import { DateTime } from 'luxon';

/**
 * The earliest instant a meeting's session may open: the start of the
 * meeting's day in the meeting's zone, or `leadMinutes` before its start when that
 * is earlier (a meeting at 00:30 opens at 23:30 the evening before with a 60-minute lead).
 * Before it, a session is refused: to meet earlier, the meeting is moved (with the
 * notice or the consent that needs).
 */
export function earliestSessionOpen(startsAt: Date, timeZone: string, leadMinutes: number): Date {
  const dayStart = DateTime.fromJSDate(startsAt, { zone: timeZone }).startOf('day').toMillis();
  return new Date(Math.min(dayStart, startsAt.getTime() - leadMinutes * 60_000));
}

/** The instant written in the meeting's zone, with its offset (2026-03-08T00:00:00.000-05:00). */
export function localInstant(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISO()!;
}
