import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A calendar date YYYY-MM-DD that exists (2026-02-30 is refused). */
export const IsDateOnly = (field: string): PropertyDecorator =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: `${field} must be a valid date` }),
  );
