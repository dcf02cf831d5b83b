import { ApiProperty } from '@nestjs/swagger';
import { DecisionQuorumResponse } from '../../session/dto/decision-quorum.response.js';
import { PositionResponse } from '../../session/dto/position.response.js';
import { DECISION_STATUSES, type DecisionStatus } from '../../session/entities/decision.entity.js';
import { SilenceBreakResponse } from './silence-break.response.js';

export const SILENCE_OUTCOMES = ['adopted', 'not_adopted'] as const;
export type SilenceOutcome = (typeof SILENCE_OUTCOMES)[number];

/** A decision taken in writing (procedure 'written'), with its deadline, breaks of silence and consultation positions. */
export class SilenceProcedureResponse {
  @ApiProperty({ format: 'uuid', description: 'The decision id' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ enum: ['written'] }) procedure: 'written';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) bodyId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Working language → text' }) text: Record<string, string>;
  @ApiProperty({ format: 'date-time', description: 'Adopted at this instant unless a member state breaks silence before it' }) deadline: string;
  @ApiProperty({ enum: DECISION_STATUSES }) status: DecisionStatus;
  @ApiProperty({ enum: SILENCE_OUTCOMES, nullable: true, type: String }) outcome: SilenceOutcome | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The deadline, once closed' }) closedAt: string | null;
  @ApiProperty({ description: 'A member state’s break of silence stands' }) silenceBroken: boolean;
  @ApiProperty({
    type: DecisionQuorumResponse,
    nullable: true,
    description: 'Recorded at closing: every active member state takes part in a written procedure',
  })
  quorum: DecisionQuorumResponse | null;
  @ApiProperty({ type: [SilenceBreakResponse], description: 'Every break of silence, withdrawn ones included' }) breaks: SilenceBreakResponse[];
  @ApiProperty({ type: [PositionResponse], description: 'Consultation positions (never blocking)' }) positions: PositionResponse[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SilenceProcedureListResponse {
  @ApiProperty({ type: [SilenceProcedureResponse] }) items: SilenceProcedureResponse[];
}
