import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../presidency/dto/instant.js';

export class WorkingHoursQuery {
  @ApiProperty({ format: 'date-time', description: 'Start of the proposed meeting (Z or an offset)' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('start') })
  start: string;

  @ApiProperty({ format: 'date-time', description: 'End of the proposed meeting, after start' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('end') })
  end: string;
}
