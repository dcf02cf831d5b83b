import { ApiProperty } from '@nestjs/swagger';
import { MEETING_KINDS, type MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import { MEETING_STATUSES, type MeetingStatus } from '../entities/meeting.entity.js';
import { MeetingChairResponse } from './meeting-chair.response.js';
import { MeetingDeadlinesResponse } from './meeting-deadlines.response.js';

export class MeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a meeting of the council itself' }) bodyId: string | null;
  @ApiProperty({ enum: MEETING_KINDS }) kind: MeetingKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ example: 'America/Mexico_City' }) timeZone: string;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hostParticipantId: string | null;
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) convenedAt: string | null;
  @ApiProperty({ description: 'An extraordinary meeting convened at short notice with the body’s consent' }) consentRecorded: boolean;
  @ApiProperty({ type: String, nullable: true }) consentNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the session really opened (null before it opens)' }) openedAt:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the session really closed (null before it closes)' }) closedAt:
    string | null;
  @ApiProperty({
    type: MeetingChairResponse,
    nullable: true,
    description: 'Council-level meetings: the presidency holder at startsAt; null for body meetings or when no term covers it',
  })
  chair: MeetingChairResponse | null;
  @ApiProperty({ type: MeetingDeadlinesResponse }) deadlines: MeetingDeadlinesResponse;
  @ApiProperty({ type: [String], enum: MEETING_STATUSES, description: 'The statuses this meeting may move to next' }) allowedTransitions: MeetingStatus[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The meeting series this meeting is an occurrence of' }) seriesId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: "The date the series' rule gave this occurrence (kept when it is moved)" })
  occurrenceDate: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
