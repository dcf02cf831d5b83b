import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isSupportedTimeZone } from './time-zone.js';

/**
 * class-validator rule `isTimeZone`: an IANA time zone name that both
 * PostgreSQL (`pg_timezone_names`) and the runtime (ICU, so luxon) know. Every
 * DTO field that takes a zone uses it; a broken rule is a 400 naming the field.
 */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => isSupportedTimeZone(value),
        defaultMessage: () => '$property must be an IANA time zone known to the database and the runtime, such as "America/Mexico_City" or "UTC"',
      },
    },
    options,
  );
}
