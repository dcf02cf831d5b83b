import { Injectable } from '@nestjs/common';
import { InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { pageSize } from '../../core/http/pagination.js';
import { type AuditFilter, AuditLogRepository } from './audit-log.repository.js';
import { AuditPageResponse } from './dto/audit-page.response.js';
import type { ListAuditQuery } from './dto/list-audit.query.js';
import { auditEntryResponse } from './audit.responses.js';

/** The largest audit_log id (bigint); a cursor beyond it is not one this API handed out. */
const MAX_ID = 9223372036854775807n;

/** A council's audit trail, read page by page. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly log: AuditLogRepository) {}

  async list(councilId: string, query: ListAuditQuery): Promise<AuditPageResponse> {
    const limit = pageSize(query);
    const filter: AuditFilter = {
      beforeId: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      entityType: query.entityType,
      entityId: query.entityId,
      action: query.action,
      actorId: query.actorId,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    };
    if (filter.from && filter.to && filter.from > filter.to) throw new InvalidInputException('to', 'after_from', 'to must not be before from');
    // One row more than asked tells whether there is a next page.
    const rows = await this.log.listByCouncil(councilId, filter, limit + 1);
    if (rows.length === 0 && !(await this.log.councilExists(councilId))) throw new NotFoundException('council', councilId);
    const page = new AuditPageResponse();
    page.items = rows.slice(0, limit).map((r) => auditEntryResponse(r));
    page.nextCursor = rows.length > limit ? page.items[page.items.length - 1]!.id : null;
    return page;
  }
}

/** The cursor is the id of the last entry of the previous page. */
function decodeCursor(cursor: string): string {
  if (!/^[1-9][0-9]{0,18}$/.test(cursor) || BigInt(cursor) > MAX_ID) {
    throw new InvalidInputException('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
  }
  return cursor;
}
