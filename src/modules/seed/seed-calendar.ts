/** The calendar arithmetic of the demo seed: yearly presidency terms aligned to 1 January UTC. */

export interface YearTerm {
  year: number;
  /** Inclusive start, 1 January 00:00 UTC. */
  start: Date;
  /** Exclusive end, 1 January 00:00 UTC of the following year. */
  end: Date;
}

/** The year the rotation starts from: that year's term is held by the first member state in the order. */
export const ROTATION_EPOCH_YEAR = 2025;

/** Terms from the year before `now` through the end of the year after it: previous, current and next holder. */
export function demoTermYears(now: Date): YearTerm[] {
  const current = now.getUTCFullYear();
  return [current - 1, current, current + 1].map((year) => ({
    year,
    start: new Date(Date.UTC(year, 0, 1)),
    end: new Date(Date.UTC(year + 1, 0, 1)),
  }));
}

/** The 0-based place in the rotation order of the member state holding the presidency in `year`. */
export function rotationIndexForYear(year: number, memberCount: number): number {
  if (!Number.isInteger(memberCount) || memberCount < 1) throw new Error('the rotation needs at least one member state');
  return (((year - ROTATION_EPOCH_YEAR) % memberCount) + memberCount) % memberCount;
}

/** A calendar date (YYYY-MM-DD) of 1 January of `year`. */
export function januaryFirst(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}
