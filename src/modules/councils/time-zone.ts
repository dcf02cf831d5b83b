/** The shape of a tz database name: segments starting with an uppercase letter ("America/Port-au-Prince", "Etc/GMT+5", "UTC"). */
const TZ_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/**
 * True for an IANA time zone name the runtime knows, spelled with the tz
 * database's case ("America/Mexico_City", "UTC", and links such as
 * "Asia/Kolkata" or "America/Argentina/Buenos_Aires", which ICU lists under
 * older names). Offsets ("+05:00") and wrong case ("utc") are refused.
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
