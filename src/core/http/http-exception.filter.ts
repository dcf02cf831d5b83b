import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { settleCaller } from '../auth/auth.guard.js';
import type { PendingCaller } from '../auth/caller.js';
import { CallerRepository } from '../auth/caller.repository.js';
import { DomainException } from '../errors/domain.exception.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { domainExceptionFromPg } from '../errors/postgres-errors.js';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: { field: string; rule: string; message: string }[];
  details?: Record<string, unknown>;
  requestId?: string;
}

/** The one place where errors become HTTP responses. Anything unexpected is a logged 500 with no internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly callers: CallerRepository) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest & { pendingCaller?: PendingCaller }>();
    const pending = request.pendingCaller;
    if (pending && !pending.settled) {
      // A route that resolves its caller in its own query (@ResolveCallerInQuery) failed before it did (bad input,
      // say): resolve the caller now, so that 401 and 403 come first, as on every other route.
      pending.settled = true;
      this.callers.resolve(pending.userId, pending.councilId, pending.at).then(
        (resolved) => {
          let answer = exception;
          try {
            settleCaller(pending, resolved);
          } catch (refused) {
            answer = refused;
          }
          this.respond(answer, request, reply);
        },
        (err: unknown) => this.respond(err, request, reply),
      );
      return;
    }
    this.respond(exception, request, reply);
  }

  private respond(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const body = this.toBody(exception);
    body.requestId = String(request.id);
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const domain = exception instanceof DomainException ? exception : domainExceptionFromPg(exception);
    if (domain) {
      return {
        statusCode: domain.status,
        code: domain.code,
        message: domain.message,
        ...(domain.problems.length ? { errors: domain.problems } : {}),
        ...(Object.keys(domain.details).length ? { details: domain.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const r = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      return {
        statusCode: status,
        // Our own HttpExceptions (the validation pipe's) carry a code of the catalogue.
        code: typeof r.code === 'string' ? (r.code as ErrorCode) : httpCode(status),
        message: typeof r.message === 'string' ? r.message : exception.message,
        ...(Array.isArray(r.errors) ? { errors: r.errors as ErrorBody['errors'] } : {}),
      };
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode.
    const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return { statusCode, code: httpCode(statusCode), message: (exception as Error).message };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'internal error' };
  }
}

/** The standard error body for an error raised outside Nest (the router's), with the same codes. */
export function errorBody(statusCode: number, message: string, requestId: string): ErrorBody {
  return { statusCode, code: httpCode(statusCode), message, requestId };
}

function httpCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 414:
      return 'URI_TOO_LONG';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}
