import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from './core/config/app-config.js';
import { ConfigModule } from './core/config/config.module.js';
import { OutboxModule } from './core/outbox/outbox.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { MailModule } from './core/mail/mail.module.js';
import { MetricsModule } from './core/metrics/metrics.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { WORKER_CONCURRENCY, WorkerHost } from './core/queue/worker-host.service.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { ActionItemsWorkerModule } from './modules/action-items/reminders/action-items-worker.module.js';
import { MeetingsWorkerModule } from './modules/meetings/meetings-worker.module.js';
import { MinutesWorkerModule } from './modules/meetings/minutes/minutes-worker.module.js';
import { SilenceWorkerModule } from './modules/meetings/silence/silence-worker.module.js';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module.js';
import { TransferWorkerModule } from './modules/presidency/transfer/transfer-worker.module.js';
import { SystemModule } from './modules/system/system.module.js';
import { HandoverDossierWorkerModule } from './modules/presidency/dossier/dossier-worker.module.js';
import { HandoverTimelineWorkerModule } from './modules/presidency/timeline/handover-timeline-worker.module.js';
import { MeetingPackWorkerModule } from './modules/meetings/pack/meeting-pack-worker.module.js';

/** The worker process: BullMQ processors and schedulers, no HTTP. */
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
        MailModule,
        AuditModule,
        SystemModule,
        OutboxModule,
        NotificationsWorkerModule,
        MeetingsWorkerModule,
        MinutesWorkerModule,
        SilenceWorkerModule,
        HandoverTimelineWorkerModule,
        HandoverDossierWorkerModule,
        ActionItemsWorkerModule,
        TransferWorkerModule,
        MeetingPackWorkerModule,
      ],
      providers: [WorkerHost, { provide: WORKER_CONCURRENCY, useValue: concurrency }],
    };
  }
}
