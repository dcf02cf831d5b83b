import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import { IsIanaTimeZone } from '../../councils/is-iana-time-zone.decorator.js';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../presidency/dto/instant.js';

/** Changes to a draft or convened meeting; null clears an optional field. */
export class UpdateMeetingDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ enum: MEETING_KINDS }) @IsOptional() @IsIn(MEETING_KINDS) kind?: MeetingKind;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null = a meeting of the council itself' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID('all')
  bodyId?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('startsAt') })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('endsAt') })
  endsAt?: string;

  @ApiPropertyOptional({ example: 'America/Mexico_City' }) @IsOptional() @IsIanaTimeZone() timeZone?: string;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  venue?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID('all')
  hostParticipantId?: string | null;
}
