/**
 * A lead's period of days: from `from` (inclusive) until `until` (exclusive),
 * open-ended when `until` is null. Stored as a PostgreSQL daterange '[from,until)'.
 */
export interface LeadPeriod {
  from: string;
  until: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `from` comes strictly before `until` (or `until` is open-ended). Both are YYYY-MM-DD. */
export function isOrderedPeriod(period: LeadPeriod): boolean {
  return period.until === null || period.from < period.until;
}

/** The daterange literal for a period, e.g. "[2026-01-01,2027-01-01)" or "[2026-01-01,)". */
export function toDateRangeLiteral(period: LeadPeriod): string {
  if (!DATE.test(period.from) || (period.until !== null && !DATE.test(period.until))) {
    throw new Error(`not a YYYY-MM-DD period: ${period.from}..${period.until ?? ''}`);
  }
  return `[${period.from},${period.until ?? ''})`;
}
