import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Caller, PendingCaller } from './caller.js';
import type { Permission } from './permissions.js';

export const PERMISSION_KEY = 'protempore:permission';

/** The one permission a route needs; the auth guard refuses routes without one. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator => SetMetadata(PERMISSION_KEY, permission);

/** The caller the auth guard resolved for this request. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<{ caller?: Caller }>().caller;
  if (!caller) throw new Error('no caller on the request: is the auth guard installed?');
  return caller;
});

export const CALLER_IN_QUERY_KEY = 'protempore:caller-in-query';

/**
 * The route resolves the caller's roles in its own query (see PendingCaller): the guard only verifies the
 * token, and the handler takes @PendingCallerParam() and must settle it (settleCaller) before answering.
 * For hot reads only, where the second statement per request is what costs.
 */
export const ResolveCallerInQuery = (): MethodDecorator => SetMetadata(CALLER_IN_QUERY_KEY, true);

/** The verified but not yet authorized caller of a @ResolveCallerInQuery route. */
export const PendingCallerParam = createParamDecorator((_data: unknown, ctx: ExecutionContext): PendingCaller => {
  const pending = ctx.switchToHttp().getRequest<{ pendingCaller?: PendingCaller }>().pendingCaller;
  if (!pending) throw new Error('no pending caller on the request: is the route marked @ResolveCallerInQuery and the auth guard installed?');
  return pending;
});
