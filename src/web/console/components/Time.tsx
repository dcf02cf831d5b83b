import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';

/** The zone of this browser: the person's own (where they are now). */
export const personalZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A zone's city, for labels ("America/Guatemala" → "Guatemala"). */
const city = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');

interface DateTimeProps {
  /** An instant (ISO 8601 with offset, as the API sends). */
  value: string;
  /** The other zone that matters: the meeting's, else the council's. */
  zone?: string;
  /** Which one `zone` is, for its label. */
  zoneKind?: 'council' | 'meeting';
  /** Date only (no time of day). */
  dateOnly?: boolean;
}

/**
 * An instant shown in the person's zone and, when it is another, in the meeting's or council's zone,
 * each labelled with its zone: "12 Oct 2026, 10:00 your time (Toronto) · 08:00 council time (Guatemala)".
 */
export function DateTimeText({ value, zone, zoneKind = 'council', dateOnly = false }: DateTimeProps) {
  const { t, i18n } = useTranslation();
  const instant = DateTime.fromISO(value, { setZone: false });
  if (!instant.isValid) return <span>{value}</span>;
  const format = dateOnly ? DateTime.DATE_MED : DateTime.DATETIME_MED;
  const mine = personalZone();
  const inZone = (z: string) => instant.setZone(z).setLocale(i18n.language).toLocaleString(format);
  const other = zone && zone !== mine ? zone : undefined;
  return (
    <time dateTime={instant.toUTC().toISO() ?? value} className="datetime">
      <span className="datetime-zone">
        {inZone(mine)} <span className="zone-label">{t('time.yours', { zone: city(mine) })}</span>
      </span>
      {other && ' · '}
      {other && (
        <span className="datetime-zone">
          {inZone(other)} <span className="zone-label">{t(zoneKind === 'meeting' ? 'time.meeting' : 'time.council', { zone: city(other) })}</span>
        </span>
      )}
    </time>
  );
}

/**
 * A plain date (a due date: decided in the council's zone): shown as the calendar date it is, never moved
 * through the browser's zone (formatted as a UTC midnight in UTC).
 */
export function PlainDate({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return <time dateTime={value}>{date.isValid ? date.setLocale(i18n.language).toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY) : value}</time>;
}

/** Days from `today` (the council's today, YYYY-MM-DD) to the plain date `value`. */
export function daysUntil(value: string, today: string): number {
  return Math.round(DateTime.fromISO(value, { zone: 'utc' }).diff(DateTime.fromISO(today, { zone: 'utc' }), 'days').days);
}
