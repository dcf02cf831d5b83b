import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { CalendarFeedListResponse, CalendarFeedResponse, CreatedCalendarFeedResponse } from './dto/calendar-feed.response.js';
import { CreateCalendarFeedDto } from './dto/create-calendar-feed.dto.js';

@ApiTags('calendar')
@Controller('me/calendar-feeds')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Post()
  @RequirePermission('calendar.subscribe')
  @ApiOperation({
    summary:
      "Create a calendar subscription URL for a council you hold a role in (all its meetings and its bodies'), or for one of its bodies. The URL (with its secret token) is returned only now. Unknown council or body → 404; no role in the council → 403",
  })
  @ApiCreatedResponse({ type: CreatedCalendarFeedResponse })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateCalendarFeedDto): Promise<CreatedCalendarFeedResponse> {
    return this.feeds.create(caller.userId!, dto);
  }

  @Get()
  @RequirePermission('calendar.subscribe')
  @ApiOperation({ summary: 'Your calendar feeds, newest first, revoked ones included (never their URLs)' })
  @ApiOkResponse({ type: CalendarFeedListResponse })
  list(@CurrentCaller() caller: Caller): Promise<CalendarFeedListResponse> {
    return this.feeds.list(caller.userId!);
  }

  @Delete(':feedId')
  @RequirePermission('calendar.subscribe')
  @ApiOperation({ summary: 'Revoke one of your calendar feeds: its URL answers 404 from now on (someone else’s feed is not found)' })
  @ApiOkResponse({ type: CalendarFeedResponse })
  revoke(@CurrentCaller() caller: Caller, @UuidParam('feedId') feedId: string): Promise<CalendarFeedResponse> {
    return this.feeds.revoke(caller.userId!, feedId);
  }
}
