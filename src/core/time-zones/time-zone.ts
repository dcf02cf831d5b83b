/** The shape of a tz database name: segments starting with an uppercase letter ("America/Port-au-Prince", "Etc/GMT+5", "UTC"). */
const TZ_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/**
 * True for an IANA time zone name the runtime (ICU, so luxon) knows, spelled
 * with the tz database's case ("America/Mexico_City", "UTC", and links such as
 * "Asia/Kolkata" or "America/Argentina/Buenos_Aires", which ICU lists under
 * older names). Offsets ("+05:00") and wrong case ("utc") are refused.
 * Alone it is not enough for a zone we store: see `isSupportedTimeZone`.
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64 || !TZ_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone names PostgreSQL knows (`pg_timezone_names`), loaded once at boot
 * by `TimeZoneCatalog` in every process (API, worker, tests). ICU and
 * PostgreSQL ship different tz data: ICU still knows names PostgreSQL dropped
 * ("US/Pacific-New", "Canada/East-Saskatchewan"), and a stored zone PostgreSQL
 * does not know breaks every query that computes a local date with it.
 */
let databaseZones: ReadonlySet<string> | undefined;

export function setDatabaseTimeZones(names: Iterable<string>): void {
  databaseZones = new Set(names);
}

export function databaseTimeZonesLoaded(): boolean {
  return databaseZones !== undefined;
}

/**
 * True for a zone we may store: an IANA name that both the runtime (luxon/ICU)
 * and PostgreSQL know. Before the catalog is loaded nothing is accepted (fail
 * closed: a process that forgot to load it must not let unknown zones in).
 */
export function isSupportedTimeZone(value: unknown): value is string {
  return isIanaTimeZone(value) && databaseZones !== undefined && databaseZones.has(value);
}
