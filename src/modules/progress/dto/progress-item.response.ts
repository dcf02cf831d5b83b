import { ApiProperty } from '@nestjs/swagger';
import { ACTION_ITEM_STATUSES, type ActionItemStatus, OWNER_KINDS, type OwnerKind, RAGS, type Rag } from '../../action-items/entities/action-item.entity.js';

/** An action item as a roll-up or a report shows it. */
export class ProgressItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Working language → title' }) title: Record<string, string>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recommendationId: string | null;
  @ApiProperty({ enum: OWNER_KINDS }) ownerKind: OwnerKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerDelegationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerBodyId: string | null;
  @ApiProperty({ description: "The owning delegation's or body's name" }) ownerName: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ACTION_ITEM_STATUSES }) status: ActionItemStatus;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: Number, nullable: true }) progressPercent: number | null;
  @ApiProperty({ enum: RAGS, nullable: true }) progressRag: Rag | null;
  @ApiProperty({ type: String, nullable: true, description: 'The latest progress report' }) latestProgressText: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) latestProgressAt: string | null;
}
