import { ApiProperty } from '@nestjs/swagger';
import { AGENDA_ITEM_PURPOSES, AGENDA_ITEM_STATUSES, type AgendaItemPurpose, type AgendaItemStatus } from '../../agenda/entities/agenda-item.entity.js';
import { MinutesDecisionResponse } from './minutes-decision.response.js';

/** One agenda item, in agenda order, with its decisions and the secretariat's summary. */
export class MinutesItemResponse {
  @ApiProperty({ format: 'uuid' }) agendaItemId: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Title per working language' }) title: Record<string, string>;
  @ApiProperty({ enum: AGENDA_ITEM_PURPOSES }) purpose: AgendaItemPurpose;
  @ApiProperty({ enum: AGENDA_ITEM_STATUSES }) status: AgendaItemStatus;
  @ApiProperty({ type: [MinutesDecisionResponse] }) decisions: MinutesDecisionResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Summary per working language (editable until approval)' })
  summary: Record<string, string>;
}
