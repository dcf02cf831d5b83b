import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { contentDisposition, etagOf, noneMatch, parseRange } from './content-headers.js';
import { DocumentContentQuery } from './dto/document-content.query.js';
import { DocumentListResponse, DocumentResponse, DocumentVersionListResponse } from './dto/document.response.js';
import { PublishDocumentsResponse } from './dto/publish-documents.response.js';
import { UpdateDocumentDto } from './dto/update-document.dto.js';
import { UploadDocumentBody } from './dto/upload-document.body.js';
import { DocumentsService } from './documents.service.js';

/** Route config of the one route that takes multipart/form-data (create-api.ts refuses it everywhere else). */
export const MULTIPART_ROUTE = { multipart: true };

@ApiTags('documents')
@Controller('councils/:councilId')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('meetings/:meetingId/agenda/items/:itemId/documents')
  @RouteConfig(MULTIPART_ROUTE)
  @RequirePermission('document.upload')
  @ApiOperation({
    summary:
      "Upload a paper to an agenda item, or a new version of it (one paper per item and language): multipart/form-data with file, language and title. The presenter's delegation uploads its own items' papers, the secretariat any. The type is decided by the bytes (else 415 naming file); larger than the limit (default 50 MiB) → 413; after the meeting's papers deadline the version is marked late",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDocumentBody })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiResponse({ status: 413, description: 'file larger than the limit' })
  @ApiResponse({ status: 415, description: 'file of a type not accepted (errors[0].field = file), or a body that is not multipart' })
  upload(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('itemId') itemId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentResponse> {
    return this.documents.upload(councilId, meetingId, itemId, caller, request).catch((err: unknown) => {
      // A refusal may come before the body is read to its end: the connection closes after the answer (rather than
      // read, or hang on, what is left of a file of any size).
      if (!request.raw.readableEnded) void reply.header('connection', 'close');
      throw err;
    });
  }

  @Get('meetings/:meetingId/agenda/items/:itemId/documents')
  @RequirePermission('document.read')
  @ApiOperation({ summary: "An agenda item's papers, one per language, each with its current version (those the caller may see)" })
  @ApiOkResponse({ type: DocumentListResponse })
  listForItem(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('itemId') itemId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DocumentListResponse> {
    return this.documents.listForMeeting(councilId, meetingId, caller, itemId);
  }

  @Get('meetings/:meetingId/documents')
  @RequirePermission('document.read')
  @ApiOperation({
    summary: "A meeting's papers in agenda order, each with its current version (those the caller may see; anyone: the public papers once published)",
  })
  @ApiOkResponse({ type: DocumentListResponse })
  listForMeeting(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DocumentListResponse> {
    return this.documents.listForMeeting(councilId, meetingId, caller);
  }

  @Post('meetings/:meetingId/documents/publish')
  @HttpCode(200)
  @RequirePermission('document.manage')
  @ApiOperation({
    summary:
      "Publish the meeting's documents: its papers marked public become readable without signing in. Once its minutes are approved (else 409 MINUTES_NOT_APPROVED)",
  })
  @ApiOkResponse({ type: PublishDocumentsResponse })
  publish(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<PublishDocumentsResponse> {
    return this.documents.publish(councilId, meetingId, caller);
  }

  @Get('documents/:documentId')
  @RequirePermission('document.read')
  @ApiOperation({ summary: 'A paper and its current version' })
  @ApiOkResponse({ type: DocumentResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('documentId') documentId: string, @CurrentCaller() caller: Caller): Promise<DocumentResponse> {
    return this.documents.get(councilId, documentId, caller);
  }

  @Get('documents/:documentId/versions')
  @RequirePermission('document.read')
  @ApiOperation({ summary: "A paper's versions, newest first (the history is kept)" })
  @ApiOkResponse({ type: DocumentVersionListResponse })
  versions(
    @UuidParam('councilId') councilId: string,
    @UuidParam('documentId') documentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DocumentVersionListResponse> {
    return this.documents.versions(councilId, documentId, caller);
  }

  @Patch('documents/:documentId')
  @RequirePermission('document.manage')
  @ApiOperation({ summary: "Change a paper's visibility (members, member_states, public) or title (requires version)" })
  @ApiOkResponse({ type: DocumentResponse })
  update(@UuidParam('councilId') councilId: string, @UuidParam('documentId') documentId: string, @Body() dto: UpdateDocumentDto): Promise<DocumentResponse> {
    return this.documents.update(councilId, documentId, dto);
  }

  @Get('documents/:documentId/content')
  @RequirePermission('document.read')
  @ApiOperation({
    summary:
      "The bytes of a paper's current version (?version=n: an earlier one), streamed, with its Content-Type, Content-Disposition (file name, RFC 5987 when not ASCII), ETag (SHA-256; request header If-None-Match → 304) and byte ranges (request header Range: bytes=start-end, one range → 206 with Content-Range; 416 when unsatisfiable; If-Range honoured)",
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 206, description: 'The range asked for', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched)' })
  @ApiResponse({ status: 416, description: 'Range not satisfiable' })
  async content(
    @UuidParam('councilId') councilId: string,
    @UuidParam('documentId') documentId: string,
    @Query() q: DocumentContentQuery,
    @CurrentCaller() caller: Caller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The conditional and range headers, read off the request (as the guard reads Authorization): one value each.
    const header = (name: string): string | undefined => {
      const v = reply.request.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const rangeHeader = header('range');
    const ifNoneMatch = header('if-none-match');
    const ifRange = header('if-range');
    const { version, public: isPublic } = await this.documents.content(councilId, documentId, q, caller);
    const size = Number(version.size);
    const etag = etagOf(version.sha256);
    void reply
      .header('etag', etag)
      .header('accept-ranges', 'bytes')
      .header('cache-control', isPublic ? 'public, max-age=300' : 'private, no-cache')
      .header('content-disposition', contentDisposition(version.fileName));
    if (noneMatch(ifNoneMatch, etag)) {
      await reply.code(304).send();
      return;
    }
    const range = ifRange !== undefined && ifRange.trim() !== etag ? undefined : parseRange(rangeHeader, size);
    if (range === 'unsatisfiable') {
      const message = `the range asked for is outside the file's ${size} bytes`;
      await reply
        .code(416)
        .header('content-range', `bytes */${size}`)
        .header('content-disposition', null as never)
        .type('application/json; charset=utf-8')
        .send({
          statusCode: 416,
          code: 'RANGE_NOT_SATISFIABLE',
          message,
          errors: [{ field: 'range', rule: 'satisfiable', message }],
          requestId: String(reply.request.id),
        });
      return;
    }
    void reply.type(version.contentType);
    if (range) {
      void reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', String(range.end - range.start + 1));
    } else {
      void reply.code(200).header('content-length', String(size));
    }
    const stream = this.documents.bytes(version, range);
    await reply.send(stream);
  }
}
