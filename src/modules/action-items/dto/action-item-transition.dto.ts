import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../entities/action-item.entity.js';
import { REASON_MAX_LENGTH } from './owner-fields.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

export class ActionItemTransitionDto {
  @ApiProperty({ enum: ACTION_ITEM_STATUSES, description: 'The status to move to' }) @IsIn(ACTION_ITEM_STATUSES) to: ActionItemStatus;

  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ description: 'Why (required to block, cancel, or return a done item to work); kept in the history' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only with to='cancelled': the adopted decision that cancels the item" })
  @Optional()
  @IsUUID('all')
  decisionId?: string;
}
