import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { DesignateHandoverMeetingDto } from './dto/designate-handover-meeting.dto.js';
import { HandoverMeetingQueryDto } from './dto/handover-meeting.query.js';
import { HandoverMeetingResponse } from './dto/handover-meeting.response.js';
import { HandoverMeetingService } from './handover-meeting.service.js';

@ApiTags('presidency')
@Controller('councils/:councilId/presidency/handover-meeting')
export class HandoverMeetingController {
  constructor(private readonly handoverMeetings: HandoverMeetingService) {}

  @Post()
  @RequirePermission('presidency.manage')
  @ApiOperation({
    summary: 'Designate the handover meeting of a term (default: the current one): when it closes, the presidency passes at that instant',
    description:
      'The meeting must not be held yet (draft, convened, agenda circulated, in session) and must start before the term ends. When it closes (meeting transition to closed), ' +
      "the presidency passes in the closing transaction itself, with mode 'meeting' and boundary = the close, both terms' boundary moved (the sweeper catches up a close that could not transfer). " +
      '409 MEETING_NOT_DESIGNABLE (closed, cancelled, postponed), MEETING_AFTER_TERM, TERM_ENDED, or a term that already has one; 404 for a meeting of another council.',
  })
  @ApiCreatedResponse({ type: HandoverMeetingResponse })
  designate(
    @UuidParam('councilId') councilId: string,
    @Body() dto: DesignateHandoverMeetingDto,
    @CurrentCaller() caller: Caller,
  ): Promise<HandoverMeetingResponse> {
    return this.handoverMeetings.designate(councilId, dto, caller.userId);
  }

  @Get()
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "A term's handover meeting (default: the current term's) and where it stands: pending, closing, transferred, moot, cancelled" })
  @ApiOkResponse({ type: HandoverMeetingResponse })
  get(@UuidParam('councilId') councilId: string, @Query() query: HandoverMeetingQueryDto): Promise<HandoverMeetingResponse> {
    return this.handoverMeetings.get(councilId, query.termId);
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('presidency.manage')
  @ApiOperation({ summary: "Undesignate a term's handover meeting before it closes (409 MEETING_CLOSED after)" })
  @ApiNoContentResponse()
  undesignate(@UuidParam('councilId') councilId: string, @Query() query: HandoverMeetingQueryDto): Promise<void> {
    return this.handoverMeetings.undesignate(councilId, query.termId);
  }
}
