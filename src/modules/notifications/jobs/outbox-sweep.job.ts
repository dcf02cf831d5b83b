import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { HandlesJob, type JobHandler } from '../../../core/queue/job-handler.js';
import { dispatchJobId, JOBS, sendJobId, type JobName, type JobPayloads, type JobResult } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { DeliveriesRepository } from '../deliveries.repository.js';
import { OutboxQueueRepository } from '../outbox-queue.repository.js';

const BATCH = 1000;

/**
 * The queue may lose jobs (Redis flushed, a crash between two writes): the
 * database still knows what is due. Outbox rows queued long ago and not done,
 * and deliveries not sent in time or whose sender died, are queued again under
 * the same job ids
 * (a job still waiting or running is left alone; a finished one is run afresh).
 */
@Injectable()
@HandlesJob('outbox.sweep')
export class OutboxSweepJob implements JobHandler<'outbox.sweep'> {
  private readonly logger = new Logger('OutboxSweepJob');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly outbox: OutboxQueueRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly queues: QueueService,
  ) {}

  async handle(): Promise<JobResult> {
    const { sweepAfterSeconds, sendLeaseSeconds } = this.config.notifications;
    const rows = await this.outbox.staleEnqueued(this.db.manager, sweepAfterSeconds, BATCH);
    let requeued = 0;
    for (const r of rows) {
      if (await this.requeue('notify.dispatch', dispatchJobId([r]), { outboxes: [r] })) requeued++;
    }
    await this.outbox.touchEnqueued(
      this.db.manager,
      rows.map((r) => r.id),
    );
    for (const id of await this.deliveries.stale(this.db.manager, sweepAfterSeconds, sendLeaseSeconds, BATCH)) {
      if (await this.requeue('mail.send', sendJobId([id]), { deliveryIds: [id] })) requeued++;
    }
    if (requeued) this.logger.warn({ requeued }, 'queued again work the queue had lost');
    return requeued ? 'done' : 'skipped';
  }

  /** True when a job had to be added or retried. */
  private async requeue<N extends JobName>(name: N, id: string, payload: JobPayloads[N]): Promise<boolean> {
    const queue = this.queues.queue(JOBS[name].queue);
    const job = await queue.getJob(id);
    if (!job) {
      await this.queues.add(name, payload, id);
      return true;
    }
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') {
      // Finished, yet the database says the work is not done (e.g. its worker died mid-way): run it afresh.
      await job.remove();
      await this.queues.add(name, payload, id);
      return true;
    }
    return false;
  }
}
