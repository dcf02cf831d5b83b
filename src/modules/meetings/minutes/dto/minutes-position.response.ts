import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../../participants/entities/participant.entity.js';
import { DECISION_POSITIONS, type DecisionPositionKind } from '../../session/entities/decision-position.entity.js';

/** A consultation position stated on the decision. */
export class MinutesPositionResponse {
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() delegationName: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) participantKind: ParticipantKind;
  @ApiProperty({ enum: DECISION_POSITIONS }) position: DecisionPositionKind;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}
