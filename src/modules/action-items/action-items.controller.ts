import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ActionItemChangesService } from './action-item-changes.service.js';
import { ActionItemsService } from './action-items.service.js';
import { ActionItemFilters, ActionItemsQuery } from './dto/action-item-filters.query.js';
import { ActionItemTransitionDto } from './dto/action-item-transition.dto.js';
import { ActionItemUpdateListResponse, ProgressReportedResponse } from './dto/action-item-update.response.js';
import { ActionItemCountsResponse, ActionItemPageResponse, ActionItemResponse } from './dto/action-item.response.js';
import { CreateActionItemDto } from './dto/create-action-item.dto.js';
import { ReassignActionItemDto } from './dto/reassign-action-item.dto.js';
import { ReportProgressDto } from './dto/report-progress.dto.js';
import { UpdateActionItemDto } from './dto/update-action-item.dto.js';

const FILTERS =
  'filters: ownerDelegationId, bodyId, meetingId, decisionId, recommendationId, status (several: status=open,blocked), overdue, dueBefore, source';

@ApiTags('action items')
@Controller('councils/:councilId/action-items')
export class ActionItemsController {
  constructor(
    private readonly items: ActionItemsService,
    private readonly changes: ActionItemChangesService,
  ) {}

  @Post()
  @RequirePermission('action_item.create')
  @ApiOperation({
    summary:
      "Create an action item (the secretariat or the chair): owner a delegation, a body or the presidency (its current holder; the handover moves it), due today or later in the council's time zone; source from decisionId (adopted, else 409 DECISION_NOT_ADOPTED), meetingId or recommendationId",
  })
  @ApiCreatedResponse({ type: ActionItemResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateActionItemDto, @CurrentCaller() caller: Caller): Promise<ActionItemResponse> {
    return this.items.create(councilId, dto, caller);
  }

  @Get()
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: `The council's action items, due first, keyset-paged (limit ≤ 200, default 50; pass nextCursor back as cursor); ${FILTERS}` })
  @ApiOkResponse({ type: ActionItemPageResponse })
  list(@UuidParam('councilId') councilId: string, @Query() query: ActionItemsQuery): Promise<ActionItemPageResponse> {
    return this.items.list(councilId, query);
  }

  @Get('counts')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: `How many items per status, and how many overdue, for dashboards; ${FILTERS}` })
  @ApiOkResponse({ type: ActionItemCountsResponse })
  counts(@UuidParam('councilId') councilId: string, @Query() query: ActionItemFilters): Promise<ActionItemCountsResponse> {
    return this.items.counts(councilId, query);
  }

  @Get(':actionItemId')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: 'One action item, with overdue (derived) and the statuses it may move to' })
  @ApiOkResponse({ type: ActionItemResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('actionItemId') id: string): Promise<ActionItemResponse> {
    return this.items.get(councilId, id);
  }

  @Patch(':actionItemId')
  @RequirePermission('action_item.update')
  @ApiOperation({
    summary: 'Edit title, description, priority or target (the secretariat or the chair; requires version; not once verified or cancelled → 409 ITEM_CLOSED)',
  })
  @ApiOkResponse({ type: ActionItemResponse })
  update(@UuidParam('councilId') councilId: string, @UuidParam('actionItemId') id: string, @Body() dto: UpdateActionItemDto): Promise<ActionItemResponse> {
    return this.changes.update(councilId, id, dto);
  }

  @Post(':actionItemId/transitions')
  @HttpCode(200)
  @RequirePermission('action_item.transition')
  @ApiOperation({
    summary:
      "Move the item: open → acknowledged → in_progress ⇄ blocked → done by the owner's delegates (a body's: its leads' delegates; another delegation's item → 404); done → verified, or back to in_progress, by the secretariat or (body items) the body's lead; → cancelled by the secretariat, optionally citing an adopted decision (decisionId). Blocking, cancelling and returning need a reason. Illegal → 409 ILLEGAL_TRANSITION with details.allowed",
  })
  @ApiOkResponse({ type: ActionItemResponse })
  transition(
    @UuidParam('councilId') councilId: string,
    @UuidParam('actionItemId') id: string,
    @Body() dto: ActionItemTransitionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionItemResponse> {
    return this.changes.transition(councilId, id, dto, caller);
  }

  @Get(':actionItemId/updates')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: "The item's history, oldest first: progress reports, status changes with their reasons, reassignments" })
  @ApiOkResponse({ type: ActionItemUpdateListResponse })
  updates(@UuidParam('councilId') councilId: string, @UuidParam('actionItemId') id: string): Promise<ActionItemUpdateListResponse> {
    return this.items.updates(councilId, id);
  }

  @Post(':actionItemId/updates')
  @RequirePermission('action_item.progress')
  @ApiOperation({
    summary:
      "Report progress (the owner's delegates; requires the item's version, which it bumps): text, percent 0–100, red/amber/green, attachment link; only while acknowledged, in progress or blocked (else 409 ITEM_NOT_IN_PROGRESS)",
  })
  @ApiCreatedResponse({ type: ProgressReportedResponse })
  reportProgress(
    @UuidParam('councilId') councilId: string,
    @UuidParam('actionItemId') id: string,
    @Body() dto: ReportProgressDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ProgressReportedResponse> {
    return this.changes.reportProgress(councilId, id, dto, caller);
  }

  @Post(':actionItemId/reassign')
  @HttpCode(200)
  @RequirePermission('action_item.reassign')
  @ApiOperation({
    summary:
      'Change the owner (and person in charge) and/or the due date, with a mandatory reason — audited and kept in the history (the chair or the secretariat; requires version)',
  })
  @ApiOkResponse({ type: ActionItemResponse })
  reassign(
    @UuidParam('councilId') councilId: string,
    @UuidParam('actionItemId') id: string,
    @Body() dto: ReassignActionItemDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionItemResponse> {
    return this.changes.reassign(councilId, id, dto, caller);
  }
}
