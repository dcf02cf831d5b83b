import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JOBS, type JobName, type JobPayloads, type QueueName } from './job-registry.js';
import { createQueueBackend, type QueueBackend } from './queue-backend.js';

/** Adds jobs to the queues named in the job registry, with each job's own options. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  readonly backend: QueueBackend;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.backend = createQueueBackend(config);
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.backend.createQueue(name);
      this.queues.set(name, q);
    }
    return q;
  }

  /** Adding a job whose id already exists is a no-op: ids make enqueueing idempotent. */
  async add<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string, delayMs = 0): Promise<void> {
    const def = JOBS[name];
    await this.queue(def.queue).add(name, payload, { ...def.options, jobId, delay: Math.max(0, delayMs) });
  }

  /** Many jobs of one name at once (one round trip); existing ids are skipped by the queue. */
  async addBulk<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; jobId: string }[]): Promise<void> {
    if (jobs.length === 0) return;
    const def = JOBS[name];
    await this.queue(def.queue).addBulk(jobs.map((j) => ({ name, data: j.payload, opts: { ...def.options, jobId: j.jobId } })));
  }

  /** Proves the backend answers (for /health). */
  async ping(): Promise<void> {
    await this.queue('system').getJobCounts('waiting');
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
