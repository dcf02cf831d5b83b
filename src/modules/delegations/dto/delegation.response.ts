import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../participants/entities/participant.entity.js';
import { DelegationHeadResponse } from './delegation-head.response.js';

export class DelegationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() participantName: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) participantKind: ParticipantKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, format: 'email' }) contactEmail: string | null;
  @ApiProperty({ type: DelegationHeadResponse, nullable: true, description: 'The active head of delegation, if any' })
  head: DelegationHeadResponse | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
