import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { AttendanceListResponse } from './dto/attendance-list.response.js';
import { AttendanceResponse } from './dto/attendance.response.js';
import { CloseDecisionDto } from './dto/close-decision.dto.js';
import { DecisionListResponse } from './dto/decision-list.response.js';
import { DecisionResponse } from './dto/decision.response.js';
import { ObjectionResponse } from './dto/objection.response.js';
import { PositionResponse } from './dto/position.response.js';
import { ProposeDecisionDto } from './dto/propose-decision.dto.js';
import { RaiseObjectionDto } from './dto/raise-objection.dto.js';
import { RecordAttendanceDto } from './dto/record-attendance.dto.js';
import { StatePositionDto } from './dto/state-position.dto.js';
import { SessionService } from './session.service.js';

const IN_SESSION = 'Only while the meeting is in_session (else 409 MEETING_NOT_IN_SESSION, details.allowedMeetingStatuses)';

@ApiTags('session')
@Controller('councils/:councilId/meetings/:meetingId')
export class SessionController {
  constructor(private readonly session: SessionService) {}

  @Get('attendance')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "The meeting's attendance per delegation, with the quorum computed from it (member states present vs. the council's quorum ratio)" })
  @ApiOkResponse({ type: AttendanceListResponse })
  attendance(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string): Promise<AttendanceListResponse> {
    return this.session.attendance(councilId, meetingId);
  }

  @Put('attendance/:delegationId')
  @RequirePermission('attendance.manage')
  @ApiOperation({ summary: `Record whether a delegation is present and who represents it (the last record wins). ${IN_SESSION}` })
  @ApiOkResponse({ type: AttendanceResponse })
  recordAttendance(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('delegationId') delegationId: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<AttendanceResponse> {
    return this.session.recordAttendance(councilId, meetingId, delegationId, dto);
  }

  @Get('decisions')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "The meeting's decisions, proposed and closed, with every objection and consultation position" })
  @ApiOkResponse({ type: DecisionListResponse })
  decisions(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string): Promise<DecisionListResponse> {
    return this.session.decisions(councilId, meetingId);
  }

  @Post('agenda/items/:itemId/decisions')
  @RequirePermission('decision.propose')
  @ApiOperation({ summary: `Propose a decision on a scheduled agenda item (the chair or the secretariat); text per working language. ${IN_SESSION}` })
  @ApiCreatedResponse({ type: DecisionResponse })
  propose(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('itemId') itemId: string,
    @Body() dto: ProposeDecisionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DecisionResponse> {
    return this.session.propose(councilId, meetingId, itemId, dto, caller);
  }

  @Post('decisions/:decisionId/objections')
  @RequirePermission('decision.object')
  @ApiOperation({
    summary: `Object to a proposed decision for your delegation: a member state recorded present (else 409 DELEGATION_NOT_PRESENT; permanent participants: 409 OBJECTION_MEMBER_STATES_ONLY — state a position instead). ${IN_SESSION}`,
  })
  @ApiCreatedResponse({ type: ObjectionResponse })
  object(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('decisionId') decisionId: string,
    @Body() dto: RaiseObjectionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ObjectionResponse> {
    return this.session.object(councilId, meetingId, decisionId, dto, caller);
  }

  @Delete('decisions/:decisionId/objections/:objectionId')
  @RequirePermission('decision.object')
  @ApiOperation({ summary: `Withdraw your delegation's standing objection (another delegation's → 404); the record keeps it, marked withdrawn. ${IN_SESSION}` })
  @ApiOkResponse({ type: DecisionResponse })
  withdrawObjection(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('decisionId') decisionId: string,
    @UuidParam('objectionId') objectionId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DecisionResponse> {
    return this.session.withdrawObjection(councilId, meetingId, decisionId, objectionId, caller);
  }

  @Post('decisions/:decisionId/positions')
  @RequirePermission('decision.consult')
  @ApiOperation({
    summary: `State your delegation's consultation position (support, concern, neutral) on a proposed decision — permanent participants, or member states standing aside; recorded, never blocking; restating replaces it. ${IN_SESSION}`,
  })
  @ApiCreatedResponse({ type: PositionResponse })
  statePosition(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('decisionId') decisionId: string,
    @Body() dto: StatePositionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PositionResponse> {
    return this.session.statePosition(councilId, meetingId, decisionId, dto, caller);
  }

  @Post('decisions/:decisionId/close')
  @HttpCode(200)
  @RequirePermission('decision.close')
  @ApiOperation({
    summary: `Close a proposed decision once (requires its version): deferred when asked; otherwise adopted when quorum is met and no member state present objects, not_adopted when an objection stands; without quorum → 409 QUORUM_NOT_MET naming the rule; closed already → 409 DECISION_CLOSED. ${IN_SESSION}`,
  })
  @ApiOkResponse({ type: DecisionResponse })
  close(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('decisionId') decisionId: string,
    @Body() dto: CloseDecisionDto,
  ): Promise<DecisionResponse> {
    return this.session.close(councilId, meetingId, decisionId, dto);
  }
}
