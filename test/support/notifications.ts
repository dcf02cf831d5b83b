import { randomUUID } from 'node:crypto';
import type { ReceivedMail } from '../../src/core/embedded/mail-sink.js';
import { QueueService } from '../../src/core/queue/queue.service.js';
import { OutboxRelayJob } from '../../src/modules/notifications/jobs/outbox-relay.job.js';
import { OutboxQueueRepository } from '../../src/modules/notifications/outbox-queue.repository.js';
import { delegateOf } from './actors.js';
import type { TestContext } from './test-app.js';
import { startWorker } from './worker.js';

/**
 * Helpers for the notification end-to-end tests: councils with seated
 * delegates who hold accounts, reminders through the API, and bounded polling
 * of the database and of the SMTP sink.
 */

/** Short intervals so that reminders, the sweeper and digests act within a second or two. */
export const FAST_NOTIFICATIONS: Record<string, string> = {
  OUTBOX_RELAY_INTERVAL_MS: '100',
  OUTBOX_SWEEP_INTERVAL_MS: '300',
  OUTBOX_SWEEP_AFTER_SECONDS: '1',
  // Long enough that a send slowed by a loaded CI machine is not taken for a dead worker's (the lease is only for those).
  SEND_LEASE_SECONDS: '30',
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs` naming `what`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(everyMs);
  }
}

/** Waits until the wall clock reaches `at` (a bounded wait: the tests only ever wait for instants a few seconds ahead). */
export async function waitUntilInstant(at: Date): Promise<void> {
  const ms = at.getTime() - Date.now();
  if (ms > 30_000) throw new Error(`refusing to wait ${ms} ms`);
  if (ms > 0) await sleep(ms);
}

/** Messages received by the sink for one address (optionally with a subject containing `subjectPart`). */
export function mailsTo(ctx: TestContext, email: string, subjectPart?: string): ReceivedMail[] {
  return ctx.mail.messages.filter((m) => m.to.includes(email) && (subjectPart === undefined || m.subject.includes(subjectPart)));
}

/** Messages whose subject contains `subjectPart`. */
export function mailsAbout(ctx: TestContext, subjectPart: string): ReceivedMail[] {
  return ctx.mail.messages.filter((m) => m.subject.includes(subjectPart));
}

/** Waits until each of `emails` received at least one message whose subject contains `subjectPart`. */
export async function waitForEach(ctx: TestContext, emails: string[], subjectPart: string, timeoutMs = 15_000): Promise<Map<string, ReceivedMail>> {
  return until(
    `a message "${subjectPart}" for each of ${emails.length} recipients`,
    () => {
      const got = new Map<string, ReceivedMail>();
      for (const e of emails) {
        const m = mailsTo(ctx, e, subjectPart)[0];
        if (m) got.set(e, m);
      }
      return got.size === emails.length ? got : undefined;
    },
    timeoutMs,
  );
}

/** A fresh council (the operator becomes its secretariat through the test trigger). */
export async function newCouncil(ctx: TestContext, workingLanguages: string[] = ['es', 'en', 'fr', 'pt'], name?: string): Promise<string> {
  const res = await ctx
    .http()
    .post('/councils')
    .send({ slug: `n-${randomUUID().slice(0, 8)}`, name: name ?? `Council ${randomUUID().slice(0, 8)}`, workingLanguages, timeZone: 'UTC' })
    .expect(201);
  return res.body.id as string;
}

/** A member state and the id of the delegation created with it. */
export async function newDelegation(ctx: TestContext, councilId: string, name: string, isoCode: string): Promise<string> {
  const p = await ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name, isoCode }).expect(201);
  const rows = (await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [p.body.id])) as { id: string }[];
  return rows[0]!.id;
}

export interface Person {
  userId: string;
  delegateId?: string;
  email: string;
}

/** A user seated as an active delegate, with the seat's language and zone (what notifications use). */
export async function seated(
  ctx: TestContext,
  councilId: string,
  delegationId: string,
  role: 'head' | 'alternate' | 'adviser',
  seat: { language?: 'es' | 'en' | 'fr' | 'pt'; timeZone?: string; fullName?: string } = {},
): Promise<Person> {
  const actor = await delegateOf(ctx, councilId, delegationId, role);
  await ctx.db.query(`UPDATE delegates SET preferred_language = $2, time_zone = $3, full_name = $4 WHERE id = $1`, [
    actor.delegateId,
    seat.language ?? 'en',
    seat.timeZone ?? 'UTC',
    seat.fullName ?? 'Test Delegate',
  ]);
  if (seat.fullName) await ctx.db.query(`UPDATE users SET full_name = $2 WHERE id = $1`, [actor.userId, seat.fullName]);
  const rows = (await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [actor.userId])) as { email: string }[];
  return { userId: actor.userId, delegateId: actor.delegateId, email: rows[0]!.email };
}

export interface ReminderBody {
  title: string;
  message?: string;
  sendAt: Date;
  audience?: { roles?: string[]; delegationIds?: string[] };
}

export interface Reminder {
  id: string;
  title: string;
  sendAt: string;
  status: string;
  version: number;
}

/** POST /councils/:id/reminders as the secretariat (the operator). */
export async function createReminder(ctx: TestContext, councilId: string, body: ReminderBody): Promise<Reminder> {
  const res = await ctx
    .http()
    .post(`/councils/${councilId}/reminders`)
    .send({ title: body.title, message: body.message ?? `Message for ${body.title}`, sendAt: body.sendAt.toISOString(), audience: body.audience ?? {} });
  if (res.status !== 201) throw new Error(`creating reminder failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Reminder;
}

export interface DeliveryRow {
  id: string;
  user_id: string;
  recipient: string;
  status: string;
  language: string;
  subject_line: string;
  message_id: string | null;
  sent_at: Date | null;
  created_at: Date;
  digest_id: string | null;
  kind: string;
}

/** The ledger rows about one subject (e.g. a reminder id). */
export async function deliveriesOf(ctx: TestContext, subjectId: string): Promise<DeliveryRow[]> {
  return ctx.db.query(
    `SELECT id::text AS id, user_id, recipient, status, language, subject_line, message_id, sent_at, created_at, digest_id::text AS digest_id, kind
       FROM deliveries WHERE subject_id = $1 ORDER BY recipient`,
    [subjectId],
  );
}

/** Inbox rows about one subject. */
export async function inboxOf(ctx: TestContext, subjectId: string): Promise<{ user_id: string; title: string; delivery_id: string | null }[]> {
  return ctx.db.query(`SELECT user_id, title, delivery_id::text AS delivery_id FROM notifications WHERE subject_id = $1 ORDER BY user_id`, [subjectId]);
}

export async function outboxOf(ctx: TestContext, subjectId: string): Promise<{ id: string; status: string; generation: number; due_at: Date }[]> {
  return ctx.db.query(`SELECT id::text AS id, status, generation, due_at FROM outbox WHERE subject_id = $1 ORDER BY id`, [subjectId]);
}

/** Counts per (recipient) of mails whose subject contains `subjectPart`. */
export function countsByRecipient(ctx: TestContext, subjectPart: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of mailsAbout(ctx, subjectPart)) for (const to of m.to) counts[to] = (counts[to] ?? 0) + 1;
  return counts;
}

/**
 * Runs the real relay once from the API process (its queue connection), so
 * that due outbox rows are claimed and their dispatch jobs added without any
 * worker consuming them: the state "queued, not yet sent" made deterministic.
 */
export async function relayOnce(ctx: TestContext): Promise<void> {
  await new OutboxRelayJob(ctx.db, new OutboxQueueRepository(), ctx.app.get(QueueService)).handle();
}

/** Starts a fresh worker on the context's configuration and makes it the one `ctx.close()` stops. */
export async function restartWorker(ctx: TestContext): Promise<void> {
  ctx.worker = await startWorker({ config: ctx.config });
}

/** Stops the context's worker (its queues, schedulers and database pool); `ctx.close()` will not stop it again. */
export async function stopWorker(ctx: TestContext): Promise<void> {
  const worker = ctx.worker;
  ctx.worker = undefined;
  await worker?.close();
}
