import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../entities/participant.entity.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';
import { Nullable, Optional } from '../../../core/validation/presence.decorators.js';

/** Kind and category are fixed at creation; everything else here may change. `null` clears timeZone (and a state observer's isoCode). */
export class UpdateParticipantDto {
  @ApiProperty({ minimum: 1, description: 'The version the client read (optimistic concurrency)' })
  @IsInt32()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @Optional()
  @IsIn(PARTICIPANT_STATUSES)
  status?: ParticipantStatus;

  @ApiPropertyOptional({ minimum: 1, description: 'Member states only; the place must be free (use rotation-order to permute)' })
  @Optional()
  @IsInt32()
  @Min(1)
  @Max(10000)
  rotationPosition?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'America/Guatemala', description: 'IANA time zone; null clears it' })
  @Nullable()
  @IsTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'GT',
    description: 'States only (member states, state observers); null clears a state observer’s code',
  })
  @Nullable()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'isoCode must be two uppercase letters' })
  @IsISO31661Alpha2({ message: 'isoCode must be an ISO 3166-1 alpha-2 country code' })
  isoCode?: string | null;
}
