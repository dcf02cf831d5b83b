import { Injectable, type NestMiddleware } from '@nestjs/common';
import { requestContext } from './request-context.js';

/** Opens the request's context (request id; the caller once access control lands) for the audit trail. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: { id?: string }, _res: unknown, next: () => void): void {
    requestContext.run({ requestId: req.id ?? 'unknown', actorId: null, actorDelegationId: null }, next);
  }
}
