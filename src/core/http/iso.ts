/** An instant as ISO 8601 for a response (null stays null). pg hands timestamps over as Dates already: no copy for those. */
export const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());
