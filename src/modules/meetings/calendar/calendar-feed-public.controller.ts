import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarFeedPublicController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':token.ics')
  @RequirePermission('calendar.feed')
  @ApiOperation({
    security: [], // no bearer token: the URL is the credential
    summary:
      'A calendar feed (iCalendar, for calendar clients to subscribe to): no bearer token, the secret in the URL is the credential. Drafts are left out; cancelled meetings are STATUS:CANCELLED. Unknown or revoked → 404',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar; one VEVENT per meeting, times in the meeting’s zone with its VTIMEZONE', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such feed, or revoked' })
  async feed(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.feeds.render(token);
    // Set only on success (a @Header would also label the JSON of a 404 as text/calendar).
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store');
    return text;
  }
}
