import { ApiProperty } from '@nestjs/swagger';
import { DECISION_OUTCOMES, DECISION_STATUSES, type DecisionOutcome, type DecisionStatus } from '../entities/decision.entity.js';
import { DecisionQuorumResponse } from './decision-quorum.response.js';
import { ObjectionResponse } from './objection.response.js';
import { PositionResponse } from './position.response.js';

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) agendaItemId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Working language → text' }) text: Record<string, string>;
  @ApiProperty({ enum: DECISION_STATUSES }) status: DecisionStatus;
  @ApiProperty({ enum: DECISION_OUTCOMES, nullable: true, type: String }) outcome: DecisionOutcome | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ type: DecisionQuorumResponse, nullable: true, description: 'Recorded at closing' }) quorum: DecisionQuorumResponse | null;
  @ApiProperty({ type: [ObjectionResponse], description: 'Every objection, withdrawn ones included' }) objections: ObjectionResponse[];
  @ApiProperty({ type: [PositionResponse], description: 'Consultation positions (never blocking)' }) positions: PositionResponse[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
