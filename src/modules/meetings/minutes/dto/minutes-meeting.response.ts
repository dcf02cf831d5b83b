import { ApiProperty } from '@nestjs/swagger';
import { MEETING_KINDS, type MeetingKind } from '../../../councils/entities/council-meeting-rule.entity.js';
import { MinutesChairResponse } from './minutes-chair.response.js';

/** The meeting as the minutes record it. */
export class MinutesMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind: MeetingKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) bodyId: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ description: 'IANA zone of the meeting' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String }) venue: string | null;
  @ApiProperty({ nullable: true, type: String }) onlineUrl: string | null;
  @ApiProperty({ type: MinutesChairResponse, nullable: true }) chair: MinutesChairResponse | null;
}
