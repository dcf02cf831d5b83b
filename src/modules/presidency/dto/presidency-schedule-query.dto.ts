import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from './instant.js';

export class PresidencyScheduleQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 6, description: 'How many entries, recorded then projected' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  count?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Schedule as seen from this instant; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('at') })
  at?: string;
}
