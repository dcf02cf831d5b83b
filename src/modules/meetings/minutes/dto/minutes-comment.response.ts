import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../../participants/entities/participant.entity.js';

export class MinutesCommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() delegationName: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) participantKind: ParticipantKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The delegate who wrote it (null once the account is gone)' }) authorId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) authorName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agendaItemId: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
