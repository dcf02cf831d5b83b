import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/** OpenAPI of a route answering a PDF (errors stay JSON). */
export const ApiPdfResponse = (description = 'The PDF document'): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiProduces('application/pdf'), ApiOkResponse({ description, schema: { type: 'string', format: 'binary' } }));

/** Sets the headers of a PDF answer; call it only on success, so that a 404 stays JSON. */
export function pdfHeaders(reply: FastifyReply, filename: string, bytes: number): void {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '-');
  void reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(bytes))
    .header('content-disposition', `inline; filename="${safe}"`)
    .header('cache-control', 'private, no-cache');
}
