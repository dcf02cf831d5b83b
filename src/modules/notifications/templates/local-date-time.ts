import { DateTime } from 'luxon';
import type { Instant, MessageLanguage } from './message-kinds.js';

/**
 * Locale used for each working language. The council sits in the Americas, so the regional
 * variants are used: they change the time and zone-name style (fr-CA writes « 09 h 00 »).
 */
export const LOCALE_OF: Readonly<Record<MessageLanguage, string>> = { es: 'es-MX', en: 'en-US', fr: 'fr-CA', pt: 'pt-BR' };

/** 24-hour clock everywhere except English (12-hour with AM/PM, as en-US readers expect). */
const TIME_FORMAT: Readonly<Record<MessageLanguage, Intl.DateTimeFormatOptions>> = {
  es: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  en: { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' },
  fr: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  pt: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/** Converts an Instant to a Date, or null when it is not a valid point in time. */
export function toDate(value: Instant): Date | null {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** Zones already found valid (the runtime's zone data does not change while it runs). */
const knownZones = new Set<string>();

/** True for a zone luxon (i.e. the runtime's ICU data) knows. */
export function isKnownTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  if (knownZones.has(zone)) return true;
  if (!DateTime.now().setZone(zone).isValid) return false;
  if (knownZones.size < 1000) knownZones.add(zone);
  return true;
}

function zoned(date: Date, zone: string, language: MessageLanguage): DateTime {
  const dt = DateTime.fromJSDate(date, { zone }).setLocale(LOCALE_OF[language]);
  if (!dt.isValid) {
    throw new RangeError(`Invalid date or time zone: ${String(date)} in ${zone} (${dt.invalidExplanation ?? dt.invalidReason})`);
  }
  return dt;
}

/** Building an Intl.DateTimeFormat is costly (ICU data); one per (language, zone, style) is kept. */
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function zoneNamePart(date: Date, zone: string, language: MessageLanguage, style: 'long' | 'shortOffset'): string {
  const key = `${language}|${zone}|${style}`;
  let format = zoneNameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_OF[language], { timeZone: zone, timeZoneName: style });
    zoneNameFormats.set(key, format);
  }
  const part = format.formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/**
 * The zone as a reader sees it at that instant: its localized name (which says standard or
 * summer time) and its UTC offset, e.g. "hora estándar central, GMT-6", "Eastern Daylight Time, GMT-4",
 * "heure avancée de l’Est, UTC−4". UTC itself is just "UTC".
 */
export function zoneLabel(date: Date, zone: string, language: MessageLanguage): string {
  const dt = zoned(date, zone, language);
  if (dt.zone.isUniversal && dt.offset === 0) return 'UTC';
  return `${zoneNamePart(date, zone, language, 'long')}, ${zoneNamePart(date, zone, language, 'shortOffset')}`;
}

/** "lunes, 9 de marzo de 2026" — the long, localized date, in the zone. */
export function localDate(date: Date, zone: string, language: MessageLanguage): string {
  return zoned(date, zone, language).toLocaleString(DateTime.DATE_HUGE);
}

/** "09:00" / "9:00 AM" / "09 h 00" — the localized time of day, in the zone. */
export function localTime(date: Date, zone: string, language: MessageLanguage): string {
  return zoned(date, zone, language).toLocaleString(TIME_FORMAT[language]);
}

/**
 * A date and time shown in a zone, formatted for the language, with the zone named:
 *   es: "lunes, 9 de marzo de 2026, 08:00 (hora estándar central, GMT-6)"
 *   en: "Monday, March 9, 2026, 10:00 AM (Eastern Daylight Time, GMT-4)"
 *   fr: "lundi 9 mars 2026, 10 h 00 (heure avancée de l’Est, UTC−4)"
 *   pt: "segunda-feira, 9 de março de 2026, 08:00 (Horário Padrão Central, GMT-6)"
 * Throws a RangeError for an invalid date or an unknown zone.
 */
export function localDateTime(date: Date, zone: string, language: MessageLanguage): string {
  // A burst of messages (reminders due at one moment) shows the same instant in the same few zones and languages:
  // the formatted text is kept (it is a pure function of the three), so each combination is formatted once.
  const key = `${date.getTime()}|${zone}|${language}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = `${localDate(date, zone, language)}, ${localTime(date, zone, language)} (${zoneLabel(date, zone, language)})`;
    if (formatted.size >= FORMATTED_MAX) formatted.delete(formatted.keys().next().value!);
    formatted.set(key, text);
  }
  return text;
}

/** localDateTime's recent results, oldest first (Map order), at most FORMATTED_MAX. */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 2000;

/**
 * A time range in a zone: "lunes, 9 de marzo de 2026, 08:00–10:00 (hora estándar central, GMT-6)" when
 * both ends fall on the same local day, otherwise both full date-times joined by " – ".
 * When a DST change falls inside the range, each end carries its own zone label.
 */
export function localDateTimeRange(start: Date, end: Date, zone: string, language: MessageLanguage): string {
  const a = zoned(start, zone, language);
  const b = zoned(end, zone, language);
  const sameDay = a.hasSame(b, 'day');
  const sameLabel = zoneLabel(start, zone, language) === zoneLabel(end, zone, language);
  if (sameDay && sameLabel) {
    return `${localDate(start, zone, language)}, ${localTime(start, zone, language)}–${localTime(end, zone, language)} (${zoneLabel(start, zone, language)})`;
  }
  return `${localDateTime(start, zone, language)} – ${localDateTime(end, zone, language)}`;
}

/** A 'yyyy-MM-dd' local date in its long localized form; any other string is returned as given. */
export function localCalendarDate(isoDate: string, language: MessageLanguage): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const dt = DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale(LOCALE_OF[language]);
  return dt.isValid ? dt.toLocaleString(DateTime.DATE_HUGE) : isoDate;
}

/** "mañana", "dentro de 7 días", "tomorrow", "in 7 days", "demain", "dans 7 jours", "amanhã", "em 7 dias". */
export function relativeDays(days: number, language: MessageLanguage): string {
  return new Intl.RelativeTimeFormat(LOCALE_OF[language], { numeric: 'auto' }).format(days, 'day');
}
