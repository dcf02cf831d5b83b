import { DateTime } from 'luxon';

/** A content text per working language (es, en, fr, pt); a language may be left out on purpose. */
export type Texts = Partial<Record<'es' | 'en' | 'fr' | 'pt', string>>;

/**
 * The demo activity's calendar: every date is relative to the seed's "now", so the demo stays alive whenever it
 * is seeded (a meeting a few weeks ago, one in about three weeks, items due around today).
 */
export class DemoClock {
  constructor(
    readonly now: Date,
    /** The council's zone: due dates are its calendar days. */
    readonly councilZone: string,
  ) {}

  /** `days` (fractional allowed) from now. */
  at(days: number): Date {
    return new Date(this.now.getTime() + days * 86_400_000);
  }

  /** The council's calendar day `days` from today (YYYY-MM-DD). */
  date(days: number): string {
    return DateTime.fromJSDate(this.now, { zone: this.councilZone }).startOf('day').plus({ days }).toISODate()!;
  }

  /** `hour`:`minute` local time in `zone`, on the working day (Monday to Friday) on or after the day `days` from today. */
  local(days: number, zone: string, hour: number, minute = 0): Date {
    let d = DateTime.fromJSDate(this.now, { zone }).startOf('day').plus({ days });
    while (d.weekday > 5) d = d.plus({ days: 1 });
    return d.set({ hour, minute }).toJSDate();
  }
}
