/** A UUID in its text form (any version, either case), as PostgreSQL's uuid type reads it: the one pattern of the code. */
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const UUID = new RegExp(`^${UUID_SOURCE}$`, 'i');

/** Whether a value is a UUID string: check it before a value reaches a `uuid` column or parameter (else PostgreSQL refuses the query). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
