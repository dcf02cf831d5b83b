import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../../participants/entities/participant.entity.js';
import { REPRESENTED_BY, type RepresentedBy } from '../entities/meeting-attendance.entity.js';

export class AttendanceResponse {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() delegationName: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS, description: 'Only member states count toward quorum' }) participantKind: ParticipantKind;
  @ApiProperty() present: boolean;
  @ApiProperty({ enum: REPRESENTED_BY, nullable: true, type: String }) representedBy: RepresentedBy | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
