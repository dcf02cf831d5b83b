import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { PageQuery } from '../../../core/http/pagination.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** The inbox, newest first; paging (limit, cursor) from PageQuery. */
export class ListInboxQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only notifications not yet read' })
  @Optional()
  // Query strings are text: only the words true/false are booleans (anything else is a 400).
  @Transform(({ obj, key }) => {
    const raw = (obj as Record<string, unknown>)[key];
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  })
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}
