import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../../../councils/entities/council-meeting-rule.entity.js';
import { IsTimeZone } from '../../../../core/time-zones/is-time-zone.decorator.js';
import { MAX_OCCURRENCES } from '../recurrence.js';
import { RecurrenceDto } from './recurrence.dto.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A new series: its occurrences are created as draft meetings (at most 60, within 24 months of firstDate). */
export class CreateSeriesDto {
  @ApiProperty({ enum: MEETING_KINDS }) @IsIn(MEETING_KINDS) kind: MeetingKind;

  @ApiProperty({ maxLength: 200, description: 'The title of every occurrence' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A body of the council; omitted = meetings of the council itself' })
  @Optional()
  @IsUUID('all')
  bodyId?: string;

  @ApiProperty({ example: '09:00', description: 'Local start time (HH:MM, 24-hour) in timeZone; kept across DST changes' })
  @IsString()
  @Matches(LOCAL_TIME, { message: 'startTime must be a local time HH:MM (00:00–23:59)' })
  startTime: string;

  @ApiProperty({ minimum: 1, maximum: 1440, example: 180 }) @IsInt32() @Min(1) @Max(1440) durationMinutes: number;

  @ApiProperty({ example: 'America/Toronto', description: 'IANA zone the series meets in' }) @IsTimeZone() timeZone: string;

  @ApiPropertyOptional({ maxLength: 500 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(500) venue?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'http(s) link to join online' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;

  @ApiProperty({ type: RecurrenceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence: RecurrenceDto;

  @ApiProperty({
    format: 'date',
    example: '2030-03-04',
    description: 'The rule runs from this date (the first occurrence is the first matching day on or after it)',
  })
  @Matches(CALENDAR_DATE, { message: 'firstDate must be a date YYYY-MM-DD' })
  firstDate: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last possible date (inclusive), at most 24 months after firstDate; give this or count' })
  @Optional()
  @Matches(CALENDAR_DATE, { message: 'untilDate must be a date YYYY-MM-DD' })
  untilDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_OCCURRENCES, description: 'Number of occurrences; give this or untilDate' })
  @Optional()
  @IsInt32()
  @Min(1)
  @Max(MAX_OCCURRENCES)
  count?: number;
}
