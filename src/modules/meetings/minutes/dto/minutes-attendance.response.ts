import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../../participants/entities/participant.entity.js';
import { REPRESENTED_BY, type RepresentedBy } from '../../session/entities/meeting-attendance.entity.js';

/** A delegation recorded at the meeting: present or not, and who represented it. */
export class MinutesAttendanceResponse {
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() delegationName: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() participantName: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) participantKind: ParticipantKind;
  @ApiProperty() present: boolean;
  @ApiProperty({ enum: REPRESENTED_BY, nullable: true, type: String }) representedBy: RepresentedBy | null;
}
