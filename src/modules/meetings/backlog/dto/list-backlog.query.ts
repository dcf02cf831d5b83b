import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BACKLOG_ITEM_STATUSES, type BacklogItemStatus } from '../entities/backlog-item.entity.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class ListBacklogQuery {
  @ApiPropertyOptional({ enum: BACKLOG_ITEM_STATUSES }) @Optional() @IsIn(BACKLOG_ITEM_STATUSES) status?: BacklogItemStatus;
}
