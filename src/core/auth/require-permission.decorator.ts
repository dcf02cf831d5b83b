import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Caller } from './caller.js';
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
