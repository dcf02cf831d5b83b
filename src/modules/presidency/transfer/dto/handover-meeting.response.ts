import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const HANDOVER_MEETING_STATES = ['pending', 'closing', 'transferred', 'moot', 'cancelled'] as const;
export type HandoverMeetingState = (typeof HANDOVER_MEETING_STATES)[number];

export class HandoverMeetingResponse {
  @ApiProperty({ format: 'uuid', description: 'The outgoing term' }) termId: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty() meetingTitle: string;
  @ApiProperty({ description: "The meeting's status" }) meetingStatus: string;
  @ApiProperty({ format: 'date-time' }) meetingStartsAt: string;
  @ApiProperty({ format: 'date-time' }) designatedAt: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) designatedBy: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'When the meeting closed' }) closedAt: string | null;
  @ApiProperty({
    enum: HANDOVER_MEETING_STATES,
    description:
      "'pending' (not closed yet), 'closing' (closed within the term, not transferred at the close, e.g. an earlier term awaited its succession: the presidency passes at its close by the next sweep), 'transferred' (it did), " +
      "'moot' (the term was succeeded otherwise, e.g. at its scheduled end, or the meeting closed outside the term), 'cancelled' (the meeting was cancelled: ignored)",
  })
  state: HandoverMeetingState;
  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: "The instant the presidency passed (the term's succession, whatever its mode)",
  })
  boundary: string | null;
}
