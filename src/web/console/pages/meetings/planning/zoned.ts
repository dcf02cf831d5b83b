import { CalendarDate, CalendarDateTime, Time } from '@internationalized/date';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';

/** A zone's city, for labels ("America/Guatemala" → "Guatemala"). */
export const zoneCity = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');

/** A wall-clock date-time of the pickers, read in `zone`, as the instant the API takes (ISO 8601 with Z). */
export function wallToInstant(value: CalendarDateTime, zone: string): string | undefined {
  const dt = DateTime.fromObject({ year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute }, { zone });
  return dt.isValid ? (dt.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
}

/** An instant of the API as the wall-clock date-time it is in `zone` (for the pickers). */
export function instantToWall(iso: string, zone: string): CalendarDateTime {
  const dt = DateTime.fromISO(iso).setZone(zone);
  return new CalendarDateTime(dt.year, dt.month, dt.day, dt.hour, dt.minute);
}

/** The same wall-clock time moved by the minutes between two others (the end follows the start). */
export function shiftBy(value: CalendarDateTime, from: CalendarDateTime, to: CalendarDateTime): CalendarDateTime {
  const minutes = Math.round(plainMillis(to) / 60_000 - plainMillis(from) / 60_000);
  return value.add({ minutes });
}

const plainMillis = (v: CalendarDateTime) => Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute);

/** Minutes from one wall-clock time to another (as written, not through a zone). */
export const minutesBetween = (from: CalendarDateTime, to: CalendarDateTime) => Math.round((plainMillis(to) - plainMillis(from)) / 60_000);

/** A day `days` from today in `zone` at `hour`:00 (a first proposal for the pickers). */
export function dayAhead(zone: string, days: number, hour: number): CalendarDateTime {
  const d = DateTime.now().setZone(zone).plus({ days });
  return new CalendarDateTime(d.year, d.month, d.day, hour, 0);
}

export const plainDate = (v: CalendarDate) => v.toString();
export const hhmm = (v: Time) => `${String(v.hour).padStart(2, '0')}:${String(v.minute).padStart(2, '0')}`;

/** The IANA zones this browser knows, with `first` on top (the council's); it is always offered. */
export function zoneOptions(first: string): string[] {
  let all: string[];
  try {
    all = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    all = [];
  }
  return [first, ...all.filter((z) => z !== first)];
}

/** `value`, once it has stayed the same for `ms` (a check asked of the API while a person is still choosing). */
export function useDebounced<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
