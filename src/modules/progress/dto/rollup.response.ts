import { ApiProperty } from '@nestjs/swagger';
import { ActionItemStatusCountsResponse } from '../../action-items/dto/action-item.response.js';
import type { ActionItemStatus } from '../../action-items/entities/action-item.entity.js';

/** How a set of action items stands. */
export class RollupResponse {
  @ApiProperty({ description: 'Items that count: every status but cancelled' }) total: number;
  @ApiProperty({ description: 'Done or verified' }) completed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'completed / total in percent (one decimal), weighted by items; null without items' })
  completionPercent: number | null;
  @ApiProperty({ description: "Past due (the council's today) and not done, verified or cancelled" }) overdue: number;
  @ApiProperty({ type: ActionItemStatusCountsResponse, description: 'Items per status (cancelled included)' }) byStatus: Record<ActionItemStatus, number>;
}
