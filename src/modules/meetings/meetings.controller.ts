import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { CreateMeetingDto } from './dto/create-meeting.dto.js';
import { ListMeetingsQuery } from './dto/list-meetings.query.js';
import { MeetingListResponse } from './dto/meeting-list.response.js';
import { MeetingTransitionDto } from './dto/meeting-transition.dto.js';
import { MeetingResponse } from './dto/meeting.response.js';
import { UpdateMeetingDto } from './dto/update-meeting.dto.js';
import { WorkingHoursQuery } from './dto/working-hours.query.js';
import { WorkingHoursResponse } from './dto/working-hours.response.js';
import { MeetingWorkingHoursService } from './meeting-working-hours.service.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@Controller('councils/:councilId/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly workingHours: MeetingWorkingHoursService,
  ) {}

  @Post()
  @RequirePermission('meeting.manage')
  @ApiOperation({ summary: 'Plan a meeting of the council or of one of its bodies (created as a draft)' })
  @ApiCreatedResponse({ type: MeetingResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateMeetingDto): Promise<MeetingResponse> {
    return this.meetings.create(councilId, dto);
  }

  @Get()
  @RequirePermission('meeting.read')
  @ApiOperation({
    summary:
      "The council's meetings by start then id, keyset-paged (limit ≤ 200, default 50; pass nextCursor back as cursor); filters: from/to on the start, bodyId, status, seriesId",
  })
  @ApiOkResponse({ type: MeetingListResponse })
  list(@UuidParam('councilId') councilId: string, @Query() query: ListMeetingsQuery): Promise<MeetingListResponse> {
    return this.meetings.list(councilId, query);
  }

  @Get('working-hours')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "A proposed meeting time in each active member state's capital, flagged when outside 08:00–18:00 local" })
  @ApiOkResponse({ type: WorkingHoursResponse })
  checkWorkingHours(@UuidParam('councilId') councilId: string, @Query() query: WorkingHoursQuery): Promise<WorkingHoursResponse> {
    return this.workingHours.check(councilId, query);
  }

  @Get(':meetingId')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: 'One meeting, with its chair (the presidency holder at the start, for council meetings) and its deadlines' })
  @ApiOkResponse({ type: MeetingResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string): Promise<MeetingResponse> {
    return this.meetings.get(councilId, meetingId);
  }

  @Patch(':meetingId')
  @RequirePermission('meeting.manage')
  @ApiOperation({ summary: 'Edit or move a draft or convened meeting (requires version)' })
  @ApiOkResponse({ type: MeetingResponse })
  update(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @Body() dto: UpdateMeetingDto): Promise<MeetingResponse> {
    return this.meetings.update(councilId, meetingId, dto);
  }

  @Post(':meetingId/transitions')
  @HttpCode(200)
  @RequirePermission('meeting.manage')
  @ApiOperation({
    summary:
      'Move the meeting through its lifecycle: convene (needs the notice of its kind, or consent for an extraordinary one), circulate the agenda, open, close, circulate and approve the minutes, postpone or cancel before the session. An illegal move → 409 ILLEGAL_TRANSITION with details.allowed',
  })
  @ApiOkResponse({ type: MeetingResponse })
  transition(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body() dto: MeetingTransitionDto,
  ): Promise<MeetingResponse> {
    return this.meetings.transition(councilId, meetingId, dto);
  }
}
