import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUrl, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../presidency/dto/instant.js';
import { Nullable, Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** Changes to a draft or convened meeting; null clears an optional field. */
export class UpdateMeetingDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ enum: MEETING_KINDS }) @Optional() @IsIn(MEETING_KINDS) kind?: MeetingKind;

  @ApiPropertyOptional({ maxLength: 200 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null = a meeting of the council itself' })
  @Nullable()
  @IsUUID('all')
  bodyId?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('startsAt') })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('endsAt') })
  endsAt?: string;

  @ApiPropertyOptional({ example: 'America/Mexico_City' }) @Optional() @IsTimeZone() timeZone?: string;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @Nullable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  venue?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @Nullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all')
  hostParticipantId?: string | null;
}
