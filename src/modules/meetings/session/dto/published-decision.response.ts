import { ApiProperty } from '@nestjs/swagger';
import { DECISION_PROCEDURES, type DecisionProcedure } from '../entities/decision.entity.js';

export class PublishedMeetingRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
}

export class PublishedAgendaItemRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) title: Record<string, string>;
}

export class PublishedBodyRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** An adopted decision, as published: taken at a meeting (with its meeting and agenda item) or in writing (silence procedure: no meeting). */
export class PublishedDecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DECISION_PROCEDURES, description: "'meeting': taken in session; 'written': adopted by silence procedure between meetings" })
  procedure: DecisionProcedure;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) text: Record<string, string>;
  @ApiProperty({ enum: ['adopted'] }) outcome: 'adopted';
  @ApiProperty({ format: 'date-time', description: 'When it was adopted (a written decision: its silence deadline)' }) adoptedAt: string;
  @ApiProperty({ type: PublishedMeetingRef, nullable: true, description: 'null for a written decision' }) meeting: PublishedMeetingRef | null;
  @ApiProperty({ type: PublishedAgendaItemRef, nullable: true, description: 'null for a written decision' }) agendaItem: PublishedAgendaItemRef | null;
  @ApiProperty({ type: PublishedBodyRef, nullable: true, description: 'A written decision: the body it concerns, if any' }) body: PublishedBodyRef | null;
}

export class PublishedDecisionListResponse {
  @ApiProperty({ type: [PublishedDecisionResponse] }) items: PublishedDecisionResponse[];
}
