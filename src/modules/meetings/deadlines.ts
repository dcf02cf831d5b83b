import { DateTime } from 'luxon';
import type { MeetingRuleDays } from '../councils/council-defaults.js';

export interface MeetingDeadlines {
  noticeBy: Date;
  agendaBy: Date;
  papersBy: Date;
}

/**
 * N days before an instant, counted in calendar days of the meeting's zone
 * (the same wall-clock time N days earlier, also across a DST change).
 */
export function daysBefore(at: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(at, { zone: timeZone }).minus({ days }).toJSDate();
}

/** When the notice, the agenda and the papers are due for a meeting starting at `startsAt`. */
export function meetingDeadlines(startsAt: Date, rule: MeetingRuleDays, timeZone: string): MeetingDeadlines {
  // One zoned instant for the three (as daysBefore counts them): every meeting of a list page goes through here.
  const local = DateTime.fromJSDate(startsAt, { zone: timeZone });
  return {
    noticeBy: local.minus({ days: rule.noticeDays }).toJSDate(),
    agendaBy: local.minus({ days: rule.agendaDays }).toJSDate(),
    papersBy: local.minus({ days: rule.papersDays }).toJSDate(),
  };
}

/** The earliest start a meeting convened at `now` may have: `noticeDays` calendar days later, in the meeting's zone. */
export function earliestStart(now: Date, noticeDays: number, timeZone: string): Date {
  return DateTime.fromJSDate(now, { zone: timeZone }).plus({ days: noticeDays }).toJSDate();
}

/** True when convening at `now` gives at least the notice the rule requires. */
export function hasEnoughNotice(now: Date, startsAt: Date, noticeDays: number, timeZone: string): boolean {
  return earliestStart(now, noticeDays, timeZone).getTime() <= startsAt.getTime();
}
