import { createPostgresBackend, createRedisBackend, type Queue, type Worker, type Processor, withBackend } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { QUEUES } from './job-registry.js';

export type QueueBackendKind = 'redis' | 'postgres';

/**
 * The one switch between BullMQ's backends: Redis when REDIS_URL is set (the
 * path for scale), otherwise BullMQ's PostgreSQL backend in the application's
 * own database. Everything above this file uses the same Queue and Worker API.
 */
export interface QueueBackend {
  kind: QueueBackendKind;
  /** Where the queue lives, without credentials, for logs and /health. */
  description: string;
  createQueue(name: string): Queue;
  createWorker(name: string, processor: Processor, concurrency: number): Worker;
}

/** The full name of every queue of the deployment (its prefix, then the registry's name). */
export function queueNames(config: Pick<AppConfig, 'queuePrefix'>): string[] {
  return Object.values(QUEUES).map((name) => `${config.queuePrefix}-${name}`);
}

export function createQueueBackend(config: Pick<AppConfig, 'redisUrl' | 'databaseUrl' | 'queueSchema' | 'queuePrefix' | 'queueLockMs'>): QueueBackend {
  const fullName = (name: string) => `${config.queuePrefix}-${name}`;
  // A killed worker's jobs are taken back once its lock runs out and the next stalled check sees it.
  const recovery = { lockDuration: config.queueLockMs, stalledInterval: config.queueLockMs };
  if (config.redisUrl) {
    const redisUrl = config.redisUrl;
    const { Queue, Worker } = withBackend(createRedisBackend);
    const connection = () => ({ url: redisUrl, maxRetriesPerRequest: null }) as never;
    return {
      kind: 'redis',
      description: `redis ${redact(redisUrl)}`,
      createQueue: (name) => new Queue(fullName(name), { connection: connection() }) as unknown as Queue,
      createWorker: (name, processor, concurrency) =>
        new Worker(fullName(name), processor, { connection: connection(), concurrency, ...recovery }) as unknown as Worker,
    };
  }
  // The schema owner migrates BullMQ's schema (src/core/queue/queue-schema.ts); the app's role only checks its version.
  const pg = { connectionString: config.databaseUrl, schema: config.queueSchema, migrate: false, max: 5 };
  const { Queue, Worker } = withBackend(createPostgresBackend);
  return {
    kind: 'postgres',
    description: `postgres ${redact(config.databaseUrl)} schema ${config.queueSchema}`,
    createQueue: (name) => new Queue(fullName(name), { connection: pg }) as unknown as Queue,
    createWorker: (name, processor, concurrency) => new Worker(fullName(name), processor, { connection: pg, concurrency, ...recovery }) as unknown as Worker,
  };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable url)';
  }
}
