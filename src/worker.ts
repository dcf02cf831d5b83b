import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './core/config/app-config.js';
import { migrateBeforeBoot } from './core/database/migrate-before-boot.js';
import { startMetricsServer } from './core/metrics/metrics-server.js';
import { MetricsService } from './core/metrics/metrics.service.js';
import { exitWithParent } from './core/process/exit-with-parent.js';
import { WorkerModule } from './worker.module.js';

/** The worker process: queues and schedulers; no HTTP but its metrics listener. */
async function main(): Promise<void> {
  const config = loadConfig();
  await migrateBeforeBoot(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // No HTTP server in the worker: its metrics (and a liveness probe) on a small listener of their own, METRICS_PORT.
  const metricsServer = await startMetricsServer(app.get(MetricsService), config, new NestLogger('WorkerMetrics'));
  exitWithParent(() => {
    metricsServer?.close();
    return app.close();
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
