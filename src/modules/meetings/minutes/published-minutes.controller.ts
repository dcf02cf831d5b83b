import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { ApiPdfResponse, pdfHeaders } from '../../../core/pdf/pdf-response.js';
import { MinutesDocumentQuery } from './dto/minutes-document.query.js';
import { PublishedMinutesListResponse } from './dto/published-minutes-list.response.js';
import { PublishedMinutesResponse } from './dto/published-minutes.response.js';
import { PublishedMinutesService } from './published-minutes.service.js';

@ApiTags('minutes')
@Controller('councils/:councilId/minutes')
export class PublishedMinutesController {
  constructor(private readonly published: PublishedMinutesService) {}

  @Get()
  @RequirePermission('minutes.public')
  @ApiOperation({ summary: "The council's approved minutes, newest approval first (public: no sign-in needed)" })
  @ApiOkResponse({ type: PublishedMinutesListResponse })
  list(@UuidParam('councilId') councilId: string): Promise<PublishedMinutesListResponse> {
    return this.published.list(councilId);
  }

  @Get(':meetingId')
  @RequirePermission('minutes.public')
  @ApiOperation({ summary: "A meeting's approved minutes (public); 404 unless approved" })
  @ApiOkResponse({ type: PublishedMinutesResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string): Promise<PublishedMinutesResponse> {
    return this.published.get(councilId, meetingId);
  }

  @Get(':meetingId/document.pdf')
  @RequirePermission('minutes.public')
  @ApiOperation({ summary: "A meeting's approved minutes as a PDF (public); 404 unless approved" })
  @ApiPdfResponse()
  async documentPdf(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Query() query: MinutesDocumentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.published.documentPdf(councilId, meetingId, query.lang);
    pdfHeaders(reply, 'minutes.pdf', pdf.length);
    return pdf;
  }
}
