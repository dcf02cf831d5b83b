import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller, PendingCaller } from '../../core/auth/caller.js';
import { CurrentCaller, PendingCallerParam, RequirePermission, ResolveCallerInQuery } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ActionItemsService } from './action-items.service.js';
import { MyActionItemFilters, MyActionItemsQuery } from './dto/action-item-filters.query.js';
import { ActionItemCountsResponse, ActionItemPageResponse } from './dto/action-item.response.js';

const MINE = "your delegation's items (presidency items while it holds the presidency) and those of the bodies your participant leads today";
const FILTERS = 'filters: bodyId, meetingId, decisionId, recommendationId, status (several), overdue, dueBefore, source';

@ApiTags('action items')
@Controller('councils/:councilId/me/action-items')
export class MyActionItemsController {
  constructor(private readonly items: ActionItemsService) {}

  @Get()
  @RequirePermission('action_item.read')
  @ResolveCallerInQuery() // the hottest read: the caller's roles come with the page, in one statement
  @ApiOperation({ summary: `My delegation's items: ${MINE}; due first, keyset-paged (limit ≤ 200, default 50); ${FILTERS}. Delegates only (else 403)` })
  @ApiOkResponse({ type: ActionItemPageResponse })
  list(
    @UuidParam('councilId') councilId: string,
    @Query() query: MyActionItemsQuery,
    @PendingCallerParam() pending: PendingCaller,
  ): Promise<ActionItemPageResponse> {
    return this.items.listMine(councilId, query, pending);
  }

  @Get('counts')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: `Counts per status and overdue of ${MINE}; ${FILTERS}. Delegates only (else 403)` })
  @ApiOkResponse({ type: ActionItemCountsResponse })
  counts(@UuidParam('councilId') councilId: string, @Query() query: MyActionItemFilters, @CurrentCaller() caller: Caller): Promise<ActionItemCountsResponse> {
    return this.items.countsMine(councilId, query, caller);
  }
}
