import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../presidency/dto/instant.js';
import { MEETING_STATUSES, type MeetingStatus } from '../entities/meeting.entity.js';

export class ListMeetingsQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings starting at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings starting before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this body's meetings" }) @IsOptional() @IsUUID('all') bodyId?: string;

  @ApiPropertyOptional({ enum: MEETING_STATUSES }) @IsOptional() @IsIn(MEETING_STATUSES) status?: MeetingStatus;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this meeting series' occurrences" }) @IsOptional() @IsUUID('all') seriesId?: string;
}
