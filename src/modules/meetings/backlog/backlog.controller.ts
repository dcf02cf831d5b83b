import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, delegationScope } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { BacklogService } from './backlog.service.js';
import { BacklogItemResponse } from './dto/backlog-item.response.js';
import { BacklogListResponse } from './dto/backlog-list.response.js';
import { BacklogVersionDto } from './dto/backlog-version.dto.js';
import { CreateBacklogItemDto } from './dto/create-backlog-item.dto.js';
import { ListBacklogQuery } from './dto/list-backlog.query.js';
import { ScheduleBacklogItemDto } from './dto/schedule-backlog-item.dto.js';
import { ScheduledBacklogItemResponse } from './dto/scheduled-backlog-item.response.js';
import { UpdateBacklogItemDto } from './dto/update-backlog-item.dto.js';

@ApiTags('backlog')
@Controller('councils/:councilId/bodies/:bodyId/backlog')
export class BacklogController {
  constructor(private readonly backlog: BacklogService) {}

  @Post()
  @RequirePermission('backlog.propose')
  @ApiOperation({
    summary: "Propose an item for a future meeting of the body (any delegation of the council, or the secretariat); recorded with the proposer's delegation",
  })
  @ApiCreatedResponse({ type: BacklogItemResponse })
  propose(
    @UuidParam('councilId') councilId: string,
    @UuidParam('bodyId') bodyId: string,
    @Body() dto: CreateBacklogItemDto,
    @CurrentCaller() caller: Caller,
  ): Promise<BacklogItemResponse> {
    return this.backlog.propose(councilId, bodyId, dto, caller);
  }

  @Get()
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "The body's backlog, oldest first (filter: status)" })
  @ApiOkResponse({ type: BacklogListResponse })
  list(@UuidParam('councilId') councilId: string, @UuidParam('bodyId') bodyId: string, @Query() q: ListBacklogQuery): Promise<BacklogListResponse> {
    return this.backlog.list(councilId, bodyId, q);
  }

  @Patch(':itemId')
  @RequirePermission('backlog.update')
  @ApiOperation({ summary: "Edit a proposed item (requires version): the proposing delegation's own items, or any for the secretariat; another's → 404" })
  @ApiOkResponse({ type: BacklogItemResponse })
  update(
    @UuidParam('councilId') councilId: string,
    @UuidParam('bodyId') bodyId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: UpdateBacklogItemDto,
    @CurrentCaller() caller: Caller,
  ): Promise<BacklogItemResponse> {
    return this.backlog.update(councilId, bodyId, itemId, dto, delegationScope(caller));
  }

  @Post(':itemId/withdraw')
  @HttpCode(200)
  @RequirePermission('backlog.update')
  @ApiOperation({ summary: "Withdraw a proposed item (requires version): the proposing delegation's own items, or any for the secretariat; another's → 404" })
  @ApiOkResponse({ type: BacklogItemResponse })
  withdraw(
    @UuidParam('councilId') councilId: string,
    @UuidParam('bodyId') bodyId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: BacklogVersionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<BacklogItemResponse> {
    return this.backlog.withdraw(councilId, bodyId, itemId, dto, delegationScope(caller));
  }

  @Post(':itemId/schedule')
  @RequirePermission('agenda.manage')
  @ApiOperation({
    summary:
      "Put a proposed item on the agenda of a meeting of the same body (requires version), presented by the proposing delegation's participant; the agenda's rules apply (supplementary after circulation, 409 SUPPLEMENTARY_DEADLINE_PASSED after its deadline); another body's meeting → 409 MEETING_OF_OTHER_BODY",
  })
  @ApiCreatedResponse({ type: ScheduledBacklogItemResponse })
  schedule(
    @UuidParam('councilId') councilId: string,
    @UuidParam('bodyId') bodyId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: ScheduleBacklogItemDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ScheduledBacklogItemResponse> {
    return this.backlog.schedule(councilId, bodyId, itemId, dto, caller);
  }
}
