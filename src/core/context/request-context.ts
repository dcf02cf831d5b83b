import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting and under which request id, for logs and the audit trail. */
export interface RequestContext {
  requestId: string;
  actorId: string | null;
  actorDelegationId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
