import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, ForbiddenException, InvalidInputException } from '../errors/domain.exception.js';
import { requestContext } from '../context/request-context.js';
import { AccessTokenService, InvalidTokenError } from './access-token.service.js';
import { ANONYMOUS, type Caller, type PendingCaller } from './caller.js';
import { CallerRepository, type ResolvedUser } from './caller.repository.js';
import { type Permission, scopeOf } from './permissions.js';
import { CALLER_IN_QUERY_KEY, PERMISSION_KEY } from './require-permission.decorator.js';
import { isUuid } from '../validation/uuid.js';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  caller?: Caller;
  pendingCaller?: PendingCaller;
}

export class UnauthenticatedException extends DomainException {
  constructor(message = 'a valid access token is required') {
    super('UNAUTHENTICATED', 401, message);
  }
}

// The 403 lives with the other domain exceptions; the guard's importers keep importing it from here.
export { ForbiddenException };

/**
 * On every route: reads the route's permission (refusing routes that declare
 * none), authenticates the bearer token if any, resolves the caller's roles in
 * the route's council at this instant, and checks the permission. The caller
 * is put on the request (@CurrentCaller) and into the audit context. On a
 * route marked @ResolveCallerInQuery, a verified token's roles are resolved by
 * the route's own query instead, and settled there (settleCaller).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly callers: CallerRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (!permission) throw new DomainException('NO_PERMISSION_DECLARED', 403, 'this route declares no permission, so nobody may use it');
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const councilParam = request.params?.councilId;
    // Roles are per council: a malformed council id is the caller's error whoever they are.
    if (councilParam !== undefined && !isUuid(councilParam)) throw new InvalidInputException('councilId', 'uuid', 'councilId must be a UUID');
    const councilId = councilParam ?? null;

    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
      if (!match) throw new UnauthenticatedException('the Authorization header must be "Bearer <access token>"');
      let userId: string;
      try {
        userId = await this.tokens.verify(match[1]!);
      } catch (err) {
        if (err instanceof InvalidTokenError) throw new UnauthenticatedException('the access token is invalid or expired');
        throw err;
      }
      if (this.reflector.get<boolean | undefined>(CALLER_IN_QUERY_KEY, context.getHandler())) {
        request.pendingCaller = { userId, councilId, permission, at: new Date(), settled: false };
        const ctx = requestContext.current();
        if (ctx) ctx.actorId = userId;
        return true;
      }
      request.caller = authorize(userId, councilId, await this.callers.resolve(userId, councilId, new Date()), permission);
    } else {
      request.caller = authorize(null, null, ANONYMOUS, permission);
    }
    return true;
  }
}

/**
 * The caller with the scope the permission is granted with, put into the audit context; 401 for an account
 * that is disabled or gone (`resolved` null), 401 or 403 when no role gives the permission.
 */
function authorize(userId: string | null, councilId: string | null, resolved: ResolvedUser | Omit<Caller, 'scope'> | null, permission: Permission): Caller {
  if (!resolved) throw new UnauthenticatedException('this account is disabled or no longer exists');
  const caller: Omit<Caller, 'scope'> = { ...resolved, userId, councilId };
  const scope = scopeOf(caller.roles, permission);
  if (!scope) {
    if (!caller.userId) throw new UnauthenticatedException();
    throw new ForbiddenException(permission);
  }
  const ctx = requestContext.current();
  if (ctx) {
    ctx.actorId = caller.userId;
    ctx.actorDelegationId = caller.delegationId;
  }
  return { ...caller, scope };
}

/**
 * Settles a pending caller (a @ResolveCallerInQuery route) with the roles the route's query resolved
 * (resolvedFromRow of its caller columns): the same checks, errors and audit context as the guard.
 */
export function settleCaller(pending: PendingCaller, resolved: ResolvedUser | null): Caller {
  pending.settled = true;
  return authorize(pending.userId, pending.councilId, resolved, pending.permission);
}
