import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_ITEM_STATUSES,
  type ActionItemStatus,
  OWNER_KINDS,
  type OwnerKind,
  PRIORITIES,
  type Priority,
  RAGS,
  type Rag,
  SOURCE_KINDS,
  type SourceKind,
} from '../entities/action-item.entity.js';

const TEXTS = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class ActionItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ ...TEXTS, description: 'Per working language' }) title: Record<string, string>;
  @ApiProperty({ ...TEXTS, nullable: true }) description: Record<string, string> | null;
  @ApiProperty({ enum: OWNER_KINDS }) ownerKind: OwnerKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The owning delegation (for 'presidency': the holder's)" }) ownerDelegationId:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerBodyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person in charge' }) ownerUserId: string | null;
  @ApiProperty({ format: 'date', example: '2027-06-30' }) dueDate: string;
  @ApiProperty({ enum: PRIORITIES }) priority: Priority;
  @ApiProperty({ enum: SOURCE_KINDS }) sourceKind: SourceKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decisionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recommendationId: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 50000 }) targetValue: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'people' }) targetUnit: string | null;
  @ApiProperty({ enum: ACTION_ITEM_STATUSES }) status: ActionItemStatus;
  @ApiProperty({ description: "Due before today (the council's time zone) and not done, verified or cancelled" }) overdue: boolean;
  @ApiProperty({ type: [String], enum: ACTION_ITEM_STATUSES, description: 'The statuses the item may move to next (whoever may make each move)' })
  allowedTransitions: ActionItemStatus[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) verifiedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The adopted decision that cancelled it' }) cancelDecisionId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Latest reported completion (percent)' }) progressPercent: number | null;
  @ApiProperty({ type: String, enum: RAGS, nullable: true, description: 'Latest reported red/amber/green' }) progressRag: Rag | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When progress was last reported' }) progressAt: string | null;
  @ApiProperty({ description: 'Carried over (by a handover or to a later meeting), history kept' }) carriedOver: boolean;
  @ApiProperty({ type: String, nullable: true }) carryOverTag: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ActionItemPageResponse {
  @ApiProperty({ type: [ActionItemResponse], description: 'Due first, then by id' }) items: ActionItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}

export class ActionItemListResponse {
  @ApiProperty({ type: [ActionItemResponse] }) items: ActionItemResponse[];
}

export class ActionItemStatusCountsResponse {
  @ApiProperty() open: number;
  @ApiProperty() acknowledged: number;
  @ApiProperty({ name: 'in_progress' }) in_progress: number;
  @ApiProperty() blocked: number;
  @ApiProperty() done: number;
  @ApiProperty() verified: number;
  @ApiProperty() cancelled: number;
}

export class ActionItemCountsResponse {
  @ApiProperty({ description: 'Items matching the filters' }) total: number;
  @ApiProperty({ description: 'Of which overdue' }) overdue: number;
  @ApiProperty({ type: ActionItemStatusCountsResponse, description: 'Per status (every status present, 0 when none)' })
  byStatus: ActionItemStatusCountsResponse;
  @ApiProperty({ format: 'date', description: "Today in the council's time zone (what overdue is measured against)" }) today: string;
}
