import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIanaTimeZone } from './time-zone.js';

/** class-validator rule: the value is an IANA time zone name (see `isIanaTimeZone`). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) => isIanaTimeZone(value),
        defaultMessage: () => '$property must be an IANA time zone such as "America/Mexico_City" or "UTC"',
      },
    },
    options,
  );
}
