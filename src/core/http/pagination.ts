import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../validation/presence.decorators.js';
import { IsInt32 } from '../validation/int32.decorator.js';

/** The most items one page of any list may hold: a larger `limit` is a 400, never a silent clamp. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * Keyset paging for list endpoints: extend it with the list's own filters.
 * `cursor` is whatever the previous page returned as `nextCursor`; each list
 * decodes (and validates) its own cursor.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: `Page size (1 to ${MAX_PAGE_SIZE})` })
  @Optional()
  @Type(() => Number)
  @IsInt32({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `limit must not be greater than ${MAX_PAGE_SIZE}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, passed back unchanged; absent for the first page' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  cursor?: string;
}

/** The page size a query asked for, or the default. */
export function pageSize(query: PageQuery): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}
