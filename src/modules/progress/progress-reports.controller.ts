import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiPdfResponse, pdfHeaders } from '../../core/pdf/pdf-response.js';
import { CreateProgressReportDto } from './dto/create-progress-report.dto.js';
import { ProgressReportResponse } from './dto/progress-report.response.js';
import { ProgressReportsService } from './progress-reports.service.js';

@ApiTags('recommendations')
@Controller('councils/:councilId/progress-reports')
export class ProgressReportsController {
  constructor(private readonly reports: ProgressReportsService) {}

  @Post()
  @RequirePermission('progress_report.create')
  @ApiOperation({
    summary:
      "Produce a progress report (the secretariat) of the council or one body (bodyId), for a meeting (meetingId): recommendations roll-up and unfinished items by owner with status, overdue and latest progress, frozen as JSON and a print-friendly HTML document in the council's first working language. With agendaItemId, the document is appended to that agenda item's documents ({title, url}) — only while the agenda is not adopted (else 409 AGENDA_ADOPTED)",
  })
  @ApiCreatedResponse({ type: ProgressReportResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateProgressReportDto, @CurrentCaller() caller: Caller): Promise<ProgressReportResponse> {
    return this.reports.create(councilId, dto, caller);
  }

  @Get(':reportId')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: 'A progress report: what it covers and its JSON snapshot' })
  @ApiOkResponse({ type: ProgressReportResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('reportId') id: string): Promise<ProgressReportResponse> {
    return this.reports.get(councilId, id);
  }

  @Get(':reportId/document')
  @RequirePermission('action_item.read')
  @ApiProduces('text/html')
  @ApiOperation({ summary: "A progress report's HTML document (print-friendly, self-contained)" })
  @ApiOkResponse({ description: 'The HTML document', schema: { type: 'string' } })
  async document(
    @UuidParam('councilId') councilId: string,
    @UuidParam('reportId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const html = await this.reports.document(councilId, id);
    // Set only on success (a 404 stays JSON). The document needs no script and no outside resource.
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', 'inline; filename="progress-report.html"')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return html;
  }

  @Get(':reportId/document.pdf')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: "A progress report's document as a PDF (rendered on the server from the frozen snapshot, in the report's language)" })
  @ApiPdfResponse()
  async documentPdf(
    @UuidParam('councilId') councilId: string,
    @UuidParam('reportId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.reports.documentPdf(councilId, id);
    pdfHeaders(reply, 'progress-report.pdf', pdf.length);
    return pdf;
  }
}
