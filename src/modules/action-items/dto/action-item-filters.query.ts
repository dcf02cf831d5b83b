import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../core/http/pagination.js';
import { ACTION_ITEM_STATUSES, type ActionItemStatus, SOURCE_KINDS, type SourceKind } from '../entities/action-item.entity.js';
import { IsDateOnly } from './date-only.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** `status=open,blocked` or `status=open&status=blocked` → ['open', 'blocked']. */
const toList = ({ value }: { value: unknown }): unknown =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v));
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters of "my delegation's items" (the owner is the caller's delegation, or a body it leads). */
export class MyActionItemFilters {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this body's items" }) @Optional() @IsUUID('all') bodyId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Only this meeting's items (from the meeting or its decisions)" })
  @Optional()
  @IsUUID('all')
  meetingId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Only this decision's items" }) @Optional() @IsUUID('all') decisionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the items serving this recommendation' }) @Optional() @IsUUID('all') recommendationId?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: ACTION_ITEM_STATUSES,
    description: 'Only these statuses: repeat the parameter or separate with commas (status=open,in_progress)',
  })
  @Optional()
  @Transform(toList)
  @ArrayMaxSize(ACTION_ITEM_STATUSES.length)
  @IsIn(ACTION_ITEM_STATUSES, { each: true, message: `status must be among ${ACTION_ITEM_STATUSES.join(', ')}` })
  status?: ActionItemStatus[];

  @ApiPropertyOptional({
    type: Boolean,
    description: "true: only overdue items (due before today in the council's time zone and not done, verified or cancelled); false: none of them",
  })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Only items due before this day (YYYY-MM-DD, exclusive)' })
  @Optional()
  @IsDateOnly('dueBefore')
  dueBefore?: string;

  @ApiPropertyOptional({ enum: SOURCE_KINDS, description: 'Only items with this kind of source' }) @Optional() @IsIn(SOURCE_KINDS) source?: SourceKind;
}

/** Filters of the council's list (everyone in the council). */
export class ActionItemFilters extends MyActionItemFilters {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this delegation's items (presidency items included while it holds them)" })
  @Optional()
  @IsUUID('all')
  ownerDelegationId?: string;
}

const LIMIT_DESCRIPTION = `Page size (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE})`;

/** A page of "my delegation's items", due first. */
export class MyActionItemsQuery extends MyActionItemFilters {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: LIMIT_DESCRIPTION })
  @Optional()
  @Type(() => Number)
  @IsInt32({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `limit must not be greater than ${MAX_PAGE_SIZE}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, unchanged' }) @Optional() @IsString() @IsNotEmpty() @MaxLength(200) cursor?: string;
}

/** A page of the council's items, due first. */
export class ActionItemsQuery extends ActionItemFilters {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: LIMIT_DESCRIPTION })
  @Optional()
  @Type(() => Number)
  @IsInt32({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `limit must not be greater than ${MAX_PAGE_SIZE}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, unchanged' }) @Optional() @IsString() @IsNotEmpty() @MaxLength(200) cursor?: string;
}
