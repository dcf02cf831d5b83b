import { ForbiddenException } from '../errors/domain.exception.js';
import type { Permission, Role, Scope } from './permissions.js';

/** Who is calling, resolved per request for the council in the route (if any). */
export interface Caller {
  userId: string | null;
  roles: Role[];
  /** The council the roles were computed for. */
  councilId: string | null;
  /** For delegates: their seat, delegation and participant in that council. */
  delegateId: string | null;
  delegationId: string | null;
  participantId: string | null;
  /** The scope the route's permission was granted with. */
  scope: Scope;
}

export const ANONYMOUS: Omit<Caller, 'scope'> = {
  userId: null,
  roles: ['anonymous'],
  councilId: null,
  delegateId: null,
  delegationId: null,
  participantId: null,
};

/**
 * The delegation a query must be limited to: null when the caller acts
 * council-wide (secretariat), the caller's own delegation otherwise.
 */
export function delegationScope(caller: Caller): string | null {
  if (caller.scope === 'council') return null;
  if (!caller.delegationId) throw new Error('an own-scoped permission was granted to a caller without a delegation');
  return caller.delegationId;
}

/**
 * The caller's own delegation, for what only a delegate does (acting, commenting, reading "mine") — a caller
 * without one (the secretariat, an administrator) is refused with 403 FORBIDDEN saying `why`, naming
 * `permission` when the refusal stands for one.
 */
export function requireDelegation(
  caller: Pick<Caller, 'delegationId'>,
  why = 'only a delegate acts for a delegation',
  permission: Permission | null = null,
): string {
  if (!caller.delegationId) throw new ForbiddenException(permission, why);
  return caller.delegationId;
}

/**
 * A caller whose token is verified but whose roles are not resolved yet: on a route marked
 * @ResolveCallerInQuery, the route's own query resolves them (the caller query folded into it, as a CTE, so
 * the request is one statement), and `settleCaller` (auth.guard.ts) then applies the route's permission
 * exactly as the guard does. Until it is settled, any error the request raises is answered as the guard
 * would have (the exception filter resolves the caller first: 401 and 403 still come before 400 or 404).
 */
export interface PendingCaller {
  userId: string;
  councilId: string | null;
  permission: Permission;
  /** The instant the roles are computed for (the chair's term). */
  at: Date;
  settled: boolean;
}
