import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Max, Min } from 'class-validator';
import { MAX_INTERVAL, RECURRENCE_FREQUENCIES, type RecurrenceFrequency, type Weekday, WEEKDAYS, WEEKS_OF_MONTH } from '../recurrence.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/**
 * How a series recurs. "Every second Tuesday" is either { frequency: 'weekly', interval: 2, weekday: 'TU' }
 * (every other week) or { frequency: 'monthly', weekday: 'TU', weekOfMonth: 2 } (the second Tuesday of each month).
 */
export class RecurrenceDto {
  @ApiProperty({ enum: RECURRENCE_FREQUENCIES }) @IsIn(RECURRENCE_FREQUENCIES) frequency: RecurrenceFrequency;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_INTERVAL,
    default: 1,
    description: 'Every n weeks (weekly) or months (monthly); weeks are counted from the week of firstDate',
  })
  @Optional()
  @IsInt32()
  @Min(1)
  @Max(MAX_INTERVAL)
  interval?: number;

  @ApiProperty({ enum: WEEKDAYS, example: 'TU' }) @IsIn(WEEKDAYS) weekday: Weekday;

  @ApiPropertyOptional({ enum: WEEKS_OF_MONTH, description: 'Monthly rules only (and required there): the nth weekday of the month, -1 = the last' })
  @Optional()
  @IsIn(WEEKS_OF_MONTH)
  weekOfMonth?: number;
}
