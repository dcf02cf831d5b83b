import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';

/**
 * Every queue, job name, payload type and retry policy, in one place.
 * Payloads carry ids only: handlers reload what they need and return
 * "skipped" when there is nothing left to do.
 */
export const QUEUES = {
  system: 'system',
  notify: 'notify',
  mail: 'mail',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Periodic proof of life: the worker stamps its heartbeat row. */
  'system.heartbeat': Record<string, never>;
  /** Moves due outbox rows into the queue (periodic). */
  'outbox.relay': Record<string, never>;
  /** Queues again what was queued long ago and is still not done: the queue may have lost it (periodic). */
  'outbox.sweep': Record<string, never>;
  /** Turns outbox rows (each in the generation it was queued in) into deliveries and inbox notifications. */
  'notify.dispatch': { outboxes: { id: string; generation: number }[] };
  /** Sends deliveries through SMTP. */
  'mail.send': { deliveryIds: string[] };
  /** Sends the daily digests that are due (periodic). */
  'notify.digest': Record<string, never>;
  /** Closes one written decision at its silence deadline (added with a delay up to it; the database decides, once). */
  'silence.close': { decisionId: string };
  /** Closes the open written decisions past their deadline that no close job closed: queue lost, worker down (periodic). */
  'silence.sweep': Record<string, never>;
  /** Passes the presidency at a term's end (added with a delay up to it; the database decides, once — presidency_transfers.from_term_id UNIQUE). */
  'presidency.transfer': { termId: string };
  /** Transfers (or extends), in order, every ended term not yet succeeded — catch-up after an outage — and queues the next ends (periodic). */
  'presidency.transfer_sweep': Record<string, never>;
  /** Alerts the secretariat and the member states, once a month per term, when no successor is known by when it must be (periodic). */
  'presidency.succession_check': Record<string, never>;
  /** (Re)schedules the handover reminders of every term not ended yet, under stable keys (periodic; idempotent). */
  'handover.plan': Record<string, never>;
  /** Assembles, once, the dossier of every term ending within its council's dossier window that has none (periodic). */
  'handover.dossier_assemble': Record<string, never>;
  /** Puts action items overdue by the council's agendaDays on the next senior officials agenda, each once (periodic). */
  'action_items.escalate': Record<string, never>;
  /** Compiles one meeting pack (a generation of a meeting_packs row; the handler reloads it and skips a superseded or finished one). */
  'meeting_pack.build': { packId: string; generation: number };
}
export type JobName = keyof JobPayloads;

export interface JobDefinition {
  queue: QueueName;
  options: JobsOptions;
}

const keep = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } } satisfies JobsOptions;
const periodic = { removeOnComplete: { count: 10 }, removeOnFail: { count: 100 }, attempts: 1 } satisfies JobsOptions;

export const JOBS: { [N in JobName]: JobDefinition } = {
  'system.heartbeat': { queue: QUEUES.system, options: { ...periodic } },
  'outbox.relay': { queue: QUEUES.notify, options: { ...periodic } },
  'outbox.sweep': { queue: QUEUES.notify, options: { ...periodic } },
  'notify.dispatch': { queue: QUEUES.notify, options: { ...keep, attempts: 10, backoff: { type: 'exponential', delay: 1000 } } },
  // Transient SMTP failures are retried with backoff; permanent ones fail at once (UnrecoverableError).
  'mail.send': { queue: QUEUES.mail, options: { ...keep, attempts: 8, backoff: { type: 'exponential', delay: 2000 } } },
  'notify.digest': { queue: QUEUES.notify, options: { ...periodic } },
  // Run before the deadline by the database's clock, a close fails and is retried; the sweeper is the backstop.
  'silence.close': { queue: QUEUES.system, options: { ...keep, attempts: 8, backoff: { type: 'exponential', delay: 1000 } } },
  'silence.sweep': { queue: QUEUES.system, options: { ...periodic } },
  // Run before the term's end by the database's clock, a transfer fails and is retried; the sweeper is the backstop.
  'presidency.transfer': { queue: QUEUES.system, options: { ...keep, attempts: 8, backoff: { type: 'exponential', delay: 1000 } } },
  'presidency.transfer_sweep': { queue: QUEUES.system, options: { ...periodic } },
  'presidency.succession_check': { queue: QUEUES.system, options: { ...periodic } },
  'handover.plan': { queue: QUEUES.system, options: { ...periodic } },
  'handover.dossier_assemble': { queue: QUEUES.system, options: { ...periodic } },
  'action_items.escalate': { queue: QUEUES.system, options: { ...periodic } },
  // A failed build is retried; after the last attempt the pack is marked failed (asked again a minute later, it is built again).
  'meeting_pack.build': { queue: QUEUES.system, options: { ...keep, attempts: 3, backoff: { type: 'exponential', delay: 2000 } } },
};

/** Recurring work, upserted by the worker at boot. A scheduler only triggers a job; dates that matter live in the database. */
export function schedules(config: AppConfig): { id: string; job: JobName; everyMs: number }[] {
  return [
    { id: 'system-heartbeat', job: 'system.heartbeat', everyMs: 30_000 },
    { id: 'outbox-relay', job: 'outbox.relay', everyMs: config.notifications.relayIntervalMs },
    { id: 'outbox-sweep', job: 'outbox.sweep', everyMs: config.notifications.sweepIntervalMs },
    { id: 'notify-digest', job: 'notify.digest', everyMs: config.notifications.digestIntervalMs },
    { id: 'silence-sweep', job: 'silence.sweep', everyMs: config.silence.sweepIntervalMs },
    { id: 'presidency-transfer-sweep', job: 'presidency.transfer_sweep', everyMs: config.presidency.transferSweepIntervalMs },
    { id: 'presidency-succession-check', job: 'presidency.succession_check', everyMs: config.presidency.successionCheckIntervalMs },
    { id: 'handover-plan', job: 'handover.plan', everyMs: config.handoverTimeline.planIntervalMs },
    { id: 'handover-dossier-assemble', job: 'handover.dossier_assemble', everyMs: config.handoverTimeline.dossierIntervalMs },
    { id: 'action-items-escalate', job: 'action_items.escalate', everyMs: config.actionItems.escalateIntervalMs },
  ];
}

export type JobResult = 'done' | 'skipped' | 'failed';

/**
 * How many outbox rows one dispatch job takes, and how many deliveries one send job takes. Each job costs a few
 * queue round trips and statements whatever its size (bench/reminders.mjs: a burst of 10,000 is CPU-bound in the
 * worker); a send job's messages go out at once over the SMTP pool, so a batch also bounds what one job holds.
 */
export const DISPATCH_BATCH = 100;
export const SEND_BATCH = 50;

/** Splits work into batches for jobs that take several ids. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Dispatch jobs for outbox rows, DISPATCH_BATCH rows each. */
export function dispatchJobs(outboxes: { id: string; generation: number }[]): { payload: JobPayloads['notify.dispatch']; jobId: string }[] {
  return chunks(outboxes, DISPATCH_BATCH).map((batch) => ({ payload: { outboxes: batch }, jobId: dispatchJobId(batch) }));
}

/** Send jobs for deliveries, SEND_BATCH each. */
export function sendJobs(deliveryIds: string[]): { payload: JobPayloads['mail.send']; jobId: string }[] {
  return chunks(deliveryIds, SEND_BATCH).map((batch) => ({ payload: { deliveryIds: batch }, jobId: sendJobId(batch) }));
}

/** The id of a dispatch job: the first row and its generation, plus how many more (a single row's id is what the sweeper uses). */
export function dispatchJobId(outboxes: { id: string; generation: number }[]): string {
  const [first] = outboxes;
  return outboxes.length === 1 ? jobId('outbox', first!.id, first!.generation) : jobId('outbox', first!.id, first!.generation, 'and', outboxes.length - 1);
}

/** The id of a send job: the first delivery, plus how many more (a single delivery's id is what the sweeper uses). */
export function sendJobId(deliveryIds: string[]): string {
  return deliveryIds.length === 1 ? jobId('delivery', deliveryIds[0]!) : jobId('delivery', deliveryIds[0]!, 'and', deliveryIds.length - 1);
}

/** BullMQ job ids may not contain ':'. */
export function jobId(...parts: (string | number)[]): string {
  const id = parts.join('-');
  if (id.includes(':')) throw new Error(`job id "${id}" contains ':'`);
  return id;
}
