import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsTimeZone } from '../../../../core/time-zones/is-time-zone.decorator.js';
import { LOCAL_TIME } from './create-series.dto.js';
import { Nullable, Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/**
 * Changes to a series, applied to its future occurrences that are still drafts, field by field where the
 * occurrence still follows the series (its time where the rule put it, its venue/link/title the series' one).
 * Null clears venue or onlineUrl.
 */
export class UpdateSeriesDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ maxLength: 200 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;

  @ApiPropertyOptional({ example: '10:00', description: 'Local start time HH:MM in timeZone' })
  @Optional()
  @IsString()
  @Matches(LOCAL_TIME, { message: 'startTime must be a local time HH:MM (00:00–23:59)' })
  startTime?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 }) @Optional() @IsInt32() @Min(1) @Max(1440) durationMinutes?: number;

  @ApiPropertyOptional({ example: 'America/Toronto' }) @Optional() @IsTimeZone() timeZone?: string;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @Nullable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  venue?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @Nullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string | null;
}
