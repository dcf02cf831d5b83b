import type { TFunction } from 'i18next';
import { Info } from 'luxon';
import type { Schemas } from '../../api/client';
import { zoneCity } from '../meetings/planning/zoned';

export type Series = Schemas['SeriesResponse'];
export type Occurrence = Schemas['SeriesOccurrenceResponse'];
export type Weekday = Schemas['RecurrenceDto']['weekday'];
export type WeekOfMonth = NonNullable<Schemas['RecurrenceDto']['weekOfMonth']>;

export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const WEEKS_OF_MONTH: readonly WeekOfMonth[] = [1, 2, 3, 4, -1];

/** A weekday's name in the interface language ("TU" → "Tuesday", "martes"). */
export const weekdayName = (day: Weekday, language: string) => Info.weekdays('long', { locale: language })[WEEKDAYS.indexOf(day)]!;

export interface Rule {
  frequency: 'weekly' | 'monthly';
  interval: number;
  weekday: Weekday;
  weekOfMonth?: WeekOfMonth | null;
  startTime: string;
  timeZone: string;
  count?: number | null;
  untilDate?: string | null;
}

/**
 * The rule in words: "Every 2 weeks on Tuesday, 10:00 Guatemala time", "The second Tuesday of every month, 10:00
 * Guatemala time", with how it ends ("10 meetings", "until 30 Jun 2027") when asked.
 */
export function seriesSummary(t: TFunction, language: string, rule: Rule, withEnd = false): string {
  // Spanish says the weekday in the plural ("los martes", "los sábados"); the names of Saturday and Sunday take an -s.
  const name = weekdayName(rule.weekday, language);
  const weekday = language === 'es' && name.endsWith('o') ? `${name}s` : name;
  const nthKey = rule.weekday === 'SA' || rule.weekday === 'SU' ? 'nthWeekend' : 'nth';
  const base =
    rule.frequency === 'weekly'
      ? t('scheduling.summary.weekly', { count: rule.interval, weekday, time: rule.startTime, zone: zoneCity(rule.timeZone) })
      : t('scheduling.summary.monthly', {
          count: rule.interval,
          nth: t(`scheduling.${nthKey}.${String(rule.weekOfMonth ?? 1)}`),
          weekday,
          time: rule.startTime,
          zone: zoneCity(rule.timeZone),
        });
  if (!withEnd) return base;
  if (rule.count) return `${base} · ${t('scheduling.summary.count', { count: rule.count })}`;
  if (rule.untilDate) {
    const until = new Date(`${rule.untilDate}T00:00:00Z`).toLocaleDateString(language, { timeZone: 'UTC', dateStyle: 'medium' });
    return `${base} · ${t('scheduling.summary.until', { date: until })}`;
  }
  return base;
}

/** The summary of a saved series. */
export const summaryOf = (t: TFunction, language: string, s: Series, withEnd = false) =>
  seriesSummary(
    t,
    language,
    {
      frequency: s.recurrence.frequency,
      interval: s.recurrence.interval,
      weekday: s.recurrence.weekday,
      weekOfMonth: s.recurrence.weekOfMonth,
      startTime: s.startTime,
      timeZone: s.timeZone,
      count: s.count,
      untilDate: s.untilDate,
    },
    withEnd,
  );

/** The query key of one series. */
export const seriesKey = (councilId: string | undefined, seriesId: string) => ['series', councilId, seriesId];

/** A plain date (YYYY-MM-DD) in words, for labels and announcements ("15 Dec 2026"). */
export const dateWords = (value: string | null | undefined, language: string) =>
  value ? new Date(`${value}T00:00:00Z`).toLocaleDateString(language, { timeZone: 'UTC', dateStyle: 'medium' }) : '';
