import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export type MetricsProcess = 'api' | 'worker';

/** Seconds: from a fast cached read to a slow page or a stuck SMTP server. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * One process's Prometheus registry (prom-client): the default process and Node.js metrics, the HTTP request
 * durations (API) and the job durations and failures (worker), every series labelled with the process kind.
 * A registry per instance, not prom-client's global one, so that several applications in one process (tests)
 * never register a metric twice. The deployment's gauges (queues, outbox, ledger, heartbeat) are added by
 * DeploymentMetrics, in the API only.
 */
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly jobDuration: Histogram<'queue' | 'job' | 'outcome'>;
  readonly jobFailures: Counter<'queue' | 'job'>;

  constructor(readonly processName: MetricsProcess) {
    this.registry.setDefaultLabels({ process: processName });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern (not the raw URL; "(unmatched)" when no route matched) and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'protempore_job_duration_seconds',
      help: "Jobs run by this worker, by queue, job name and outcome (the handler's result: done, skipped; or failed)",
      labelNames: ['queue', 'job', 'outcome'],
      buckets: JOB_BUCKETS,
      registers: [this.registry],
    });
    this.jobFailures = new Counter({
      name: 'protempore_job_failures_total',
      help: 'Job attempts that failed in this worker (each retry counts), by queue and job name',
      labelNames: ['queue', 'job'],
      registers: [this.registry],
    });
  }

  /** Times one job run; failures are counted and rethrown. */
  async timeJob<T extends string>(queue: string, job: string, run: () => Promise<T>): Promise<T> {
    const end = this.jobDuration.startTimer({ queue, job });
    try {
      const outcome = await run();
      end({ outcome });
      return outcome;
    } catch (err) {
      end({ outcome: 'failed' });
      this.jobFailures.inc({ queue, job });
      throw err;
    }
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
