import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job, Worker } from 'bullmq';
import { DomainException } from '../errors/domain.exception.js';
import { JOB_HANDLER, type JobHandler } from './job-handler.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { JOBS, QUEUES, schedules, type JobName } from './job-registry.js';
import { QueueService } from './queue.service.js';

export const WORKER_CONCURRENCY = Symbol('WORKER_CONCURRENCY');

/**
 * Runs a BullMQ worker per queue and dispatches each job to the provider
 * decorated with @HandlesJob for its name; upserts the job schedulers.
 */
/** How long shutdown waits for running jobs. */
const SHUTDOWN_GRACE_MS = 10_000;

@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<string, JobHandler<JobName>>();
  private schedulerTimer?: NodeJS.Timeout;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queues: QueueService,
    @Inject(WORKER_CONCURRENCY) private readonly concurrency: number,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const name = wrapper.metatype ? (Reflect.getMetadata(JOB_HANDLER, wrapper.metatype) as JobName | undefined) : undefined;
      if (name && wrapper.instance) this.handlers.set(name, wrapper.instance as JobHandler<JobName>);
    }
    const missing = (Object.keys(JOBS) as JobName[]).filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`No handler for jobs: ${missing.join(', ')}`);

    for (const queueName of Object.values(QUEUES)) {
      const worker = this.queues.backend.createWorker(queueName, (job) => this.metrics.timeJob(queueName, job.name, () => this.process(job)), this.concurrency);
      worker.on('error', (err) => this.logger.error({ err, queue: queueName }, 'queue worker error'));
      this.workers.push(worker);
    }
    await this.upsertSchedulers();
    // The schedulers live in the queue: if it loses them (Redis flushed), nothing would relay or sweep again.
    // Upserting is idempotent, so they are put back as often as the sweeper runs.
    this.schedulerTimer = setInterval(() => {
      this.upsertSchedulers().catch((err: unknown) => this.logger.error({ err }, 'could not restore the job schedulers'));
    }, this.config.notifications.sweepIntervalMs);
    this.schedulerTimer.unref();
    this.logger.log({ queues: Object.values(QUEUES), backend: this.queues.backend.kind }, 'worker listening');
  }

  private async upsertSchedulers(): Promise<void> {
    for (const s of schedules(this.config)) {
      await this.queues.queue(JOBS[s.job].queue).upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.job, data: {}, opts: JOBS[s.job].options });
    }
  }

  private async process(job: Job): Promise<string> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    try {
      const result = await handler.handle(job.data as never, job as never);
      this.logger.debug({ job: job.name, jobId: job.id, result }, 'job finished');
      return result;
    } catch (err) {
      const code = err instanceof DomainException ? err.code : 'INTERNAL';
      this.logger.error({ err, code, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 }, 'job failed');
      throw err;
    }
  }

  /**
   * Stops taking jobs and waits for the running ones — for at most SHUTDOWN_GRACE_MS: a job stuck past that (a lock,
   * a dead connection) must not hold the process. Such a job is not lost: its lock runs out and it runs again
   * elsewhere, and every job is safe to run twice.
   */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.schedulerTimer);
    await Promise.all(
      this.workers.map(async (w) => {
        const closed = w.close().then(
          () => 'closed' as const,
          () => 'closed' as const,
        );
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), SHUTDOWN_GRACE_MS)));
        const outcome = await Promise.race([closed, late]);
        clearTimeout(timer);
        if (outcome === 'late') this.logger.warn({ queue: w.name, graceMs: SHUTDOWN_GRACE_MS }, 'jobs still running at shutdown: not waiting for them');
      }),
    );
  }
}
