import { DateTime } from 'luxon';
import rrule from 'rrule';

const { RRule } = rrule;

/**
 * The recurrence of a meeting series, as pure functions.
 *
 * "Every second Tuesday" has two readings, both supported:
 * - every other week on Tuesday: { frequency: 'weekly', interval: 2, weekday: 'TU' }
 *   (weeks counted from the week of the first date; weeks start on Monday);
 * - the second Tuesday of each month: { frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 2 }
 *   (weekOfMonth 1–4, or -1 for the last one of the month).
 *
 * Dates are computed by the `rrule` package on "floating" dates (calendar
 * days, no zone); each date is then given the series' local start time in its
 * IANA zone with luxon, so 09:00 in Toronto stays 09:00 local on both sides
 * of a DST change. A local time that does not exist that day (in the gap of a
 * spring-forward) is moved forward by the gap, as luxon does.
 */

export const RECURRENCE_FREQUENCIES = ['weekly', 'monthly'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;

/** At most this many occurrences, spanning at most this many months from the first date. */
export const MAX_OCCURRENCES = 60;
export const MAX_SPAN_MONTHS = 24;
export const MAX_INTERVAL = 12;

export interface RecurrenceRule {
  frequency: RecurrenceFrequency;
  /** Every `interval` weeks or months (1 = every one). */
  interval: number;
  weekday: Weekday;
  /** Monthly only: which weekday of the month (1–4, -1 = the last); null for weekly rules. */
  weekOfMonth: number | null;
}

/** Where the series stops: on or before a date, or after a number of occurrences (exactly one of them). */
export interface RecurrenceEnd {
  untilDate: string | null;
  count: number | null;
}

export interface RecurrenceProblem {
  field: string;
  rule: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const RRULE_WEEKDAYS = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU } as const;

/** A YYYY-MM-DD calendar date as a floating instant (midnight UTC), the form rrule computes with. */
function floating(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const dateOf = (floatingInstant: Date): string => floatingInstant.toISOString().slice(0, 10);

export function isCalendarDate(value: string): boolean {
  return DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export function isLocalTime(value: string): boolean {
  return TIME.test(value);
}

/** The shape of the rule itself (weekOfMonth only and always for monthly rules); null when fine. */
export function ruleProblem(rule: RecurrenceRule): RecurrenceProblem | null {
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > MAX_INTERVAL) {
    return { field: 'recurrence.interval', rule: 'range', message: `recurrence.interval must be a whole number from 1 to ${MAX_INTERVAL}` };
  }
  if (rule.frequency === 'monthly' && rule.weekOfMonth === null) {
    return {
      field: 'recurrence.weekOfMonth',
      rule: 'required_for_monthly',
      message: 'a monthly rule needs recurrence.weekOfMonth (1–4, or -1 for the last), e.g. 2 for "the second Tuesday of each month"',
    };
  }
  if (rule.frequency === 'weekly' && rule.weekOfMonth !== null) {
    return {
      field: 'recurrence.weekOfMonth',
      rule: 'monthly_only',
      message: 'recurrence.weekOfMonth is for monthly rules; "every other week" is { frequency: "weekly", interval: 2 }',
    };
  }
  return null;
}

function rruleOf(rule: RecurrenceRule, firstDate: string, end: RecurrenceEnd): InstanceType<typeof RRule> {
  const day = RRULE_WEEKDAYS[rule.weekday];
  return new RRule({
    freq: rule.frequency === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: rule.interval,
    byweekday: [rule.frequency === 'monthly' ? day.nth(rule.weekOfMonth!) : day],
    wkst: RRule.MO,
    dtstart: floating(firstDate),
    ...(end.untilDate !== null ? { until: new Date(floating(end.untilDate).getTime() + 86_399_000) } : {}),
    ...(end.count !== null ? { count: end.count } : {}),
  });
}

/**
 * The occurrence dates (YYYY-MM-DD) of the rule from `firstDate`, at most
 * `limit` of them (pass MAX_OCCURRENCES + 1 to detect a rule giving too many).
 */
export function occurrenceDates(rule: RecurrenceRule, firstDate: string, end: RecurrenceEnd, limit = MAX_OCCURRENCES + 1): string[] {
  return rruleOf(rule, firstDate, end)
    .all((_d, i) => i < limit)
    .map(dateOf);
}

/** The RFC 5545 RRULE of the series (its DTSTART is the first date at the local start time, in the series' zone). */
export function rruleText(rule: RecurrenceRule, end: RecurrenceEnd): string {
  const parts = [`FREQ=${rule.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  parts.push(`BYDAY=${rule.frequency === 'monthly' ? `${rule.weekOfMonth! > 0 ? '+' : ''}${rule.weekOfMonth}` : ''}${rule.weekday}`);
  if (end.untilDate !== null) parts.push(`UNTIL=${end.untilDate.replaceAll('-', '')}`);
  if (end.count !== null) parts.push(`COUNT=${end.count}`);
  return parts.join(';');
}

/** The instant a date's occurrence starts: the local time on that date in the zone (DST-correct). */
export function localStart(date: string, localTime: string, timeZone: string): Date {
  const [hour, minute] = localTime.split(':').map(Number) as [number, number];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone: timeZone }).toJSDate();
}

export interface OccurrenceTimes {
  occurrenceDate: string;
  startsAt: Date;
  endsAt: Date;
}

export function occurrenceTimes(date: string, localTime: string, durationMinutes: number, timeZone: string): OccurrenceTimes {
  const startsAt = localStart(date, localTime, timeZone);
  return { occurrenceDate: date, startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
}

export interface SeriesPlanInput {
  rule: RecurrenceRule;
  firstDate: string;
  end: RecurrenceEnd;
  localTime: string;
  durationMinutes: number;
  timeZone: string;
}

export type SeriesPlan = { ok: true; occurrences: OccurrenceTimes[] } | { ok: false; problem: RecurrenceProblem };

const addMonths = (date: string, months: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate()!;

/**
 * Every occurrence of a new series, or the first problem with the input:
 * exactly one of untilDate and count; untilDate on or after firstDate and at
 * most MAX_SPAN_MONTHS later; at least one and at most MAX_OCCURRENCES
 * occurrences, all within MAX_SPAN_MONTHS of the first date; the first one
 * starting after `now`.
 */
export function planSeries(input: SeriesPlanInput, now: Date): SeriesPlan {
  const fail = (field: string, rule: string, message: string): SeriesPlan => ({ ok: false, problem: { field, rule, message } });
  const shape = ruleProblem(input.rule);
  if (shape) return { ok: false, problem: shape };
  const { untilDate, count } = input.end;
  if ((untilDate === null) === (count === null)) return fail('untilDate', 'one_of', 'give exactly one of untilDate and count');
  const lastAllowed = addMonths(input.firstDate, MAX_SPAN_MONTHS);
  if (untilDate !== null) {
    if (untilDate < input.firstDate)
      return fail('untilDate', 'not_before_first_date', `untilDate (${untilDate}) must not be before firstDate (${input.firstDate})`);
    if (untilDate > lastAllowed)
      return fail('untilDate', 'max_span', `a series spans at most ${MAX_SPAN_MONTHS} months: untilDate must be on or before ${lastAllowed}`);
  }
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES)) {
    return fail('count', 'range', `count must be a whole number from 1 to ${MAX_OCCURRENCES}`);
  }
  const dates = occurrenceDates(input.rule, input.firstDate, input.end);
  const endField = untilDate !== null ? 'untilDate' : 'count';
  if (dates.length === 0) return fail('untilDate', 'no_occurrence', `the rule gives no occurrence between ${input.firstDate} and ${untilDate}`);
  if (dates.length > MAX_OCCURRENCES) {
    return fail(endField, 'max_occurrences', `the rule gives more than ${MAX_OCCURRENCES} occurrences before ${untilDate}; end the series earlier`);
  }
  const last = dates[dates.length - 1]!;
  if (last > lastAllowed) {
    return fail(endField, 'max_span', `a series spans at most ${MAX_SPAN_MONTHS} months: its last occurrence (${last}) would be after ${lastAllowed}`);
  }
  const occurrences = dates.map((d) => occurrenceTimes(d, input.localTime, input.durationMinutes, input.timeZone));
  if (occurrences[0]!.startsAt.getTime() <= now.getTime()) {
    return fail('firstDate', 'future', `the first occurrence (${occurrences[0]!.startsAt.toISOString()}) has already started; choose a later firstDate`);
  }
  return { ok: true, occurrences };
}

/** True when an occurrence no longer sits where the rule puts it (moved on its own, or left behind by a change of the series). */
export function differsFromRule(
  meeting: { startsAt: Date; endsAt: Date; timeZone: string },
  series: { localTime: string; durationMinutes: number; timeZone: string },
  occurrenceDate: string,
): boolean {
  const rule = occurrenceTimes(occurrenceDate, series.localTime, series.durationMinutes, series.timeZone);
  return meeting.timeZone !== series.timeZone || meeting.startsAt.getTime() !== rule.startsAt.getTime() || meeting.endsAt.getTime() !== rule.endsAt.getTime();
}
