import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { errorBody } from '../http/http-exception.filter.js';
import { METRICS_REFUSALS, metricsAccess } from './metrics-access.js';
import type { MetricsService } from './metrics.service.js';

/**
 * The worker has no HTTP server of its own: this small listener (METRICS_PORT, default 9464) serves its
 * /metrics — process metrics, job durations and failures — under the same access rule as the API's
 * (METRICS_PUBLIC, else the METRICS_TOKEN bearer), and /health/live for a liveness probe. A port already in
 * use is logged and the worker goes on without it: metrics are not worth stopping the mail for.
 */
export async function startMetricsServer(
  metrics: MetricsService,
  config: Pick<AppConfig, 'metrics' | 'host'>,
  logger: Pick<Logger, 'log' | 'error'>,
): Promise<http.Server | undefined> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      const requestId = randomUUID();
      const send = (status: number, contentType: string, body: string) => {
        res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'x-request-id': requestId });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const json = (status: number, message: string) => send(status, 'application/json; charset=utf-8', JSON.stringify(errorBody(status, message, requestId)));
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, 'only GET and HEAD are served here');
      if (path === '/health/live') return send(200, 'application/json; charset=utf-8', JSON.stringify({ status: 'ok', process: 'worker', pid: process.pid }));
      if (path !== '/metrics') return json(404, 'only /metrics and /health/live are served here');
      const access = await metricsAccess(config, req.headers.authorization);
      if (access !== 'open') return json(METRICS_REFUSALS[access].status, METRICS_REFUSALS[access].message);
      const { body, contentType } = await metrics.scrape();
      send(200, contentType, body);
    })().catch((err: unknown) => {
      logger.error({ err }, 'metrics request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.metrics.workerPort, config.host, () => resolve());
    });
  } catch (err) {
    logger.error(
      { err: (err as Error).message, port: config.metrics.workerPort },
      'the worker could not serve its metrics (set METRICS_PORT); going on without them',
    );
    return undefined;
  }
  server.unref();
  const { port } = server.address() as AddressInfo;
  logger.log({ port, path: '/metrics' }, 'worker metrics listening');
  return server;
}
