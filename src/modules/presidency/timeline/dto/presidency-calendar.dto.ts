import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, Matches, Max, Min } from 'class-validator';
import { ROTATION_POLICIES, type RotationPolicy } from '../../../councils/entities/council.entity.js';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../dto/instant.js';
import { PresidencyEntryResponse } from '../../dto/presidency-entry.response.js';
import { PresidencyTroikaResponse } from '../../dto/presidency-troika.response.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export class PresidencyCalendarQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'The calendar as seen from this instant; defaults to now' })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('at') })
  at?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 20, default: 3, description: 'How many entries after the current term (recorded, then projected)' })
  @Optional()
  @Type(() => Number)
  @IsInt32()
  @Min(0)
  @Max(20)
  upcoming?: number;
}

export class PresidencyCalendarResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ROTATION_POLICIES }) rotationPolicy: RotationPolicy;
  @ApiProperty({ type: [PresidencyEntryResponse], description: 'Every term ended by `at`, in time order' }) past: PresidencyEntryResponse[];
  @ApiProperty({ type: PresidencyEntryResponse, nullable: true }) current: PresidencyEntryResponse | null;
  @ApiProperty({ type: [PresidencyEntryResponse], description: 'Recorded terms after the current one, then projected ones' })
  upcoming: PresidencyEntryResponse[];
  @ApiProperty({ type: PresidencyTroikaResponse }) troika: PresidencyTroikaResponse;
}
