import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from './instant.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class PresidencyAtQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The instant asked about; defaults to now' })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('at') })
  at?: string;
}
