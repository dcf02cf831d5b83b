import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AccessTokenService, InvalidTokenError } from '../auth/access-token.service.js';
import type { AppConfig } from '../config/app-config.js';
import { errorBody } from '../http/http-exception.filter.js';
import { METRICS_REFUSALS, metricsAccess } from './metrics-access.js';
import { MetricsService } from './metrics.service.js';

export const METRICS_PATH = '/metrics';

/**
 * The API's side of the metrics: every response is timed into http_request_duration_seconds under its
 * matched route pattern (never the raw URL, so ids do not make new series), and GET /metrics serves the
 * registry in Prometheus' text format. /metrics is outside the route table (and the OpenAPI document),
 * like the queue dashboard: a scraper presents METRICS_TOKEN, not an access token. Call before init.
 */
export function mountMetricsRoute(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? '(unmatched)', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const isAdmin = async (authorization: string): Promise<'admin' | 'signed-in' | 'invalid'> => {
    const token = /^Bearer (.+)$/.exec(authorization)?.[1] ?? '';
    let userId: string;
    try {
      userId = await app.get(AccessTokenService).verify(token);
    } catch (err) {
      if (err instanceof InvalidTokenError) return 'invalid';
      throw err;
    }
    const rows = (await app.get(DataSource).query(`SELECT is_admin FROM users WHERE id = $1 AND disabled_at IS NULL`, [userId])) as { is_admin: boolean }[];
    return rows.length === 0 ? 'invalid' : rows[0]!.is_admin ? 'admin' : 'signed-in';
  };

  fastify.get(METRICS_PATH, async (request, reply) => {
    const access = await metricsAccess(config, request.headers.authorization, isAdmin);
    if (access !== 'open') {
      const { status, message } = METRICS_REFUSALS[access];
      return reply.code(status).send(errorBody(status, message, String(request.id)));
    }
    const { body, contentType } = await metrics.scrape();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
