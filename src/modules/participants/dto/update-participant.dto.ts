import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO31661Alpha2, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsIanaTimeZone } from '../../councils/is-iana-time-zone.decorator.js';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../entities/participant.entity.js';

/** Kind and category are fixed at creation; everything else here may change. `null` clears timeZone (and a state observer's isoCode). */
export class UpdateParticipantDto {
  @ApiProperty({ minimum: 1, description: 'The version the client read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(PARTICIPANT_STATUSES)
  status?: ParticipantStatus;

  @ApiPropertyOptional({ minimum: 1, description: 'Member states only; the place must be free (use rotation-order to permute)' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsInt()
  @Min(1)
  @Max(10000)
  rotationPosition?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'America/Guatemala', description: 'IANA time zone; null clears it' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsIanaTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GT', description: 'States only (member states, state observers); null clears a state observer’s code' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'isoCode must be two uppercase letters' })
  @IsISO31661Alpha2({ message: 'isoCode must be an ISO 3166-1 alpha-2 country code' })
  isoCode?: string | null;
}
