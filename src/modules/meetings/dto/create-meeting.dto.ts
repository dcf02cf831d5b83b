import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../presidency/dto/instant.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class CreateMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS }) @IsIn(MEETING_KINDS) kind: MeetingKind;

  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A body of the council (working group, task force…); omitted = a meeting of the council itself' })
  @Optional()
  @IsUUID('all')
  bodyId?: string;

  @ApiProperty({ format: 'date-time', description: 'With Z or an offset' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('startsAt') })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt; with Z or an offset' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('endsAt') })
  endsAt: string;

  @ApiProperty({ example: 'America/Mexico_City', description: 'IANA zone the meeting is held in' }) @IsTimeZone() timeZone: string;

  @ApiPropertyOptional({ maxLength: 500 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(500) venue?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'http(s) link to join online' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The member state hosting the meeting' })
  @Optional()
  @IsUUID('all')
  hostParticipantId?: string;
}
