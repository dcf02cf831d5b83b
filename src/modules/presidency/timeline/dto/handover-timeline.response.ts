import { ApiProperty } from '@nestjs/swagger';
import { HANDOVER_STAGES, type HandoverStage } from '../handover-timeline.js';

export class TermRefResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) termId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) participantId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) isoCode: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() projected: boolean;
}

export class HandoverStageResponse {
  @ApiProperty({ enum: HANDOVER_STAGES }) stage: HandoverStage;
  @ApiProperty({ description: 'The notification kind' }) kind: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({
    enum: ['scheduled', 'due', 'past'],
    description: 'scheduled: waiting in the outbox; due: to be scheduled by the planner; past: its time has come',
  })
  state: 'scheduled' | 'due' | 'past';
}

export class HandoverTimelineResponse {
  @ApiProperty({ format: 'uuid' }) termId: string;
  @ApiProperty({ type: TermRefResponse }) outgoing: TermRefResponse;
  @ApiProperty({ type: TermRefResponse, nullable: true, description: 'The term starting at the end of this one, if entered' }) incoming: TermRefResponse | null;
  @ApiProperty({ type: [HandoverStageResponse] }) stages: HandoverStageResponse[];
}

export class TroikaMeetingResponse {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: TermRefResponse, nullable: true }) previous: TermRefResponse | null;
  @ApiProperty({ type: TermRefResponse, nullable: true }) current: TermRefResponse | null;
  @ApiProperty({ type: TermRefResponse, nullable: true }) next: TermRefResponse | null;
}
