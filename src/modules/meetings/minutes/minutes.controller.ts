import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { ApiPdfResponse, pdfHeaders } from '../../../core/pdf/pdf-response.js';
import { ApproveMinutesDto } from './dto/approve-minutes.dto.js';
import { CirculateMinutesDto } from './dto/circulate-minutes.dto.js';
import { CreateMinutesCommentDto } from './dto/create-minutes-comment.dto.js';
import { CreateMinutesDto } from './dto/create-minutes.dto.js';
import { MinutesCommentListResponse } from './dto/minutes-comment-list.response.js';
import { MinutesCommentResponse } from './dto/minutes-comment.response.js';
import { MinutesDocumentQuery } from './dto/minutes-document.query.js';
import { MinutesResponse } from './dto/minutes.response.js';
import { UpdateMinutesDto } from './dto/update-minutes.dto.js';
import { MinutesCommentsService } from './minutes-comments.service.js';
import { MinutesService } from './minutes.service.js';

@ApiTags('minutes')
@Controller('councils/:councilId/meetings/:meetingId/minutes')
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly comments: MinutesCommentsService,
  ) {}

  @Post()
  @RequirePermission('meeting.manage')
  @ApiOperation({
    summary:
      'Draft the minutes of a closed meeting (else 409 MEETING_NOT_CLOSED with details.allowedMeetingStatuses): attendance, every agenda item in order with its decisions, outcomes, standing objections and positions; an empty summary per item; optional notes. 409 MINUTES_EXIST when drafted already',
  })
  @ApiCreatedResponse({ type: MinutesResponse })
  draft(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @Body() dto: CreateMinutesDto): Promise<MinutesResponse> {
    return this.minutes.draft(councilId, meetingId, dto);
  }

  @Get()
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "The meeting's minutes in any status (404 until drafted), for the council's members" })
  @ApiOkResponse({ type: MinutesResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string): Promise<MinutesResponse> {
    return this.minutes.get(councilId, meetingId);
  }

  @Get('document.pdf')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: "The meeting's minutes as a PDF, in any status (the status is printed on it), for the council's members; 404 until drafted" })
  @ApiPdfResponse()
  async documentPdf(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Query() query: MinutesDocumentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.minutes.documentPdf(councilId, meetingId, query.lang);
    pdfHeaders(reply, 'minutes.pdf', pdf.length);
    return pdf;
  }

  @Patch()
  @RequirePermission('meeting.manage')
  @ApiOperation({
    summary:
      'Edit the notes and the summaries of items (requires version) while the minutes are draft or circulated; an edit after circulation is audited as minutes.revised. Approved minutes → 409 MINUTES_APPROVED',
  })
  @ApiOkResponse({ type: MinutesResponse })
  update(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @Body() dto: UpdateMinutesDto): Promise<MinutesResponse> {
    return this.minutes.update(councilId, meetingId, dto);
  }

  @Post('circulate')
  @HttpCode(200)
  @RequirePermission('meeting.manage')
  @ApiOperation({
    summary:
      'Circulate draft minutes for comments until commentDeadline (default: 14 days after now; must be in the future). The meeting becomes minutes_circulated; heads of delegation are notified and reminded 2 days before the deadline',
  })
  @ApiOkResponse({ type: MinutesResponse })
  circulate(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string, @Body() dto: CirculateMinutesDto): Promise<MinutesResponse> {
    return this.minutes.circulate(councilId, meetingId, dto);
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('meeting.manage')
  @ApiOperation({
    summary:
      'Approve circulated minutes once the comment deadline has passed, or earlier when every active member state has commented (else 409 COMMENT_PERIOD_OPEN). The meeting becomes minutes_approved; the minutes become public and final',
  })
  @ApiOkResponse({ type: MinutesResponse })
  approve(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body() dto: ApproveMinutesDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MinutesResponse> {
    return this.minutes.approve(councilId, meetingId, dto, caller);
  }

  @Get('comments')
  @RequirePermission('meeting.read')
  @ApiOperation({ summary: 'Comments on the minutes, oldest first (council members only; never public)' })
  @ApiOkResponse({ type: MinutesCommentListResponse })
  listComments(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string): Promise<MinutesCommentListResponse> {
    return this.comments.list(councilId, meetingId);
  }

  @Post('comments')
  @RequirePermission('minutes.comment')
  @ApiOperation({
    summary:
      'Comment on circulated minutes for your delegation (any delegation: member states, permanent participants, observers), optionally on one agenda item; before the deadline only (else 409 COMMENT_PERIOD_CLOSED, details.commentDeadline)',
  })
  @ApiCreatedResponse({ type: MinutesCommentResponse })
  comment(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body() dto: CreateMinutesCommentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MinutesCommentResponse> {
    return this.comments.comment(councilId, meetingId, dto, caller);
  }
}
