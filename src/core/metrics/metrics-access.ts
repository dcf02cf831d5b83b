import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';

export type MetricsAccess = 'open' | 'unauthenticated' | 'forbidden';

/** Constant-time comparison of a presented bearer token with the configured one. */
function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read /metrics (the API's and the worker's): anyone when METRICS_PUBLIC (development's default);
 * otherwise `Authorization: Bearer <METRICS_TOKEN>`, or — on the API, through `isAdmin` — a system
 * administrator's access token: 'forbidden' when the token is a valid one of someone else.
 */
export async function metricsAccess(
  config: Pick<AppConfig, 'metrics'>,
  authorization: string | string[] | undefined,
  isAdmin?: (authorization: string) => Promise<'admin' | 'signed-in' | 'invalid'>,
): Promise<MetricsAccess> {
  if (config.metrics.public) return 'open';
  if (typeof authorization !== 'string') return 'unauthenticated';
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
  if (!match) return 'unauthenticated';
  if (config.metrics.token && sameToken(match[1]!, config.metrics.token)) return 'open';
  if (!isAdmin) return 'unauthenticated';
  const who = await isAdmin(authorization);
  return who === 'admin' ? 'open' : who === 'signed-in' ? 'forbidden' : 'unauthenticated';
}

/** The refusal's status and message (the body is the API's error body, see errorBody). */
export const METRICS_REFUSALS = {
  unauthenticated: {
    status: 401,
    message: 'the metrics need "Authorization: Bearer <METRICS_TOKEN>" (on the API, a system administrator\'s access token opens them too)',
  },
  forbidden: { status: 403, message: 'the metrics are for the operators: METRICS_TOKEN or a system administrator' },
} as const;
