import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { freePort } from '../src/core/embedded/free-port.js';
import { createTestContext, type TestContext } from './support/test-app.js';
import { startWorker } from './support/worker.js';
import { buildWorker, killAllWorkerProcesses, type WorkerProcess } from './support/worker-process.js';

/**
 * Operators can see it: Prometheus metrics at /metrics (API) and on the worker's METRICS_PORT,
 * closed outside development; the liveness and readiness probes; the request id carried from the request
 * that wrote an outbox row to the worker's log lines for its dispatch and its emails.
 */

const TOKEN = `metrics-${randomBytes(12).toString('hex')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The value of one series in a Prometheus text exposition (labels given as they are printed, in any order). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

let build: ReturnType<typeof buildWorker>;
beforeAll(() => {
  build = buildWorker();
  return build;
});
afterAll(() => killAllWorkerProcesses());

describe('metrics, probes and the request id through the worker (Redis queue)', () => {
  let ctx: TestContext;
  let worker: WorkerProcess;
  let workerMetricsPort: number;
  let councilId: string;
  const workerLog: Record<string, unknown>[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ queue: 'redis', env: { METRICS_TOKEN: TOKEN, OUTBOX_RELAY_INTERVAL_MS: '100' } });
    const slug = `metrics-${randomBytes(3).toString('hex')}`;
    councilId = ((await ctx.db.query(`INSERT INTO councils (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Council ${slug}`])) as { id: string }[])[0]!.id;
    const { entry } = await build;
    workerMetricsPort = await freePort();
    worker = startWorker({
      entry,
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: ctx.config.databaseUrl,
        SMTP_URL: ctx.mail.url,
        REDIS_URL: ctx.config.redisUrl,
        QUEUE_PREFIX: ctx.config.queuePrefix,
        JWT_SECRET: 'test-secret-for-access-tokens-0123456789abcdef',
        MIGRATE_ON_START: 'false',
        DATA_DIR: '/tmp',
        HOST: '127.0.0.1',
        METRICS_PORT: String(workerMetricsPort),
        METRICS_TOKEN: TOKEN,
        OUTBOX_RELAY_INTERVAL_MS: '100',
        DIGEST_INTERVAL_MS: '3600000',
      },
    });
    worker.child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('{')) {
          try {
            workerLog.push(JSON.parse(line) as Record<string, unknown>);
          } catch {
            // a line split across chunks: not one of those looked for
          }
        }
      }
    });
    await worker.ready;
  });
  afterAll(async () => {
    await worker?.kill();
    await ctx?.close();
  });

  describe('/metrics on the API', () => {
    it('is closed without the token outside development (401, the error body), and 403 for a signed-in non-administrator', async () => {
      const anonymous = await ctx.anonymous().get('/metrics').expect(401);
      expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', requestId: anonymous.headers['x-request-id'] });
      await ctx.anonymous().get('/metrics').set('authorization', `Bearer ${TOKEN}x`).expect(401);
      await ctx.anonymous().get('/metrics').set('authorization', TOKEN).expect(401);
      const [{ id: userId }] = (await ctx.db.query(`INSERT INTO users (email, full_name) VALUES ($1, 'Not an operator') RETURNING id`, [
        `metrics-${randomBytes(3).toString('hex')}@test.protempore.org`,
      ])) as { id: string }[];
      const { AccessTokenService } = await import('../src/core/auth/access-token.service.js');
      const token = await ctx.app.get(AccessTokenService).issue(userId);
      const res = await ctx.anonymous().get('/metrics').set('authorization', `Bearer ${token}`).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('serves the exposition to the METRICS_TOKEN bearer and to an administrator', async () => {
      await ctx
        .anonymous()
        .get('/metrics')
        .set('authorization', `Bearer ${TOKEN}`)
        .expect(200)
        .expect('content-type', /text\/plain/);
      await ctx.http().get('/metrics').expect(200); // the test operator is a system administrator
    });

    it('times requests by route pattern (not the raw URL) and status, and has the process metrics', async () => {
      await ctx.http().get(`/councils/${councilId}/participants`).expect(200);
      await ctx.anonymous().get('/no-such-route').expect(404);
      const text = (await ctx.anonymous().get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200)).text;
      expect(
        sample(text, 'http_request_duration_seconds_count', { route: '/councils/:councilId/participants', status_code: '200', method: 'GET', process: 'api' }),
      ).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'http_request_duration_seconds_count', { route: '(unmatched)', status_code: '404' })).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain(councilId);
      expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeDefined();
    });

    it('has the deployment gauges: queue depth per queue and state, outbox, ledger by status, last heartbeat', async () => {
      // Work the worker cannot take: a delayed job in the system queue.
      const { QueueService } = await import('../src/core/queue/queue.service.js');
      await ctx.app.get(QueueService).queue('system').add('metrics.probe', {}, { jobId: 'metrics-probe', delay: 3_600_000 });
      // A reminder planned for later (written by SQL, no request).
      await ctx.db.query(
        `INSERT INTO outbox (council_id, kind, subject_type, subject_id, occurrence, payload, reminder_key, due_at)
         VALUES ($1, 'council.reminder', 'council_reminder', gen_random_uuid()::text, 'once', '{}', 'metrics-later', now() + interval '1 day')`,
        [councilId],
      );
      await ctx.db.query(`INSERT INTO worker_heartbeats (worker_id, hostname, pid, started_at, seen_at) VALUES ('metrics-test', 'h', 1, now(), now())
                          ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()`);
      const text = (await ctx.anonymous().get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200)).text;
      expect(sample(text, 'protempore_deployment_metrics_up')).toBe(1);
      for (const queue of ['system', 'notify', 'mail']) {
        for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(sample(text, 'protempore_queue_jobs', { queue, state })).toBeDefined();
      }
      expect(sample(text, 'protempore_queue_jobs', { queue: 'system', state: 'delayed' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'protempore_outbox_pending_rows', { due: 'later' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'protempore_outbox_pending_rows', { due: 'now' })).toBeDefined();
      expect(sample(text, 'protempore_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'protempore_outbox_enqueued_rows')).toBeDefined();
      expect(Math.abs(sample(text, 'protempore_worker_last_heartbeat_timestamp_seconds')! - Date.now() / 1000)).toBeLessThan(60);
      expect(text).toContain('# TYPE protempore_deliveries gauge');
    });
  });

  describe('the probes', () => {
    it('/health/live answers without asking anything', async () => {
      const res = await ctx.anonymous().get('/health/live').expect(200);
      expect(res.body).toMatchObject({ status: 'ok' });
    });

    it('/health/ready checks the database, the queue and the migrations; 503 with the pending migration when one is missing', async () => {
      const ok = await ctx.anonymous().get('/health/ready').expect(200);
      expect(ok.body.info).toMatchObject({ database: { status: 'up' }, queue: { status: 'up', backend: 'redis' }, migrations: { status: 'up' } });
      const [row] = (await ctx.db.query(`SELECT id, timestamp, name FROM schema_migrations WHERE name = 'OutboxRequestId1763902500000'`)) as {
        id: number;
        timestamp: string;
        name: string;
      }[];
      await ctx.db.query(`DELETE FROM schema_migrations WHERE id = $1`, [row!.id]);
      try {
        const res = await ctx.anonymous().get('/health/ready').expect(503);
        expect(res.body.error.migrations).toEqual({ status: 'down', pending: ['OutboxRequestId1763902500000'] });
        await ctx.anonymous().get('/health/live').expect(200);
        await ctx.anonymous().get('/health').expect(200); // as before: database and queue only
      } finally {
        await ctx.db.query(`INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [row!.id, row!.timestamp, row!.name]);
      }
      await ctx.anonymous().get('/health/ready').expect(200);
    });
  });

  describe('the worker process', () => {
    it('serves its own /metrics on METRICS_PORT (token required) with job durations and failures per job name, and /health/live', async () => {
      const url = `http://127.0.0.1:${workerMetricsPort}`;
      const refused = await request(url).get('/metrics').expect(401);
      expect(refused.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      await request(url).get('/health/live').expect(200);
      await request(url).get('/other').expect(404);
      // The relay runs every 100 ms: its jobs are timed.
      let text = '';
      for (let i = 0; i < 50; i++) {
        text = (await request(url).get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200)).text;
        if ((sample(text, 'protempore_job_duration_seconds_count', { job: 'outbox.relay', queue: 'notify' }) ?? 0) >= 1) break;
        await sleep(100);
      }
      expect(sample(text, 'protempore_job_duration_seconds_count', { job: 'outbox.relay', queue: 'notify', process: 'worker' })).toBeGreaterThanOrEqual(1);
      expect(text).toContain('# TYPE protempore_job_failures_total counter');
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it("logs the request id of the request that scheduled a reminder on the reminder's dispatch and on each of its emails", async () => {
      const slug = `trace-${randomBytes(3).toString('hex')}`;
      const [{ id: councilId }] = (await ctx.db.query(`INSERT INTO councils (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Council ${slug}`])) as {
        id: string;
      }[];
      await ctx.db.query(
        `WITH u AS (INSERT INTO users (email, full_name) SELECT $2 || '-' || i || '@test.protempore.org', 'Recipient ' || i FROM generate_series(1, 3) i RETURNING id)
         INSERT INTO council_roles (user_id, council_id, role) SELECT id, $1, 'secretariat' FROM u`,
        [councilId, slug],
      );
      const requestId = `trace-${randomBytes(6).toString('hex')}`;
      const res = await ctx
        .http()
        .post(`/councils/${councilId}/reminders`)
        .set('x-request-id', requestId)
        .send({ title: 'Traced', message: 'Follow me.', sendAt: new Date().toISOString(), audience: { roles: ['secretariat'] } })
        .expect(201);
      expect(res.headers['x-request-id']).toBe(requestId);
      const [row] = (await ctx.db.query(`SELECT id::text AS id, request_id FROM outbox WHERE subject_id = $1`, [res.body.id])) as {
        id: string;
        request_id: string;
      }[];
      expect(row!.request_id).toBe(requestId);

      const recipients = ((await ctx.db.query(`SELECT count(*)::int AS n FROM council_roles WHERE council_id = $1`, [councilId])) as { n: number }[])[0]!.n;
      const deadline = Date.now() + 30_000;
      let sent: Record<string, unknown>[] = [];
      while (Date.now() < deadline) {
        sent = workerLog.filter((l) => l.msg === 'mail sent' && l.outboxId === row!.id);
        if (sent.length >= recipients) break;
        await sleep(100);
      }
      expect(sent).toHaveLength(recipients);
      for (const line of sent) expect(line).toMatchObject({ requestId, kind: 'council.reminder', process: 'worker' });
      const dispatched = workerLog.filter((l) => l.msg === 'notification dispatched' && l.outboxId === row!.id);
      expect(dispatched).toEqual([expect.objectContaining({ requestId, deliveries: recipients, subjectId: res.body.id })]);
      // The emails themselves: the logged Message-IDs are the ones the SMTP server got.
      const ids = new Set(ctx.mail.messages.map((m) => m.parsed.messageId).map((id) => (id?.startsWith('<') ? id : `<${id}>`)));
      for (const line of sent) expect(ids.has(line.messageId as string)).toBe(true);
    });
  });
});
