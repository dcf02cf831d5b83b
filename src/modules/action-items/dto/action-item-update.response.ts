import { ApiProperty } from '@nestjs/swagger';
import { ACTION_ITEM_STATUSES, type ActionItemStatus, RAGS, type Rag } from '../entities/action-item.entity.js';
import { UPDATE_KINDS, type UpdateKind } from '../entities/action-item-update.entity.js';
import { ActionItemResponse } from './action-item.response.js';

export class ActionItemUpdateResponse {
  @ApiProperty({ description: 'Increasing with time', example: '42' }) id: string;
  @ApiProperty({ format: 'uuid' }) actionItemId: string;
  @ApiProperty({ enum: UPDATE_KINDS, description: 'progress report, status change, reassignment, or carry-over to a later meeting' }) kind: UpdateKind;
  @ApiProperty({ type: String, nullable: true, description: 'The report, or the reason of the change' }) text: string | null;
  @ApiProperty({ type: Number, nullable: true }) percent: number | null;
  @ApiProperty({ type: String, enum: RAGS, nullable: true }) rag: Rag | null;
  @ApiProperty({ type: String, nullable: true }) attachmentUrl: string | null;
  @ApiProperty({ type: String, enum: ACTION_ITEM_STATUSES, nullable: true }) statusFrom: ActionItemStatus | null;
  @ApiProperty({ type: String, enum: ACTION_ITEM_STATUSES, nullable: true }) statusTo: ActionItemStatus | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The author's name" }) authorName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ActionItemUpdateListResponse {
  @ApiProperty({ type: [ActionItemUpdateResponse], description: 'Oldest first' }) items: ActionItemUpdateResponse[];
}

export class ProgressReportedResponse {
  @ApiProperty({ type: ActionItemUpdateResponse }) update: ActionItemUpdateResponse;
  @ApiProperty({ type: ActionItemResponse, description: 'The item, with its new version and latest progress' }) item: ActionItemResponse;
}
