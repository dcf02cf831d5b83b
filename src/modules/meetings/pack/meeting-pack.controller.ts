import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { contentDisposition, etagOf, noneMatch } from '../../documents/content-headers.js';
import { MeetingPackQuery } from './dto/meeting-pack.query.js';
import { MeetingPackStatusResponse } from './dto/meeting-pack-status.response.js';
import { MeetingPackService, PACK_RETRY_AFTER_SECONDS, PACK_WAIT_MS } from './meeting-pack.service.js';

/** `Prefer: respond-async` (RFC 7240): answer 202 at once instead of waiting for the build. */
const respondAsync = (prefer: string | string[] | undefined) =>
  [prefer ?? '']
    .flat()
    .join(',')
    .split(',')
    .some((p) => p.trim().toLowerCase() === 'respond-async');

@ApiTags('documents')
@Controller('councils/:councilId/meetings/:meetingId')
export class MeetingPackController {
  constructor(private readonly packs: MeetingPackService) {}

  @Get('pack.pdf')
  @RequirePermission('meeting.read')
  @ApiOperation({
    summary: `The meeting pack, one PDF: a cover (council, meeting, date in the meeting's zone, the items with the paper included for each, fallbacks marked), the agenda, then each scheduled item's current PDF paper in that language (missing: the council's first working language), with bookmarks per item. Papers restricted to member states are in it for member states' delegations and the secretariat only. Built by the worker and cached by the set of document versions: once built it is served at once (ETag; X-Pack-Cache: hit), and any new upload or agenda change builds it again. While it is being built the request waits up to ${PACK_WAIT_MS / 1000} s, then answers 202 with Retry-After and Location (this same URL: ask again); with Prefer: respond-async it answers 202 at once. A build that failed → 503 PACK_BUILD_FAILED (built again when asked after a minute)`,
  })
  @ApiExtraModels(MeetingPackStatusResponse)
  @ApiOkResponse({ description: 'The pack', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({
    description: 'Being built: ask the same URL again after Retry-After seconds (also in Location)',
    content: { 'application/json': { schema: { $ref: getSchemaPath(MeetingPackStatusResponse) } } },
  })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched)' })
  @ApiResponse({ status: 503, description: 'The build failed (PACK_BUILD_FAILED); asked again after Retry-After, it is built again' })
  async pack(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Query() query: MeetingPackQuery,
    @CurrentCaller() caller: Caller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Standard HTTP request headers (RFC 7240 Prefer, RFC 9110 If-None-Match), not parameters of the operation.
    const { prefer, 'if-none-match': ifNoneMatch } = reply.request.headers;
    const answer = await this.packs.pack(councilId, meetingId, query.lang, caller, respondAsync(prefer));
    const { pack } = answer;
    const url = `/councils/${councilId}/meetings/${meetingId}/pack.pdf?lang=${pack.language}`;
    if (answer.state === 'building') {
      const body: MeetingPackStatusResponse = {
        meetingId,
        language: pack.language,
        audience: pack.audience,
        status: 'building',
        requestedAt: new Date(pack.requestedAt).toISOString(),
        retryAfterSeconds: PACK_RETRY_AFTER_SECONDS,
        statusUrl: url,
      };
      await reply.code(202).header('retry-after', String(PACK_RETRY_AFTER_SECONDS)).header('location', url).header('cache-control', 'no-store').send(body);
      return;
    }
    const etag = etagOf(pack.sha256!);
    void reply
      .header('etag', etag)
      .header('cache-control', 'private, no-cache')
      .header('x-pack-cache', answer.cached ? 'hit' : 'miss')
      .header('x-pack-pages', String(pack.pageCount))
      .header('content-disposition', contentDisposition(`meeting-pack-${pack.language}.pdf`, 'inline'));
    if (noneMatch(ifNoneMatch, etag)) {
      await reply.code(304).send();
      return;
    }
    void reply.code(200).type('application/pdf').header('content-length', pack.size!);
    if (reply.request.method === 'HEAD') {
      await reply.send();
      return;
    }
    await reply.send(this.packs.bytes(pack));
  }
}
