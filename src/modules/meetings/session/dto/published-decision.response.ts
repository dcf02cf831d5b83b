import { ApiProperty } from '@nestjs/swagger';

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

/** An adopted decision, as published. */
export class PublishedDecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) text: Record<string, string>;
  @ApiProperty({ enum: ['adopted'] }) outcome: 'adopted';
  @ApiProperty({ format: 'date-time' }) adoptedAt: string;
  @ApiProperty({ type: PublishedMeetingRef }) meeting: PublishedMeetingRef;
  @ApiProperty({ type: PublishedAgendaItemRef }) agendaItem: PublishedAgendaItemRef;
}

export class PublishedDecisionListResponse {
  @ApiProperty({ type: [PublishedDecisionResponse] }) items: PublishedDecisionResponse[];
}
