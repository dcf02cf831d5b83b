import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { QUEUES } from '../queue/job-registry.js';
import { QueueService } from '../queue/queue.service.js';
import { MetricsService } from './metrics.service.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

interface Snapshot {
  queues: { queue: string; state: string; jobs: number }[];
  outbox: { dueNow: number; later: number; enqueued: number; oldestPendingAgeSeconds: number };
  deliveries: { status: string; n: number }[];
  lastHeartbeat: number | null;
}

/**
 * The deployment's gauges, the same whichever API process is scraped (aggregate them with max, not sum):
 * queue depth per queue and state, the outbox's pending rows and how long the oldest due one has waited, the
 * delivery ledger by status, and the newest worker heartbeat. Read when scraped (one snapshot per scrape), under a statement timeout; when the database or the queue does not answer, the
 * gauges are left out and protempore_deployment_metrics_up is 0 — the scrape itself still answers.
 */
@Injectable()
export class DeploymentMetrics implements OnModuleInit {
  private readonly logger = new Logger('DeploymentMetrics');
  private inFlight?: Promise<Snapshot | null>;

  constructor(
    private readonly metrics: MetricsService,
    private readonly db: DataSource,
    private readonly queues: QueueService,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const read = () => this.snapshot();
    new Gauge({
      name: 'protempore_deployment_metrics_up',
      help: '1 when the deployment gauges below could be read (database and queue answered), else 0',
      registers,
      async collect() {
        this.set((await read()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'protempore_queue_jobs',
      help: 'Jobs in each work queue, by state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const q of (await read())?.queues ?? []) this.set({ queue: q.queue, state: q.state }, q.jobs);
      },
    });
    new Gauge({
      name: 'protempore_outbox_pending_rows',
      help: 'Outbox rows waiting for the relay: due="now" (due, not yet queued) or due="later" (planned reminders)',
      labelNames: ['due'],
      registers,
      async collect() {
        this.reset();
        const s = await read();
        if (!s) return;
        this.set({ due: 'now' }, s.outbox.dueNow);
        this.set({ due: 'later' }, s.outbox.later);
      },
    });
    new Gauge({
      name: 'protempore_outbox_enqueued_rows',
      help: 'Outbox rows handed to the queue and not dispatched yet',
      registers,
      async collect() {
        this.reset();
        const s = await read();
        if (s) this.set(s.outbox.enqueued);
      },
    });
    new Gauge({
      name: 'protempore_outbox_oldest_pending_age_seconds',
      help: 'How long the oldest due outbox row has been waiting for the relay (0 when none is due)',
      registers,
      async collect() {
        this.reset();
        const s = await read();
        if (s) this.set(s.outbox.oldestPendingAgeSeconds);
      },
    });
    new Gauge({
      name: 'protempore_deliveries',
      help: 'Rows of the delivery ledger by status (pending, sending, sent, failed, held, digested, skipped)',
      labelNames: ['status'],
      registers,
      async collect() {
        this.reset();
        for (const d of (await read())?.deliveries ?? []) this.set({ status: d.status }, d.n);
      },
    });
    new Gauge({
      name: 'protempore_worker_last_heartbeat_timestamp_seconds',
      help: 'Unix time of the newest worker heartbeat (the system.heartbeat job, every 30 s); alert on time() minus this',
      registers,
      async collect() {
        this.reset();
        const s = await read();
        if (s?.lastHeartbeat != null) this.set(s.lastHeartbeat);
      },
    });
  }

  /** One read shared by the gauges of one scrape (prom-client collects them all at once); concurrent scrapes share it too. */
  private snapshot(): Promise<Snapshot | null> {
    this.inFlight ??= this.read()
      .catch((err: unknown) => {
        this.logger.warn({ err: (err as Error).message }, 'the deployment metrics could not be read');
        return null;
      })
      .finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async read(): Promise<Snapshot> {
    const [db, queues] = await Promise.all([
      this.db.transaction(async (em) => {
        await em.query(`SET LOCAL statement_timeout = 5000`);
        const [outbox] = (await em.query(
          `SELECT count(*) FILTER (WHERE status = 'pending' AND due_at <= now())::int AS "dueNow",
                  count(*) FILTER (WHERE status = 'pending' AND due_at > now())::int AS later,
                  count(*) FILTER (WHERE status = 'enqueued')::int AS enqueued,
                  coalesce(extract(epoch FROM now() - min(due_at) FILTER (WHERE status = 'pending' AND due_at <= now())), 0)::float8
                    AS "oldestPendingAgeSeconds"
             FROM outbox WHERE status IN ('pending', 'enqueued')`,
        )) as Snapshot['outbox'][];
        const deliveries = (await em.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status ORDER BY status`)) as Snapshot['deliveries'];
        const [hb] = (await em.query(`SELECT extract(epoch FROM max(seen_at))::float8 AS at FROM worker_heartbeats`)) as { at: number | null }[];
        return { outbox: outbox!, deliveries, lastHeartbeat: hb?.at ?? null };
      }),
      Promise.all(
        Object.values(QUEUES).map(async (name) => {
          const counts = await this.queues.queue(name).getJobCounts(...JOB_STATES);
          return JOB_STATES.map((state) => ({ queue: name, state, jobs: counts[state] ?? 0 }));
        }),
      ),
    ]);
    return { ...db, queues: queues.flat() };
  }
}
