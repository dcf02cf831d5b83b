/** An instant as ISO 8601 for a response (null stays null). pg hands timestamps over as Dates already: no copy for those. */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  return d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();
}
