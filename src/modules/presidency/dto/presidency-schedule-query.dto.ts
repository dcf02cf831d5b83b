import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, Matches, Max, Min } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from './instant.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

export class PresidencyScheduleQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 6, description: 'How many entries, recorded then projected' })
  @Optional()
  @Type(() => Number)
  @IsInt32()
  @Min(1)
  @Max(50)
  count?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Schedule as seen from this instant; defaults to now' })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('at') })
  at?: string;
}
