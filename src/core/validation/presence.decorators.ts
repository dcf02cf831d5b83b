import { ValidateIf } from 'class-validator';

/**
 * The one rule for absent and null fields across the API (instead of class-validator's `@IsOptional`, which
 * lets `null` through to services that only treat `undefined` as absent):
 *
 * - `@Optional()`: the field may be left out; `null` is validated like any other value, so it is a 400 naming
 *   the field (`name must be a string`).
 * - `@Nullable()`: the field may be left out or be `null`, which clears it. Use it only where the service (and
 *   the column) handle null: declare the property `?: T | null`.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

export const Nullable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined && value !== null);
