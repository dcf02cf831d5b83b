import { ApiProperty } from '@nestjs/swagger';
import { AGENDA_ITEM_PURPOSES, type AgendaItemPurpose } from '../../agenda/entities/agenda-item.entity.js';
import { BACKLOG_ITEM_STATUSES, type BacklogItemStatus } from '../entities/backlog-item.entity.js';

export class BacklogItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) bodyId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Working language → title' }) title: Record<string, string>;
  @ApiProperty({ enum: AGENDA_ITEM_PURPOSES }) purpose: AgendaItemPurpose;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who proposed it' }) proposedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The proposing delegation; null when the secretariat proposed it' })
  proposedByDelegationId: string | null;
  @ApiProperty({ enum: BACKLOG_ITEM_STATUSES }) status: BacklogItemStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'When scheduled: the agenda item' }) agendaItemId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'When scheduled: the meeting' }) meetingId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
