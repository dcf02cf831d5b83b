import { ApiProperty } from '@nestjs/swagger';
import { MEETING_KINDS, type MeetingKind } from '../../../councils/entities/council-meeting-rule.entity.js';
import { SERIES_STATUSES, type SeriesStatus } from '../entities/meeting-series.entity.js';
import { RecurrenceResponse } from './recurrence.response.js';
import { SeriesOccurrenceResponse } from './series-occurrence.response.js';

export class SeriesResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bodyId: string | null;
  @ApiProperty({ enum: MEETING_KINDS }) kind: MeetingKind;
  @ApiProperty() title: string;
  @ApiProperty({ example: '09:00', description: 'Local start time in timeZone' }) startTime: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ example: 'America/Toronto' }) timeZone: string;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
  @ApiProperty({ type: RecurrenceResponse }) recurrence: RecurrenceResponse;
  @ApiProperty({ example: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10', description: 'The rule in RFC 5545 form (local times in timeZone)' }) rrule: string;
  @ApiProperty({ format: 'date' }) firstDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) untilDate: string | null;
  @ApiProperty({ type: Number, nullable: true }) count: number | null;
  @ApiProperty({ enum: SERIES_STATUSES }) status: SeriesStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [SeriesOccurrenceResponse], description: 'By occurrence date' }) occurrences: SeriesOccurrenceResponse[];
}
