import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { HandoverSettingsResponse, UpdateHandoverSettingsDto } from './dto/handover-settings.dto.js';
import { HandoverTimelineResponse, TroikaMeetingResponse } from './dto/handover-timeline.response.js';
import { PresidencyCalendarQuery, PresidencyCalendarResponse } from './dto/presidency-calendar.dto.js';
import { TroikaMeetingDto } from './dto/troika-meeting.dto.js';
import { HandoverTimelineService } from './handover-timeline.service.js';
import { PresidencyCalendarService } from './presidency-calendar.service.js';

@ApiTags('handover')
@Controller('councils/:councilId/presidency')
export class HandoverTimelineController {
  constructor(
    private readonly timeline: HandoverTimelineService,
    private readonly calendarService: PresidencyCalendarService,
  ) {}

  @Get('calendar')
  @RequirePermission('presidency.read')
  @ApiOperation({ summary: 'The public presidency calendar at an instant (default now): past terms, the current one, the next ones, and the troika' })
  @ApiOkResponse({ type: PresidencyCalendarResponse })
  calendar(@UuidParam('councilId') councilId: string, @Query() query: PresidencyCalendarQuery): Promise<PresidencyCalendarResponse> {
    return this.calendarService.calendar(councilId, query);
  }

  @Get('handover-settings')
  @RequirePermission('handover.read')
  @ApiOperation({ summary: "The council's handover reminder offsets (defaults 12 months, 6 months, 90 days, 30 days)" })
  @ApiOkResponse({ type: HandoverSettingsResponse })
  getSettings(@UuidParam('councilId') councilId: string): Promise<HandoverSettingsResponse> {
    return this.timeline.getSettings(councilId);
  }

  @Put('handover-settings')
  @RequirePermission('handover.configure')
  @ApiOperation({ summary: 'Set the handover reminder offsets; the scheduled reminders move with them' })
  @ApiOkResponse({ type: HandoverSettingsResponse })
  putSettings(@UuidParam('councilId') councilId: string, @Body() dto: UpdateHandoverSettingsDto): Promise<HandoverSettingsResponse> {
    return this.timeline.putSettings(councilId, dto);
  }

  @Get('terms/:termId/handover')
  @RequirePermission('handover.read')
  @ApiOperation({ summary: "A term's handover timeline: outgoing and incoming holders, and when each reminder is due" })
  @ApiOkResponse({ type: HandoverTimelineResponse })
  termTimeline(@UuidParam('councilId') councilId: string, @UuidParam('termId') termId: string): Promise<HandoverTimelineResponse> {
    return this.timeline.timeline(councilId, termId);
  }

  @Post('terms/:termId/troika-meeting')
  @RequirePermission('handover.manage')
  @ApiOperation({ summary: 'Schedule a (draft) troika meeting for the handover: previous, current and next holders' })
  @ApiCreatedResponse({ type: TroikaMeetingResponse })
  troikaMeeting(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @Body() dto: TroikaMeetingDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TroikaMeetingResponse> {
    return this.timeline.troikaMeeting(councilId, termId, dto, caller);
  }
}
