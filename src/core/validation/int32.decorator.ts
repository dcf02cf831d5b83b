import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, type ValidationOptions } from 'class-validator';

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/**
 * An integer that fits a PostgreSQL `integer` (int4) column: without the bounds, 2^31 passes `@IsInt()` and
 * fails in the database with an error that names no field. Tighter `@Min`/`@Max` of the field still apply.
 */
export const IsInt32 = (options?: ValidationOptions): PropertyDecorator =>
  applyDecorators(
    IsInt(options),
    Min(INT32_MIN, { ...options, message: `$property must not be less than ${INT32_MIN}` }),
    Max(INT32_MAX, { ...options, message: `$property must not be greater than ${INT32_MAX}` }),
  );
