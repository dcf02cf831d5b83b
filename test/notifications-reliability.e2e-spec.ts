import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { OutboxService } from '../src/core/outbox/outbox.service.js';
import { dispatchJobId, jobId, type JobPayloads, sendJobId } from '../src/core/queue/job-registry.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { COUNCIL_REMINDER_KIND } from '../src/modules/notifications/council-reminders/council-reminder.kind.js';
import { DispatchJob } from '../src/modules/notifications/jobs/dispatch.job.js';
import { SendMailJob } from '../src/modules/notifications/jobs/send-mail.job.js';
import {
  FAST_NOTIFICATIONS,
  countsByRecipient,
  createReminder,
  deliveriesOf,
  inboxOf,
  mailsAbout,
  newCouncil,
  newDelegation,
  outboxOf,
  type Person,
  relayOnce,
  restartWorker,
  seated,
  sleep,
  stopWorker,
  until,
  waitForEach,
  waitUntilInstant,
} from './support/notifications.js';
import { findRedisServer, type RunningRedis, startRedis } from './support/servers.js';
import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';
import { startWorker } from './support/worker.js';

/**
 * Reliability of the notification pipeline with the real workers, database,
 * queue and SMTP sink: many triggers for one reminder still make one email; a
 * Redis that loses every job is made good by the sweeper; an outbox row written
 * by a change that rolls back never becomes a job or an email.
 *
 * The races are made to happen, not hoped for: the test holds a row lock that
 * every trigger needs, waits until the workers' database connections are all
 * blocked on it, then lets go.
 */

const RACERS = 50;
/** Two workers with 5 database connections each in tests (DatabaseModule): all but a couple of them blocked at once. */
const BLOCKED_AT_ONCE = 8;

/** A transaction of the test's own holding `FOR UPDATE` on the one row `sql` selects, until released. */
async function lockRow(ctx: TestContext, sql: string, params: unknown[]): Promise<{ release(): Promise<void> }> {
  const qr = ctx.db.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  const rows = (await qr.query(`${sql} FOR UPDATE`, params)) as unknown[];
  if (rows.length !== 1) {
    await qr.rollbackTransaction();
    await qr.release();
    throw new Error(`lockRow: expected one row, got ${rows.length}`);
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await qr.commitTransaction();
      await qr.release();
    },
  };
}

/** Waits until at least `n` sessions of the test's database are blocked on a lock at the same moment. */
async function blockedOnLocks(ctx: TestContext, n: number): Promise<number> {
  return until(`${n} sessions blocked on the held row at once`, async () => {
    const [row] = (await ctx.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)) as {
      n: number;
    }[];
    return row!.n >= n ? row!.n : undefined;
  });
}

/** Every job of the queue, in any state. */
async function allJobs(queue: Queue): Promise<Job[]> {
  return (await queue.getJobs()).filter((j): j is Job => !!j);
}

/** Dispatch jobs (whatever their ids and batches) that name the outbox row. */
async function dispatchJobsFor(queue: Queue, outboxId: string): Promise<Job[]> {
  return (await allJobs(queue)).filter(
    (j) => j.name === 'notify.dispatch' && (j.data as JobPayloads['notify.dispatch']).outboxes.some((o) => o.id === outboxId),
  );
}

/** Send jobs (whatever their ids and batches) that name the delivery. */
async function sendJobsFor(queue: Queue, deliveryId: string): Promise<Job[]> {
  return (await allJobs(queue)).filter((j) => j.name === 'mail.send' && (j.data as JobPayloads['mail.send']).deliveryIds.includes(deliveryId));
}

/** The state of each job id (a completed job may already be gone: the periodic jobs sharing a queue trim its completed set). */
async function jobStates(queue: Queue, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await (await queue.getJob(id))?.getState()) ?? 'gone'));
}

/** Waits until every job id has run (completed or gone); fails if any failed. */
async function drained(what: string, queue: Queue, ids: string[]): Promise<void> {
  const states = await until(`${what} to have run`, async () => {
    const st = await jobStates(queue, ids);
    return st.every((x) => x === 'completed' || x === 'gone' || x === 'failed') ? st : undefined;
  });
  expect(states.filter((x) => x === 'failed')).toEqual([]);
}

const tally = (values: unknown[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [String(v)]: (acc[String(v)] ?? 0) + 1 }), {});

describe.each<QueueKind>(['postgres', 'redis'])('notification reliability on the %s queue', (queue) => {
  let ctx: TestContext;
  /** A second worker (its own database pool, queue connections and relay/sweep schedules), as with several replicas in production. */
  let secondWorker: INestApplicationContext;
  let councilId: string;
  let mx: string;
  let mxHead: Person;
  let queues: QueueService;

  beforeAll(async () => {
    ctx = await createTestContext({ queue, worker: true, env: FAST_NOTIFICATIONS });
    secondWorker = await startWorker({ config: ctx.config });
    queues = ctx.app.get(QueueService);
    councilId = await newCouncil(ctx);
    mx = await newDelegation(ctx, councilId, 'Mexico', 'MX');
    mxHead = await seated(ctx, councilId, mx, 'head');
  });
  afterAll(async () => {
    await secondWorker?.close();
    await ctx?.close();
  });

  it(`${RACERS} concurrent dispatches of one outbox row, then ${RACERS} concurrent sends of its delivery → one delivery, one email`, async () => {
    const notifyQueue = queues.queue('notify');
    const mailQueue = queues.queue('mail');
    const workers = [ctx.worker!, secondWorker];
    const tag = randomUUID().slice(0, 8);
    // Sending waits for phase two, so that the delivery exists and is still unsent when the senders race.
    await mailQueue.pause();
    let reminderLock: { release(): Promise<void> } | undefined;
    let deliveryLock: { release(): Promise<void> } | undefined;
    try {
      const reminder = await createReminder(ctx, councilId, { title: `Race ${tag}`, sendAt: new Date(Date.now() + 1_000), audience: { delegationIds: [mx] } });
      // A dispatcher locks the outbox row, then the reminder (the kind reloads it FOR UPDATE): while the test holds the
      // reminder, the first dispatcher waits there and every other one waits on the outbox row behind it.
      reminderLock = await lockRow(ctx, `SELECT id FROM council_reminders WHERE id = $1`, [reminder.id]);
      // A worker's relay claims the row at its time and queues its dispatch job.
      const [row] = await until('the relay to claim the reminder', async () => {
        const rows = await outboxOf(ctx, reminder.id);
        return rows[0]?.status === 'enqueued' ? rows : undefined;
      });
      const outboxes = [{ id: row!.id, generation: row!.generation }];

      // Phase one: RACERS direct handler calls (on both workers) and RACERS more queued jobs with ids of their own
      // (so the queue cannot merge them), besides the relay's job.
      const direct = Array.from({ length: RACERS }, (_, i) => workers[i % 2]!.get(DispatchJob).handle({ outboxes }));
      const dispatchIds = [dispatchJobId(outboxes), ...Array.from({ length: RACERS }, (_, i) => jobId('race-dispatch', row!.id, i))];
      await Promise.all(dispatchIds.slice(1).map((id) => queues.add('notify.dispatch', { outboxes }, id)));
      await blockedOnLocks(ctx, BLOCKED_AT_ONCE);
      // Nothing has got through yet: the relay's job and the racers' are all in the queue, none has finished.
      expect((await jobStates(notifyQueue, dispatchIds)).filter((st) => st !== 'waiting' && st !== 'active')).toEqual([]);
      await reminderLock.release();
      const directResults = await Promise.all(direct);
      await drained('the dispatch jobs', notifyQueue, dispatchIds);
      // Exactly one of them did the work: a direct call reports 'done' at most once (the jobs' results cannot be read
      // back, see jobStates), and the work left one audit row, one delivery and one inbox notification.
      expect(directResults.filter((r) => r !== 'skipped' && r !== 'done')).toEqual([]);
      expect(directResults.filter((r) => r === 'done').length).toBeLessThanOrEqual(1);
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'council_reminder.sent'`, [reminder.id])) as unknown[];
      expect(audit).toHaveLength(1);
      const [delivery, ...extra] = await deliveriesOf(ctx, reminder.id);
      expect(extra).toEqual([]);
      expect(delivery).toMatchObject({ recipient: mxHead.email, status: 'pending' });
      expect((await inboxOf(ctx, reminder.id)).map((n) => n.user_id)).toEqual([mxHead.userId]);
      expect((await outboxOf(ctx, reminder.id)).map((r) => r.status)).toEqual(['done']);

      // Phase two: the delivery's own send job (waiting in the paused queue), RACERS direct sends and RACERS more send
      // jobs, all held on the delivery row, then let go together.
      deliveryLock = await lockRow(ctx, `SELECT id FROM deliveries WHERE id = $1`, [delivery!.id]);
      const sends = Array.from({ length: RACERS }, (_, i) => workers[i % 2]!.get(SendMailJob).handle({ deliveryIds: [delivery!.id] }));
      const sendIds = [sendJobId([delivery!.id]), ...Array.from({ length: RACERS }, (_, i) => jobId('race-send', delivery!.id, i))];
      await Promise.all(sendIds.slice(1).map((id) => queues.add('mail.send', { deliveryIds: [delivery!.id] }, id)));
      await mailQueue.resume();
      await blockedOnLocks(ctx, BLOCKED_AT_ONCE);
      expect((await jobStates(mailQueue, sendIds)).filter((st) => st !== 'waiting' && st !== 'active')).toEqual([]);
      await deliveryLock.release();
      const sendResults = await Promise.all(sends);
      await drained('the send jobs', mailQueue, sendIds);
      expect(sendResults.filter((r) => r !== 'skipped' && r !== 'done')).toEqual([]);
      expect(sendResults.filter((r) => r === 'done').length).toBeLessThanOrEqual(1);
      // Claimed once only: each claim counts an attempt.
      expect(await ctx.db.query(`SELECT attempts, status FROM deliveries WHERE id = $1`, [delivery!.id])).toEqual([{ attempts: 1, status: 'sent' }]);

      // One message at the sink, and still one after the relays and sweepers have run several more times.
      const got = await waitForEach(ctx, [mxHead.email], `Race ${tag}`);
      await sleep(700);
      expect(countsByRecipient(ctx, tag)).toEqual({ [mxHead.email]: 1 });
      const ledger = await deliveriesOf(ctx, reminder.id);
      expect(ledger.map((d) => [d.recipient, d.status, d.message_id])).toEqual([[mxHead.email, 'sent', `<delivery-${delivery!.id}@protempore>`]]);
      expect(got.get(mxHead.email)!.parsed.messageId).toBe(ledger[0]!.message_id);
    } finally {
      await reminderLock?.release();
      await deliveryLock?.release();
      await mailQueue.resume();
    }
  }, 30_000);

  it(`${RACERS} concurrent PATCHes of one reminder: one wins, its outbox row moves once, one email at the winner's time`, async () => {
    const tag = randomUUID().slice(0, 8);
    const reminder = await createReminder(ctx, councilId, {
      title: `Patched ${tag}`,
      sendAt: new Date(Date.now() + 60_000),
      audience: { delegationIds: [mx] },
    });
    const base = Date.now() + 3_000;
    const responses = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        ctx
          .http()
          .patch(`/councils/${councilId}/reminders/${reminder.id}`)
          .send({ version: reminder.version, title: `Patched ${tag} #${i}`, sendAt: new Date(base + i * 10).toISOString() }),
      ),
    );
    expect(tally(responses.map((r) => r.status))).toEqual({ 200: 1, 409: RACERS - 1 });
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.code).toBe('STALE_VERSION');
    const winner = responses.find((r) => r.status === 200)!.body as { title: string; sendAt: string; version: number };
    expect(winner.version).toBe(2);
    // One live outbox row, moved once (its second generation), due at the winner's time; still pending unless that
    // time has come while fifty requests ran on a loaded machine.
    const checkedAt = Date.now();
    const [row, ...others] = await outboxOf(ctx, reminder.id);
    expect({ generation: row!.generation, dueAt: row!.due_at.toISOString(), others }).toEqual({ generation: 2, dueAt: winner.sendAt, others: [] });
    if (checkedAt < new Date(winner.sendAt).getTime()) expect(row!.status).toBe('pending');

    const got = await waitForEach(ctx, [mxHead.email], `Patched ${tag}`);
    expect(got.get(mxHead.email)!.subject).toContain(winner.title);
    expect(got.get(mxHead.email)!.receivedAt.getTime()).toBeGreaterThanOrEqual(new Date(winner.sendAt).getTime());
    await sleep(700);
    expect(countsByRecipient(ctx, `Patched ${tag}`)).toEqual({ [mxHead.email]: 1 });
    expect((await deliveriesOf(ctx, reminder.id)).map((d) => [d.recipient, d.status])).toEqual([[mxHead.email, 'sent']]);
  }, 20_000);

  it(`${RACERS} PATCHes racing the firing of a reminder: never a 500, and exactly one email with the content it had when it fired`, async () => {
    const tag = randomUUID().slice(0, 8);
    const at = new Date(Date.now() + 1_000);
    const reminder = await createReminder(ctx, councilId, { title: `Firing ${tag}`, sendAt: at, audience: { delegationIds: [mx] } });
    // Each racer reads the current version and edits the title, starting between 100 ms before and 300 ms after the
    // due time: early ones get in before the dispatch (moving the row to a new generation), later ones find it sent.
    await waitUntilInstant(new Date(at.getTime() - 100));
    const responses = await Promise.all(
      Array.from({ length: RACERS }, async (_, i) => {
        await sleep(i * 8);
        const current = await ctx.http().get(`/councils/${councilId}/reminders/${reminder.id}`).expect(200);
        return ctx
          .http()
          .patch(`/councils/${councilId}/reminders/${reminder.id}`)
          .send({ version: current.body.version, title: `Firing ${tag} #${i}` });
      }),
    );
    expect(responses.filter((r) => r.status !== 200 && r.status !== 409).map((r) => [r.status, r.body])).toEqual([]);
    for (const r of responses.filter((x) => x.status === 409)) expect(['STALE_VERSION', 'REMINDER_NOT_SCHEDULED', 'CONCURRENT_CHANGE']).toContain(r.body.code);

    await waitForEach(ctx, [mxHead.email], `Firing ${tag}`);
    await sleep(700);
    const final = await ctx.http().get(`/councils/${councilId}/reminders/${reminder.id}`).expect(200);
    expect(final.body.status).toBe('sent');
    const mails = mailsAbout(ctx, `Firing ${tag}`);
    expect(mails.map((m) => m.to)).toEqual([[mxHead.email]]);
    // The message carries the title of the last edit that got in before the dispatch.
    expect(mails[0]!.subject).toContain(final.body.title);
    expect((await deliveriesOf(ctx, reminder.id)).map((d) => [d.recipient, d.status])).toEqual([[mxHead.email, 'sent']]);
    expect((await outboxOf(ctx, reminder.id)).map((r) => r.status)).toEqual(['done']);
  }, 20_000);

  it('a change that rolls back after writing its outbox rows leaves no row, no job, no delivery and no email', async () => {
    const outbox = ctx.app.get(OutboxService);
    const notifyQueue = queues.queue('notify');
    /** A reminder due now, written with its notification (both notify and schedule) in one transaction. */
    const change = (title: string, fail: boolean) =>
      ctx.db.transaction(async (em) => {
        const [{ id }] = (await em.query(
          `INSERT INTO council_reminders (council_id, title, message, send_at, audience) VALUES ($1, $2, 'Body', now(), $3) RETURNING id`,
          [councilId, title, JSON.stringify({ roles: [], delegationIds: [mx] })],
        )) as { id: string }[];
        const request = { councilId, kind: COUNCIL_REMINDER_KIND, subjectType: 'council_reminder', subjectId: id! };
        const outboxIds = [await outbox.notify(em, request), await outbox.schedule(em, `council-reminder-${id}`, new Date(), request)];
        if (fail) throw Object.assign(new Error('the change fails after writing its outbox rows'), { reminderId: id!, outboxIds });
        return { reminderId: id!, outboxIds };
      });
    const tag = randomUUID().slice(0, 8);
    const failure = (await change(`Rolled back ${tag}`, true).then(
      () => undefined,
      (e: unknown) => e,
    )) as { message: string; reminderId: string; outboxIds: string[] } | undefined;
    expect(failure?.message).toBe('the change fails after writing its outbox rows');
    // The same change, committed: its email arrives (once, though it wrote two outbox rows for one occurrence).
    const committed = await change(`Committed ${tag}`, false);
    await waitForEach(ctx, [mxHead.email], `Committed ${tag}`);
    // The rolled-back change had as long, and then several more relay and sweep intervals.
    await sleep(700);

    expect(mailsAbout(ctx, `Rolled back ${tag}`)).toEqual([]);
    expect(countsByRecipient(ctx, `Committed ${tag}`)).toEqual({ [mxHead.email]: 1 });
    expect(await ctx.db.query(`SELECT id FROM outbox WHERE id = ANY($1::bigint[]) OR subject_id = $2`, [failure!.outboxIds, failure!.reminderId])).toEqual([]);
    expect(await ctx.db.query(`SELECT id FROM council_reminders WHERE id = $1`, [failure!.reminderId])).toEqual([]);
    expect(await deliveriesOf(ctx, failure!.reminderId)).toEqual([]);
    expect(await inboxOf(ctx, failure!.reminderId)).toEqual([]);
    // No job in the queue names a rolled-back row, under its own id or in a batch, in any state.
    for (const id of failure!.outboxIds) {
      expect(await notifyQueue.getJob(dispatchJobId([{ id, generation: 1 }]))).toBeUndefined();
      expect(await dispatchJobsFor(notifyQueue, id)).toEqual([]);
    }
    expect((await outboxOf(ctx, committed.reminderId)).map((r) => r.status)).toEqual(['done', 'done']);
    expect((await deliveriesOf(ctx, committed.reminderId)).map((d) => [d.recipient, d.status])).toEqual([[mxHead.email, 'sent']]);
  }, 20_000);
});

/**
 * Redis loses everything (FLUSHALL). The database still knows what is due: the
 * sweeper queues again the dispatches and the sends that were lost. This file
 * starts a Redis server of its own, so the flush touches no other test file.
 */
describe('notification reliability when Redis is flushed', () => {
  let redisServer: RunningRedis;
  let redis: Redis;
  let ctx: TestContext;
  let councilId: string;
  let recipients: Person[];
  let queues: QueueService;

  beforeAll(async () => {
    const binary = findRedisServer();
    if (!binary) throw new Error('redis-server is not installed');
    redisServer = await startRedis(binary);
    redis = new Redis(redisServer.url);
    ctx = await createTestContext({ queue: 'redis', worker: true, env: { ...FAST_NOTIFICATIONS, REDIS_URL: redisServer.url } });
    queues = ctx.app.get(QueueService);
    councilId = await newCouncil(ctx);
    const [mx, ca] = await Promise.all([newDelegation(ctx, councilId, 'Mexico', 'MX'), newDelegation(ctx, councilId, 'Canada', 'CA')]);
    recipients = [await seated(ctx, councilId, mx, 'head'), await seated(ctx, councilId, ca, 'head', { language: 'fr' })];
  });
  afterAll(async () => {
    await ctx?.close();
    redis?.disconnect();
    redisServer?.stop();
  });

  /** Each reminder sent once to each recipient: one 'sent' ledger row per key and one message per recipient. */
  async function expectEachDeliveredOnce(reminders: { id: string; title: string }[]): Promise<void> {
    const emails = recipients.map((r) => r.email);
    for (const r of reminders) await waitForEach(ctx, emails, r.title);
    await sleep(700);
    for (const r of reminders) {
      expect(countsByRecipient(ctx, r.title)).toEqual(Object.fromEntries(emails.map((e) => [e, 1])));
      expect((await deliveriesOf(ctx, r.id)).map((d) => [d.recipient, d.status])).toEqual([...emails].sort().map((e) => [e, 'sent']));
      expect((await outboxOf(ctx, r.id)).map((o) => o.status)).toEqual(['done']);
    }
  }

  it('reminders queued for dispatch when Redis is flushed are queued again by the sweeper and each delivered once', async () => {
    const tag = randomUUID().slice(0, 8);
    const notifyQueue = queues.queue('notify');
    // No worker while the jobs sit in Redis, so that the flush finds them all still waiting.
    await stopWorker(ctx);
    const at = new Date(Date.now() + 500);
    const reminders: { id: string; title: string }[] = [];
    for (let i = 0; i < 4; i++) reminders.push(await createReminder(ctx, councilId, { title: `Flushed dispatch ${i} ${tag}`, sendAt: at }));
    await waitUntilInstant(at);
    await relayOnce(ctx);
    const rows = (await Promise.all(reminders.map((r) => outboxOf(ctx, r.id)))).flat();
    expect(rows.map((r) => r.status)).toEqual(reminders.map(() => 'enqueued'));
    for (const r of rows) expect(await dispatchJobsFor(notifyQueue, r.id)).toHaveLength(1);

    await redis.flushall();
    expect(await allJobs(notifyQueue)).toEqual([]);
    await restartWorker(ctx);
    await expectEachDeliveredOnce(reminders);
  }, 25_000);

  it('deliveries made but not sent when Redis is flushed (their send jobs lost) are sent by the sweeper, once each', async () => {
    const tag = randomUUID().slice(0, 8);
    const mailQueue = queues.queue('mail');
    // The worker runs: reminders are relayed and dispatched, but their sends wait in the paused mail queue.
    await mailQueue.pause();
    const at = new Date(Date.now() + 500);
    const reminders: { id: string; title: string }[] = [];
    for (let i = 0; i < 3; i++) reminders.push(await createReminder(ctx, councilId, { title: `Flushed send ${i} ${tag}`, sendAt: at }));
    const pending = await until('every delivery made and waiting to be sent', async () => {
      const rows = (await Promise.all(reminders.map((r) => deliveriesOf(ctx, r.id)))).flat();
      return rows.length === reminders.length * recipients.length && rows.every((d) => d.status === 'pending') ? rows : undefined;
    });
    for (const d of pending) expect(await sendJobsFor(mailQueue, d.id)).toHaveLength(1);

    await redis.flushall();
    expect(await allJobs(mailQueue)).toEqual([]);
    await sleep(300);
    expect(mailsAbout(ctx, tag)).toEqual([]);
    // A flush also erases the job schedulers (relay, sweeper): the running worker puts them back by itself.
    await expectEachDeliveredOnce(reminders);
  }, 25_000);
});
