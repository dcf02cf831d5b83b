import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { AgendaService } from './agenda.service.js';
import { AgendaItemCarryForwardService } from './agenda-item-carry-forward.service.js';
import { AgendaItemVersionQuery } from './dto/agenda-item-version.query.js';
import { AgendaItemResponse } from './dto/agenda-item.response.js';
import { AgendaVersionDto } from './dto/agenda-version.dto.js';
import { AgendaResponse } from './dto/agenda.response.js';
import { CarryForwardAgendaItemDto } from './dto/carry-forward-agenda-item.dto.js';
import { CreateAgendaItemDto } from './dto/create-agenda-item.dto.js';
import { ReorderAgendaDto } from './dto/reorder-agenda.dto.js';
import { UpdateAgendaItemDto } from './dto/update-agenda-item.dto.js';

@ApiTags('agenda')
@Controller('councils/:councilId/meetings/:meetingId/agenda')
export class AgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly carryItem: AgendaItemCarryForwardService,
  ) {}

  @Get()
  @RequirePermission('meeting.read')
  @ApiOperation({
    summary:
      "The meeting's agenda: its status, supplementary deadline and items by position (an empty draft until the first item), each with its papers per language (current version) and the working languages still missing one",
  })
  @ApiOkResponse({ type: AgendaResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @CurrentCaller() caller: Caller): Promise<AgendaResponse> {
    return this.agenda.get(councilId, meetingId, caller);
  }

  @Post('items')
  @RequirePermission('agenda.propose')
  @ApiOperation({
    summary:
      'Add an item at the end of the agenda. After circulation it is supplementary; after the supplementary deadline → 409 SUPPLEMENTARY_DEADLINE_PASSED (details.deadline) unless the chair accepts it (acceptedByChair: true). A closed or cancelled meeting → 409 AGENDA_CLOSED',
  })
  @ApiCreatedResponse({ type: AgendaItemResponse })
  addItem(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body() dto: CreateAgendaItemDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AgendaItemResponse> {
    return this.agenda.addItem(councilId, meetingId, dto, caller);
  }

  @Patch('items/:itemId')
  @RequirePermission('agenda.manage')
  @ApiOperation({ summary: "Edit an item (requires version); status 'withdrawn' takes it off a circulated agenda" })
  @ApiOkResponse({ type: AgendaItemResponse })
  updateItem(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: UpdateAgendaItemDto,
  ): Promise<AgendaItemResponse> {
    return this.agenda.updateItem(councilId, meetingId, itemId, dto);
  }

  @Delete('items/:itemId')
  @RequirePermission('agenda.manage')
  @ApiOperation({ summary: 'Delete an item of a draft agenda (?version=); once circulated → 409 AGENDA_NOT_DRAFT (withdraw it instead)' })
  @ApiOkResponse({ type: AgendaResponse })
  deleteItem(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('itemId') itemId: string,
    @Query() q: AgendaItemVersionQuery,
  ): Promise<AgendaResponse> {
    return this.agenda.deleteItem(councilId, meetingId, itemId, q.version);
  }

  @Post('items/:itemId/carry-forward')
  @RequirePermission('agenda.manage')
  @ApiOperation({
    summary:
      "Carry an item not dealt with onto the agenda of a later meeting (requires the item's version): the copy follows that agenda's rules (supplementary after circulation, 409 after its deadline); the original becomes carried_forward",
  })
  @ApiCreatedResponse({ type: AgendaItemResponse })
  carryForward(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: CarryForwardAgendaItemDto,
  ): Promise<AgendaItemResponse> {
    return this.carryItem.carryForward(councilId, meetingId, itemId, dto);
  }

  @Post('reorder')
  @HttpCode(200)
  @RequirePermission('agenda.manage')
  @ApiOperation({ summary: 'Put the items in a new order: itemIds names every item exactly once (requires the agenda version)' })
  @ApiOkResponse({ type: AgendaResponse })
  reorder(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @Body() dto: ReorderAgendaDto): Promise<AgendaResponse> {
    return this.agenda.reorder(councilId, meetingId, dto);
  }

  @Post('circulate')
  @HttpCode(200)
  @RequirePermission('agenda.manage')
  @ApiOperation({
    summary:
      'Circulate the draft agenda of a convened meeting (which becomes agenda_circulated); supplementary items are accepted until 72 hours before the start',
  })
  @ApiOkResponse({ type: AgendaResponse })
  circulate(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @Body() dto: AgendaVersionDto): Promise<AgendaResponse> {
    return this.agenda.circulate(councilId, meetingId, dto);
  }

  @Post('adopt')
  @HttpCode(200)
  @RequirePermission('agenda.manage')
  @ApiOperation({ summary: 'Adopt the circulated agenda at the meeting (the meeting must be in session)' })
  @ApiOkResponse({ type: AgendaResponse })
  adopt(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @Body() dto: AgendaVersionDto): Promise<AgendaResponse> {
    return this.agenda.adopt(councilId, meetingId, dto);
  }
}
