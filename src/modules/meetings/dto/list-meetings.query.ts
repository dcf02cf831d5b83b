import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../../core/http/pagination.js';
import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../presidency/dto/instant.js';
import { MEETING_STATUSES, type MeetingStatus } from '../entities/meeting.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** Filters of the meeting list; paging (limit, cursor) from PageQuery. */
export class ListMeetingsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings starting at or after this instant' })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings starting before this instant' })
  @Optional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this body's meetings" }) @Optional() @IsUUID('all') bodyId?: string;

  @ApiPropertyOptional({ enum: MEETING_STATUSES }) @Optional() @IsIn(MEETING_STATUSES) status?: MeetingStatus;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this meeting series' occurrences" }) @Optional() @IsUUID('all') seriesId?: string;
}
