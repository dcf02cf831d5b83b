import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../core/http/pagination.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** An instant must carry its offset (Z or ±hh:mm), so it means the same everywhere. */
const INSTANT = /(Z|[+-]\d{2}(:?\d{2})?)$/;

/** Filters of the audit trail; paging (limit, cursor) from PageQuery. */
export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'participant', maxLength: 100, description: 'Only changes of this kind of entity' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Only changes of this entity (usually combined with entityType)' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ example: 'participant.updated', maxLength: 100, description: 'Only this action' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes made by this user' })
  @Optional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only changes at or after this instant (ISO 8601 with Z or an offset)' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 instant' })
  @Matches(INSTANT, { message: 'from must be an ISO 8601 date-time with Z or an offset' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only changes before this instant (exclusive; ISO 8601 with Z or an offset)' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 instant' })
  @Matches(INSTANT, { message: 'to must be an ISO 8601 date-time with Z or an offset' })
  to?: string;
}
