import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler } from '../../../core/queue/job-handler.js';
import { dispatchJobs, type JobResult } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { OutboxQueueRepository } from '../outbox-queue.repository.js';

const BATCH = 1000;

/**
 * Moves due outbox rows into the queue, DISPATCH_BATCH rows per job. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so relays running at once never take the
 * same row; the jobs are added before the claim commits, and the job id (first
 * row + generation + count) makes a repeated add a no-op. A job that runs before
 * the claim commits still finds its rows (see lockForDispatch).
 */
@Injectable()
@HandlesJob('outbox.relay')
export class OutboxRelayJob implements JobHandler<'outbox.relay'> {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: OutboxQueueRepository,
    private readonly queues: QueueService,
  ) {}

  async handle(): Promise<JobResult> {
    let moved = 0;
    for (;;) {
      const batch = await this.db.transaction(async (em) => {
        const rows = await this.outbox.claimDue(em, BATCH);
        await this.queues.addBulk('notify.dispatch', dispatchJobs(rows));
        return rows.length;
      });
      moved += batch;
      if (batch < BATCH) break;
    }
    return moved > 0 ? 'done' : 'skipped';
  }
}
