import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditPageResponse } from './dto/audit-page.response.js';
import { ListAuditQuery } from './dto/list-audit.query.js';

@ApiTags('audit')
@Controller('councils/:councilId/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'The council’s audit trail, newest first: every change with its actor, request id and before/after; filterable, paged by cursor',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@UuidParam('councilId') councilId: string, @Query() query: ListAuditQuery): Promise<AuditPageResponse> {
    return this.trail.list(councilId, query);
  }
}
