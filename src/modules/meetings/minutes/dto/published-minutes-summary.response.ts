import { ApiProperty } from '@nestjs/swagger';
import { MEETING_KINDS, type MeetingKind } from '../../../councils/entities/council-meeting-rule.entity.js';

/** Approved minutes in the public list (read one for its content). */
export class PublishedMinutesSummaryResponse {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty() meetingTitle: string;
  @ApiProperty({ enum: MEETING_KINDS }) meetingKind: MeetingKind;
  @ApiProperty({ format: 'date-time' }) meetingStartsAt: string;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
}
