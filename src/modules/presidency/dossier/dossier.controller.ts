import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { ApiPdfResponse, pdfHeaders } from '../../../core/pdf/pdf-response.js';
import { AcknowledgeItemDto } from './dto/acknowledge-item.dto.js';
import { DossierDocumentQuery } from './dto/dossier-document.query.js';
import { AcknowledgementListResponse, AcknowledgementResponse, DossierResponse } from './dto/dossier.response.js';
import { SubmitDossierDto } from './dto/submit-dossier.dto.js';
import { DossierService } from './dossier.service.js';

@ApiTags('handover')
@Controller('councils/:councilId/presidency/terms/:termId/dossier')
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  @Get()
  @RequirePermission('handover.read')
  @ApiOperation({ summary: "A term's handover dossier (JSON), also for past terms (archived); 404 until assembled" })
  @ApiOkResponse({ type: DossierResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('termId') termId: string): Promise<DossierResponse> {
    return this.dossiers.get(councilId, termId);
  }

  @Get('document')
  @RequirePermission('handover.read')
  @ApiOperation({ summary: 'The dossier as a readable, print-friendly HTML document' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'text/html', schema: { type: 'string' } })
  async document(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @Query() query: DossierDocumentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const html = await this.dossiers.document(councilId, termId, query.lang);
    // Set only on success (a 404 stays JSON).
    void reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return html;
  }

  @Get('document.pdf')
  @RequirePermission('handover.read')
  @ApiOperation({ summary: 'The dossier as a PDF (the same document, rendered on the server)' })
  @ApiPdfResponse()
  async documentPdf(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @Query() query: DossierDocumentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.dossiers.documentPdf(councilId, termId, query.lang);
    pdfHeaders(reply, 'handover-dossier.pdf', pdf.length);
    return pdf;
  }

  @Post('refresh')
  @HttpCode(200)
  @RequirePermission('handover.manage')
  @ApiOperation({
    summary:
      'Assemble the dossier now, or refresh an open one (the holder’s delegates, the secretariat); 409 DOSSIER_SUBMITTED once submitted, DOSSIER_ARCHIVED once archived with its term',
  })
  @ApiOkResponse({ type: DossierResponse })
  refresh(@UuidParam('councilId') councilId: string, @UuidParam('termId') termId: string, @CurrentCaller() caller: Caller): Promise<DossierResponse> {
    return this.dossiers.refresh(councilId, termId, caller);
  }

  @Post('submit')
  @HttpCode(200)
  @RequirePermission('handover.manage')
  @ApiOperation({
    summary:
      'Submit the dossier to the incoming chair: its content is frozen from then on (409 DOSSIER_SUBMITTED if already submitted, DOSSIER_ARCHIVED if archived)',
  })
  @ApiOkResponse({ type: DossierResponse })
  submit(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @Body() dto: SubmitDossierDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DossierResponse> {
    return this.dossiers.submit(councilId, termId, dto, caller);
  }

  @Get('acknowledgements')
  @RequirePermission('handover.read')
  @ApiOperation({ summary: "The incoming chair's acknowledgements and the progress (n of m entries)" })
  @ApiOkResponse({ type: AcknowledgementListResponse })
  acknowledgements(@UuidParam('councilId') councilId: string, @UuidParam('termId') termId: string): Promise<AcknowledgementListResponse> {
    return this.dossiers.acknowledgements(councilId, termId);
  }

  @Post('acknowledgements')
  @RequirePermission('handover.acknowledge')
  @ApiOperation({ summary: 'The incoming chair acknowledges one entry of the submitted dossier by its key (again: restates the note)' })
  @ApiCreatedResponse({ type: AcknowledgementResponse })
  acknowledge(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @Body() dto: AcknowledgeItemDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AcknowledgementResponse> {
    return this.dossiers.acknowledge(councilId, termId, dto, caller);
  }
}
