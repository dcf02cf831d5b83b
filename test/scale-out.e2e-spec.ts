import { randomBytes } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { freePort } from '../src/core/embedded/free-port.js';
import { delegateOf } from './support/actors.js';
import { insertMemberState } from './support/meetings.js';
import { sleep, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';
import { startWorker } from './support/worker.js';
import { buildWorker, killAllWorkerProcesses, startSmtpRelay, startWorkerProcess, type WorkerProcess } from './support/worker-process.js';

/**
 * Scale-out: TWO API processes and TWO worker processes — the real entry points, `src/main.js`
 * and `src/worker.js` compiled from the current sources (as `npm run start:api` / `start:worker` run them
 * from dist/) — on one Redis and one PostgreSQL. Requests alternate between the two APIs; effects happen
 * once however many workers race: a burst of reminders (with one worker SIGKILLed in the middle), a
 * silence procedure closing, a presidency transfer, the +30-day escalation of an action item; the job
 * schedulers fire once per tick across the workers.
 */

const RECIPIENTS = 30;
const REMINDERS = 20;
const TOKEN = `scale-${randomBytes(12).toString('hex')}`;

interface Proc {
  name: string;
  proc: WorkerProcess;
  port: number;
}

let build: ReturnType<typeof buildWorker>;
beforeAll(() => {
  build = buildWorker();
  return build;
});
afterAll(() => killAllWorkerProcesses());

describe('two API processes and two worker processes on one Redis and one PostgreSQL', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpRelay>>;
  let env: Record<string, string | undefined>;
  const apis: Proc[] = [];
  const workers: Proc[] = [];
  let next = 0;
  /** The APIs in turn: every request of the test goes to the other API than the one before. */
  const api = () => apis[next++ % apis.length]!;
  const on = (p: Proc) => request(`http://127.0.0.1:${p.port}`);
  const auth = () => ctx.operator.auth.authorization;
  const q = async <T>(sql: string, params: unknown[] = []) => (await ctx.db.query(sql, params)) as T[];

  async function startApi(name: string): Promise<Proc> {
    const { entry } = await build;
    const port = await freePort();
    const proc = startWorkerProcess(path.join(path.dirname(entry), 'main.js'), { ...env, PORT: String(port) });
    const p = { name, proc, port };
    await until(
      `${name} to answer /health/ready`,
      async () => {
        if (proc.child.exitCode !== null) throw new Error(`${name} exited:\n${proc.tail()}`);
        const res = await on(p)
          .get('/health/ready')
          .catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      },
      45_000,
      100,
    );
    return p;
  }

  async function startNamedWorker(name: string): Promise<Proc> {
    const { entry } = await build;
    const port = await freePort();
    const proc = startWorker({ entry, env: { ...env, METRICS_PORT: String(port) } });
    const p = { name, proc, port };
    const first = await Promise.race([proc.ready.then(() => 'ready'), proc.exited.then((how) => `exited ${how}`)]);
    if (first !== 'ready') throw new Error(`${name} ${first}:\n${proc.tail()}`);
    return p;
  }

  /** Runs of one job name so far in a worker, from its own /metrics. */
  async function runs(w: Proc, job: string): Promise<number> {
    const text = (await on(w).get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200)).text;
    let n = 0;
    for (const m of text.matchAll(/^protempore_job_duration_seconds_count\{([^}]*)\} (\d+)/gm)) if (m[1]!.includes(`job="${job}"`)) n += Number(m[2]);
    return n;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ queue: 'redis' });
    smtp = await startSmtpRelay(ctx.mail.port); // absorbs the connection resets of the killed worker
    env = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: ctx.config.databaseUrl,
      SMTP_URL: smtp.url,
      REDIS_URL: ctx.config.redisUrl,
      QUEUE_PREFIX: ctx.config.queuePrefix,
      JWT_SECRET: 'test-secret-for-access-tokens-0123456789abcdef', // shared by every process: a token of one API is good on the other
      METRICS_TOKEN: TOKEN,
      MIGRATE_ON_START: 'false',
      DATA_DIR: '/tmp',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'info',
      OUTBOX_RELAY_INTERVAL_MS: '100',
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      OUTBOX_SWEEP_AFTER_SECONDS: '2',
      SEND_LEASE_SECONDS: '3',
      QUEUE_LOCK_MS: '2000',
      DIGEST_INTERVAL_MS: '3600000',
      SILENCE_MIN_NOTICE_SECONDS: '1',
      SILENCE_SWEEP_INTERVAL_MS: '500',
      PRESIDENCY_SWEEP_INTERVAL_MS: '500',
      PRESIDENCY_SUCCESSION_CHECK_INTERVAL_MS: '86400000',
      ACTION_ITEM_ESCALATE_INTERVAL_MS: '500',
      HANDOVER_PLAN_INTERVAL_MS: '86400000',
      HANDOVER_DOSSIER_INTERVAL_MS: '86400000',
    };
    const started = await Promise.all([startApi('api-1'), startApi('api-2'), startNamedWorker('worker-1'), startNamedWorker('worker-2')]);
    apis.push(started[0], started[1]);
    workers.push(started[2], started[3]);
  }, 90_000);
  afterAll(async () => {
    await killAllWorkerProcesses();
    await smtp?.close();
    await ctx?.close();
  });

  it('requests spread over both APIs see the same state (one database, one token key)', async () => {
    const slug = `scale-${randomBytes(3).toString('hex')}`;
    const council = await on(api())
      .post('/councils')
      .set('authorization', auth())
      .send({ slug, name: `Council ${slug}`, workingLanguages: ['en'], timeZone: 'UTC' })
      .expect(201);
    const read = await on(api()).get(`/councils/${council.body.id}`).set('authorization', auth()).expect(200);
    expect(read.body).toMatchObject({ id: council.body.id, slug });
    const reminder = await on(api())
      .post(`/councils/${council.body.id}/reminders`)
      .set('authorization', auth())
      .send({ title: 'Later', message: 'Far ahead', sendAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), audience: { roles: ['secretariat'] } })
      .expect(201);
    const changed = await on(api())
      .patch(`/councils/${council.body.id}/reminders/${reminder.body.id}`)
      .set('authorization', auth())
      .send({ version: reminder.body.version, title: 'Later, renamed' })
      .expect(200);
    for (const p of apis) {
      const seen = await on(p).get(`/councils/${council.body.id}/reminders/${reminder.body.id}`).set('authorization', auth()).expect(200);
      expect(seen.body).toMatchObject({ title: 'Later, renamed', version: changed.body.version });
    }
    // The stale version is refused by either API.
    await on(api())
      .patch(`/councils/${council.body.id}/reminders/${reminder.body.id}`)
      .set('authorization', auth())
      .send({ version: reminder.body.version, title: 'Stale' })
      .expect(409);
    // Both APIs report the same deployment (queue depth, outbox) on /metrics.
    const gauges = await Promise.all(
      apis.map(async (p) => {
        const text = (await on(p).get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200)).text;
        return /^protempore_outbox_pending_rows\{due="later"[^}]*\} (\d+)/m.exec(text)?.[1];
      }),
    );
    expect(gauges[0]).toBeDefined();
    expect(gauges[0]).toBe(gauges[1]);
  });

  it('a burst of reminders: every delivery once in the ledger and sent, though a worker is SIGKILLed mid-burst', async () => {
    const slug = `burst-${randomBytes(3).toString('hex')}`;
    const [{ id: councilId }] = await q<{ id: string }>(`INSERT INTO councils (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Council ${slug}`]);
    await ctx.db.query(
      `WITH u AS (INSERT INTO users (email, full_name) SELECT $2 || '-' || i || '@test.protempore.org', 'Recipient ' || i FROM generate_series(1, $3::int) i RETURNING id)
       INSERT INTO council_roles (user_id, council_id, role) SELECT id, $1, 'secretariat' FROM u`,
      [councilId, slug, RECIPIENTS],
    );
    const [{ n: recipients }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM council_roles WHERE council_id = $1`, [councilId]);
    // Scheduled through both APIs, all due at one moment a little ahead.
    const sendAt = new Date(Date.now() + 2000).toISOString();
    const ids = await Promise.all(
      Array.from({ length: REMINDERS }, async (_, i) => {
        const res = await on(api())
          .post(`/councils/${councilId}/reminders`)
          .set('authorization', auth())
          .send({ title: `Burst ${i}`, message: `Reminder ${i}`, sendAt, audience: { roles: ['secretariat'] } })
          .expect(201);
        return res.body.id as string;
      }),
    );
    const expected = REMINDERS * recipients;
    const sent = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE subject_id = ANY($1) AND status = 'sent'`, [ids]))[0]!.n;

    // SIGKILL worker-1 once the burst is under way, then bring in a replacement (two workers again).
    const atKill = await until(
      'the burst to be under way',
      async () => {
        const n = await sent();
        return n >= 20 ? n : undefined;
      },
      30_000,
      20,
    );
    const killed = workers.shift()!;
    await killed.proc.kill();
    workers.push(await startNamedWorker('worker-3'));

    await until('every delivery of the burst sent', async () => ((await sent()) === expected ? true : undefined), 45_000, 100);
    await sleep(500); // anything still in flight at SMTP level arrives

    const ledger = await q<{ n: number; keys: number; sent: number; message_ids: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (subject_id, kind, occurrence, recipient))::int AS keys,
              count(*) FILTER (WHERE status = 'sent')::int AS sent, count(DISTINCT message_id)::int AS message_ids
         FROM deliveries WHERE subject_id = ANY($1)`,
      [ids],
    );
    expect(ledger[0]).toEqual({ n: expected, keys: expected, sent: expected, message_ids: expected });
    expect(await q(`SELECT status, count(*)::int AS n FROM outbox WHERE subject_id = ANY($1) GROUP BY status`, [ids])).toEqual([
      { status: 'done', n: REMINDERS },
    ]);
    // At SMTP: every delivery arrived; a message arrives twice only when its delivery was claimed again after the kill.
    const rows = await q<{ message_id: string; attempts: number }>(`SELECT message_id, attempts FROM deliveries WHERE subject_id = ANY($1)`, [ids]);
    const attempts = new Map(rows.map((r) => [r.message_id, r.attempts]));
    const received = new Map<string, number>();
    for (const m of ctx.mail.messages) {
      const id = m.parsed.messageId?.startsWith('<') ? m.parsed.messageId : `<${m.parsed.messageId}>`;
      if (attempts.has(id)) received.set(id, (received.get(id) ?? 0) + 1);
    }
    expect(received.size).toBe(expected);
    const duplicated = [...received].filter(([, n]) => n > 1);
    for (const [id] of duplicated) expect(attempts.get(id)).toBeGreaterThan(1);
    console.log(
      `[scale-out] burst of ${expected} deliveries: worker-1 SIGKILLed after ${atKill} sent; all ${expected} sent once in the ledger; ` +
        `${duplicated.length} re-sent at SMTP after the kill (same Message-ID)`,
    );
  }, 90_000);

  it('a silence procedure closes once, a presidency passes once, an overdue item lands on the agenda once, with both workers racing', async () => {
    const slug = `once-${randomBytes(3).toString('hex')}`;
    const council = await on(api())
      .post('/councils')
      .set('authorization', auth())
      .send({ slug, name: `Council ${slug}`, workingLanguages: ['en'], timeZone: 'UTC', rotationPolicy: 'fixed_order', termMonths: 24 })
      .expect(201);
    const councilId = council.body.id as string;
    const states = [];
    for (const [i, code] of ['MX', 'GT', 'HN'].entries()) {
      const s = await insertMemberState(ctx, councilId, `State ${code}`, code, i + 1);
      const head = await delegateOf(ctx, councilId, s.d, 'head');
      states.push({ ...s, head });
    }
    // The presidency: MX's term ends in a few seconds; the workers' sweep queues its end, and GT follows.
    const end = new Date(Math.floor(Date.now() / 1000) * 1000 + 7000);
    const [{ id: termId }] = await q<{ id: string }>(
      `INSERT INTO presidency_terms (council_id, participant_id, period, created_at) VALUES ($1, $2, tstzrange($3, $4, '[)'), now()) RETURNING id`,
      [councilId, states[0]!.p, new Date(end.getTime() - 86_400_000), end],
    );
    // A decision in writing, through the other API, closing at its deadline.
    const deadline = new Date(Date.now() + 5000);
    const silence = await on(api())
      .post(`/councils/${councilId}/silence-procedures`)
      .set('authorization', auth())
      .send({ text: { en: 'The report is approved' }, deadline: deadline.toISOString() });
    expect({ status: silence.status, body: silence.body }).toMatchObject({ status: 201 });
    const decisionId = silence.body.id as string;
    // An action item 31 days overdue, and a convened senior officials meeting ahead: the periodic job (every 500 ms, on both workers) places it.
    const [{ id: itemId }] = await q<{ id: string }>(
      `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status)
       VALUES ($1, '{"en":"Very late"}', 'delegation', $2, current_date - 31, 'open') RETURNING id`,
      [councilId, states[1]!.d],
    );
    const [{ id: meetingId }] = await q<{ id: string }>(
      `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
       VALUES ($1, 'senior_officials', 'Senior officials', now() + interval '50 days', now() + interval '51 days', 'UTC', 'convened', now()) RETURNING id`,
      [councilId],
    );

    await until(
      'the silence procedure closed',
      async () => ((await q<{ status: string }>(`SELECT status FROM decisions WHERE id = $1`, [decisionId]))[0]!.status === 'closed' ? true : undefined),
      20_000,
    );
    await until('the presidency passed', async () => (await q(`SELECT 1 FROM presidency_transfers WHERE from_term_id = $1`, [termId]))[0], 20_000);
    await until('the item placed', async () => (await q(`SELECT 1 FROM action_item_agenda_placements WHERE action_item_id = $1`, [itemId]))[0], 20_000);
    // Every notice sent (nothing pending for these subjects), then a few more ticks of every periodic job on both workers.
    const subjects = [decisionId, termId];
    await until(
      'their notices sent',
      async () => {
        const [r] = await q<{ live: number; unsent: number; n: number }>(
          `SELECT (SELECT count(*)::int FROM outbox WHERE subject_id = ANY($1) AND status IN ('pending','enqueued')) AS live,
                (SELECT count(*)::int FROM deliveries WHERE subject_id = ANY($1) AND status <> 'sent') AS unsent,
                (SELECT count(*)::int FROM deliveries WHERE subject_id = ANY($1)) AS n`,
          [subjects],
        );
        return r!.live === 0 && r!.unsent === 0 && r!.n > 0 ? true : undefined;
      },
      20_000,
    );
    await sleep(2000);

    const [once] = await q<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM audit_log WHERE entity_id = $1 AND action = 'decision.closed') AS "silenceClosedAudits",
              (SELECT count(*)::int FROM presidency_transfers WHERE council_id = $2) AS transfers,
              (SELECT count(*)::int FROM audit_log WHERE council_id = $2 AND action = 'presidency.transferred') AS "transferAudits",
              (SELECT count(*)::int FROM presidency_terms WHERE council_id = $2 AND period @> now()) AS "termsNow",
              (SELECT count(*)::int FROM action_item_agenda_placements WHERE action_item_id = $3::uuid) AS placements,
              (SELECT count(*)::int FROM audit_log WHERE entity_id = $3::text AND action = 'action_item.escalated_to_agenda') AS "placementAudits",
              (SELECT count(*)::int FROM agenda_items WHERE meeting_id = $4 AND title->>'en' = 'Overdue action items') AS "agendaItems"`,
      [decisionId, councilId, itemId, meetingId],
    );
    expect(once).toEqual({ silenceClosedAudits: 1, transfers: 1, transferAudits: 1, termsNow: 1, placements: 1, placementAudits: 1, agendaItems: 1 });
    const [{ status, outcome }] = await q<{ status: string; outcome: string }>(`SELECT status, outcome FROM decisions WHERE id = $1`, [decisionId]);
    expect({ status, outcome }).toEqual({ status: 'closed', outcome: 'adopted' });

    // One ledger row per (subject, kind, recipient), and one message at the SMTP server per row.
    const deliveries = await q<{ subject_id: string; kind: string; recipient: string; message_id: string }>(
      `SELECT subject_id, kind, recipient, message_id FROM deliveries WHERE subject_id = ANY($1)`,
      [subjects],
    );
    const kinds = new Set(deliveries.map((d) => d.kind));
    expect([...kinds].some((k) => k.startsWith('presidency.transferred'))).toBe(true);
    expect(deliveries.filter((d) => d.subject_id === decisionId).length).toBeGreaterThan(0);
    const keys = deliveries.map((d) => `${d.subject_id}|${d.kind}|${d.recipient}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of deliveries) {
      expect({ id: d.message_id, n: ctx.mail.messages.filter((m) => m.parsed.messageId === d.message_id).length }).toEqual({ id: d.message_id, n: 1 });
    }
    // Each head of delegation got exactly one presidency notice.
    for (const s of states) {
      const [{ email }] = await q<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [s.head.userId]);
      expect(deliveries.filter((d) => d.subject_id === termId && d.kind === 'presidency.transferred' && d.recipient === email)).toHaveLength(1);
    }
  }, 60_000);

  it('job schedulers fire once per tick across both workers (each worker counts its own runs on /metrics)', async () => {
    const job = 'action_items.escalate'; // every 500 ms here
    const before = await Promise.all(workers.map((w) => runs(w, job)));
    const t0 = Date.now();
    await sleep(5000);
    const after = await Promise.all(workers.map((w) => runs(w, job)));
    const elapsed = Date.now() - t0;
    const total = after.reduce((a, b, i) => a + b - before[i]!, 0);
    const ticks = elapsed / 500;
    // Once per tick: about elapsed/500 runs in all (a run late on a loaded machine may merge two ticks), never one per worker per tick.
    expect(total).toBeLessThanOrEqual(Math.ceil(ticks) + 2);
    expect(total).toBeGreaterThanOrEqual(Math.floor(ticks / 4)); // it does run (a loaded machine delays ticks)
    console.log(
      `[scale-out] ${job} ran ${total} times in ${elapsed} ms (${ticks.toFixed(1)} ticks) across two workers: ${after.map((a, i) => a - before[i]!).join(' + ')}`,
    );
  }, 30_000);
});
