import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../../../councils/entities/council-meeting-rule.entity.js';
import { IsTimeZone } from '../../../../core/time-zones/is-time-zone.decorator.js';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../dto/instant.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class TroikaMeetingDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('startsAt') })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('endsAt') })
  endsAt: string;

  @ApiProperty({ example: 'America/Guatemala' }) @IsTimeZone() timeZone: string;

  @ApiPropertyOptional({ enum: MEETING_KINDS, default: 'senior_officials' }) @Optional() @IsIn(MEETING_KINDS) kind?: MeetingKind;

  @ApiPropertyOptional({ maxLength: 500 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(500) venue?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The member state hosting it' }) @Optional() @IsUUID('all') hostParticipantId?: string;
}
