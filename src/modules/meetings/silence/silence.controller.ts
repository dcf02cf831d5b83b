import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { PositionResponse } from '../session/dto/position.response.js';
import { StatePositionDto } from '../session/dto/state-position.dto.js';
import { BreakSilenceDto } from './dto/break-silence.dto.js';
import { CreateSilenceProcedureDto } from './dto/create-silence-procedure.dto.js';
import { ListSilenceProceduresQuery } from './dto/list-silence-procedures.query.js';
import { SilenceBreakResponse } from './dto/silence-break.response.js';
import { SilenceProcedureListResponse, SilenceProcedureResponse } from './dto/silence-procedure.response.js';
import { SilenceService } from './silence.service.js';

const BEFORE_DEADLINE = 'Only before the silence deadline (after it, or once closed: 409 SILENCE_CLOSED with details.deadline)';

@ApiTags('silence procedure')
@Controller('councils/:councilId/silence-procedures')
export class SilenceController {
  constructor(private readonly silence: SilenceService) {}

  @Post()
  @RequirePermission('decision.propose')
  @ApiOperation({
    summary:
      'Circulate a decision in writing (the chair or the secretariat): text per working language, a silence deadline at least the minimum notice ahead (72 hours by default); adopted at the deadline unless a member state breaks silence. Heads of delegation are told; a job closes it at the deadline.',
  })
  @ApiCreatedResponse({ type: SilenceProcedureResponse })
  create(
    @UuidParam('councilId') councilId: string,
    @Body() dto: CreateSilenceProcedureDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SilenceProcedureResponse> {
    return this.silence.create(councilId, dto, caller);
  }

  @Get()
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "The council's silence procedures, latest deadline first, with breaks and positions (council members)" })
  @ApiOkResponse({ type: SilenceProcedureListResponse })
  list(@UuidParam('councilId') councilId: string, @Query() query: ListSilenceProceduresQuery): Promise<SilenceProcedureListResponse> {
    return this.silence.list(councilId, query);
  }

  @Get(':decisionId')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: 'One silence procedure (a written decision), with breaks and positions (council members)' })
  @ApiOkResponse({ type: SilenceProcedureResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('decisionId') decisionId: string): Promise<SilenceProcedureResponse> {
    return this.silence.get(councilId, decisionId);
  }

  @Post(':decisionId/break')
  @RequirePermission('decision.object')
  @ApiOperation({
    summary: `Break silence for your delegation, with a reason: a delegate of an active member state (observers 403; permanent participants 409 BREAK_MEMBER_STATES_ONLY — state a position instead); one standing break per delegation (409 SILENCE_ALREADY_BROKEN); the secretariat is told at once. ${BEFORE_DEADLINE}`,
  })
  @ApiCreatedResponse({ type: SilenceBreakResponse })
  breakSilence(
    @UuidParam('councilId') councilId: string,
    @UuidParam('decisionId') decisionId: string,
    @Body() dto: BreakSilenceDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SilenceBreakResponse> {
    return this.silence.breakSilence(councilId, decisionId, dto, caller);
  }

  @Delete(':decisionId/break')
  @RequirePermission('decision.object')
  @ApiOperation({ summary: `Withdraw your delegation's standing break of silence (none → 404); the record keeps it, marked withdrawn. ${BEFORE_DEADLINE}` })
  @ApiOkResponse({ type: SilenceProcedureResponse })
  withdrawBreak(
    @UuidParam('councilId') councilId: string,
    @UuidParam('decisionId') decisionId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<SilenceProcedureResponse> {
    return this.silence.withdrawBreak(councilId, decisionId, caller);
  }

  @Post(':decisionId/positions')
  @RequirePermission('decision.consult')
  @ApiOperation({
    summary: `State your delegation's consultation position (support, concern, neutral) — permanent participants, or member states standing aside; recorded, never blocking; restating replaces it. ${BEFORE_DEADLINE}`,
  })
  @ApiCreatedResponse({ type: PositionResponse })
  statePosition(
    @UuidParam('councilId') councilId: string,
    @UuidParam('decisionId') decisionId: string,
    @Body() dto: StatePositionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PositionResponse> {
    return this.silence.statePosition(councilId, decisionId, dto, caller);
  }
}
