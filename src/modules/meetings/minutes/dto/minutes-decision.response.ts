import { ApiProperty } from '@nestjs/swagger';
import { DecisionQuorumResponse } from '../../session/dto/decision-quorum.response.js';
import { DECISION_OUTCOMES, DECISION_STATUSES, type DecisionOutcome, type DecisionStatus } from '../../session/entities/decision.entity.js';
import { MinutesObjectionResponse } from './minutes-objection.response.js';
import { MinutesPositionResponse } from './minutes-position.response.js';

/** A decision taken (or left open) on the item, with its outcome, standing objections and positions. */
export class MinutesDecisionResponse {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) text: Record<string, string>;
  @ApiProperty({ enum: DECISION_STATUSES }) status: DecisionStatus;
  @ApiProperty({ enum: DECISION_OUTCOMES, nullable: true, type: String }) outcome: DecisionOutcome | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ type: DecisionQuorumResponse, nullable: true }) quorum: DecisionQuorumResponse | null;
  @ApiProperty({ type: [MinutesObjectionResponse] }) objections: MinutesObjectionResponse[];
  @ApiProperty({ type: [MinutesPositionResponse] }) positions: MinutesPositionResponse[];
}
