import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from './core/config/app-config.js';
import { AuthModule } from './core/auth/auth.module.js';
import { ConfigModule } from './core/config/config.module.js';
import { OutboxModule } from './core/outbox/outbox.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { MetricsModule } from './core/metrics/metrics.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { WORKER_CONCURRENCY, WorkerHost } from './core/queue/worker-host.service.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { domainModules } from './modules/domain-modules.js';
import { SystemModule } from './modules/system/system.module.js';

/**
 * The worker process: BullMQ processors and schedulers, no HTTP. It imports the same domain modules as the API
 * (their controllers are never mounted: this is an application context) and adds what only the worker runs:
 * WorkerHost, which starts a queue worker per queue, dispatches each job to its @HandlesJob provider and upserts
 * the job schedulers, and the deployment's own jobs (SystemModule). AuthModule is here because services of the
 * domain modules (sign-in, sessions) use its token service; its guard only acts on HTTP routes.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, concurrency = config.workerConcurrency): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'worker'),
        MetricsModule.forRoot('worker'),
        DiscoveryModule,
        DatabaseModule,
        QueueModule,
        AuditModule,
        AuthModule,
        OutboxModule,
        SystemModule,
        ...domainModules,
      ],
      providers: [WorkerHost, { provide: WORKER_CONCURRENCY, useValue: concurrency }],
    };
  }
}
