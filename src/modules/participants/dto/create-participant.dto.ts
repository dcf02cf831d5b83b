import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import {
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_KINDS,
  PARTICIPANT_STATUSES,
  type ParticipantCategory,
  type ParticipantKind,
  type ParticipantStatus,
} from '../entities/participant.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

export class CreateParticipantDto {
  @ApiProperty({ enum: PARTICIPANT_KINDS })
  @IsIn(PARTICIPANT_KINDS)
  kind: ParticipantKind;

  @ApiProperty({ example: 'Mexico', maxLength: 200, description: 'Unique in the council (case-insensitive)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ example: 'MX', description: 'ISO 3166-1 alpha-2, uppercase. Required for a member state; allowed for a state observer only' })
  @Optional()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'isoCode must be two uppercase letters' })
  @IsISO31661Alpha2({ message: 'isoCode must be an ISO 3166-1 alpha-2 country code' })
  isoCode?: string;

  @ApiPropertyOptional({
    enum: PARTICIPANT_CATEGORIES,
    description:
      'Required for permanent participants (migrant_community, civil_society, indigenous, academia, private_sector) and observers (state, intergovernmental, financial_institution, ngo); none for member states',
  })
  @Optional()
  @IsIn(PARTICIPANT_CATEGORIES)
  category?: ParticipantCategory;

  @ApiPropertyOptional({ minimum: 1, description: 'Member states only; defaults to the end of the rotation order' })
  @Optional()
  @IsInt32()
  @Min(1)
  @Max(10000)
  rotationPosition?: number;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES, default: 'active' })
  @Optional()
  @IsIn(PARTICIPANT_STATUSES)
  status?: ParticipantStatus;

  @ApiPropertyOptional({ example: 'America/Mexico_City', description: 'IANA time zone' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;
}
