import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENDA_ITEM_PURPOSES, AGENDA_ITEM_STATUSES, type AgendaItemPurpose, type AgendaItemStatus } from '../entities/agenda-item.entity.js';
import { AgendaDocumentResponse } from './agenda-document.response.js';
import { AgendaItemPaperResponse } from './agenda-item-paper.response.js';

export class AgendaItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ description: '1-based place on the agenda' }) position: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Working language → title' }) title: Record<string, string>;
  @ApiProperty({ enum: AGENDA_ITEM_PURPOSES }) purpose: AgendaItemPurpose;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) presenterParticipantId: string | null;
  @ApiProperty({ type: Number, nullable: true }) minutesAllotted: number | null;
  @ApiProperty() concernsPermanentParticipants: boolean;
  @ApiProperty({ description: 'Added after the agenda was circulated' }) supplementary: boolean;
  @ApiProperty({ description: 'Added after the supplementary deadline with the chair’s acceptance' }) acceptedByChair: boolean;
  @ApiProperty({ type: [AgendaDocumentResponse] }) documents: AgendaDocumentResponse[];
  @ApiPropertyOptional({
    type: [AgendaItemPaperResponse],
    description: "On the agenda read: the item's papers (documents uploaded to it), one per language, with their current version",
  })
  papers?: AgendaItemPaperResponse[];
  @ApiPropertyOptional({ type: [String], description: 'On the agenda read: the working languages in which the item has no paper yet' })
  papersMissing?: string[];
  @ApiProperty({ enum: AGENDA_ITEM_STATUSES, description: 'carried_forward: a copy is on the agenda of a later meeting' }) status: AgendaItemStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The item of an earlier meeting this one carries forward' })
  carriedFromItemId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
