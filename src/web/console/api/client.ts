import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken, refresh } from '../auth/session';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** Requests kept until their answer, to be sent again once after a refreshed token (a 401 of an expired one). */
const retries = new Map<string, Request>();

/** Adds the access token to every API call; on a 401, refreshes once (across tabs, see session.ts) and retries. */
const auth: Middleware = {
  async onRequest({ request, id }) {
    const token = await accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    retries.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = retries.get(id);
    retries.delete(id);
    if (response.status !== 401 || !original) return response;
    const used = original.headers.get('authorization')?.replace(/^Bearer /, '');
    const token = await refresh(used);
    if (!token) return response;
    original.headers.set('authorization', `Bearer ${token}`);
    return fetch(original);
  },
  onError({ id }) {
    retries.delete(id);
  },
};

/** The typed API client (types generated from the committed openapi.json: `npm run openapi`). Same origin. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(auth);

/** The standard error body of the API. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; rule: string; message: string }[];
  requestId?: string;
}

/** The data of an openapi-fetch answer, or a thrown ApiError (for TanStack Query). */
export function data<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const error = (result.error ?? { statusCode: result.response.status, code: 'HTTP', message: result.response.statusText }) as ApiError;
    throw Object.assign(new Error(error.message), { api: error, status: result.response.status });
  }
  return result.data;
}

/** For answers without a body (204). */
export function ok(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) data(result as { data?: unknown; error?: unknown; response: Response });
}
