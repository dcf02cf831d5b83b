import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name, payload type and retry policy, in one place.
 * Payloads carry ids only: handlers reload what they need and return
 * "skipped" when there is nothing left to do.
 */
export const QUEUES = {
  system: 'system',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Periodic proof of life: the worker stamps its heartbeat row. */
  'system.heartbeat': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export interface JobDefinition {
  queue: QueueName;
  options: JobsOptions;
}

const keep = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } } satisfies JobsOptions;

export const JOBS: { [N in JobName]: JobDefinition } = {
  'system.heartbeat': { queue: QUEUES.system, options: { ...keep, attempts: 1 } },
};

/** Recurring work, upserted by the worker at boot. A scheduler only triggers a job. */
export const SCHEDULES: { id: string; job: JobName; everyMs: number }[] = [
  { id: 'system-heartbeat', job: 'system.heartbeat', everyMs: 30_000 },
];

export type JobResult = 'done' | 'skipped';

/** BullMQ job ids may not contain ':'. */
export function jobId(...parts: (string | number)[]): string {
  const id = parts.join('-');
  if (id.includes(':')) throw new Error(`job id "${id}" contains ':'`);
  return id;
}
