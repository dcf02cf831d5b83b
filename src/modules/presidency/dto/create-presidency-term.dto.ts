import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from './instant.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** Sources a client may give a new term; `extension` is reserved to the handover. */
export const NEW_TERM_SOURCES = ['rotation', 'designated', 'historical'] as const;
export type NewTermSource = (typeof NEW_TERM_SOURCES)[number];

export class CreatePresidencyTermDto {
  @ApiProperty({ format: 'uuid', description: 'The member state holding the presidency' })
  @IsUUID('all')
  participantId: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start (inclusive). Defaults to the end of the last term; required when the council has no term yet',
  })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('startsAt') })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: "End (exclusive). Defaults to startsAt plus the council's term length" })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('endsAt') })
  endsAt?: string;

  @ApiPropertyOptional({ enum: NEW_TERM_SOURCES, default: 'rotation', description: '`historical` terms may name suspended or withdrawn states' })
  @Optional()
  @IsIn(NEW_TERM_SOURCES)
  source?: NewTermSource;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}
