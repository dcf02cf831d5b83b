import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { BACKLOG_ITEM_STATUSES, type BacklogItemStatus } from '../entities/backlog-item.entity.js';

export class ListBacklogQuery {
  @ApiPropertyOptional({ enum: BACKLOG_ITEM_STATUSES }) @IsOptional() @IsIn(BACKLOG_ITEM_STATUSES) status?: BacklogItemStatus;
}
