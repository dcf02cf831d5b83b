// Benchmark: what a second process buys, on the compiled dist/ entry points.
//
// 1. "My delegation's open items", page of 50 (GET /councils/:id/me/action-items, a delegate's bearer
//    token), loaded with autocannon against ONE API process, then against TWO API processes on the same
//    database (two autocannon runs at once, half the connections each, one per port: no load balancer).
// 2. 10,000 council reminders due at one moment, on Redis, until a loopback SMTP server has accepted the
//    last message: with ONE worker process (dist/src/worker.js), then with TWO on the same queue.
//
// Prints req/s (and p50/p99) and the burst's time for 1 vs 2 processes, with the machine's CPU count and
// load: on a 2-core machine the second process competes for the same two cores as PostgreSQL, Redis, the
// SMTP server and the load generator, so the gain is bounded (see README, "Scaling out").
//
//   npm run bench:scale-out                      (builds first)
//   BENCH_ITEMS=100000 BENCH_SECONDS=10 BENCH_REMINDERS=10000 node bench/scale-out.mjs
//   BENCH_PARTS=burst node bench/scale-out.mjs          (only one part: http or burst)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { freePort } from '../dist/src/core/embedded/free-port.js';
import { OutboxService } from '../dist/src/core/outbox/outbox.service.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { seedActionItems } from './lib/action-items-seed.mjs';
import { benchEnv, connections, JWT_SECRET, seconds, startApi, startBenchDatabase, waitForHttp } from './lib/harness.mjs';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);
const STATUS = 'open,acknowledged,in_progress,blocked';
const PARTS = (process.env.BENCH_PARTS ?? 'http,burst').split(',');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cpus = os.cpus().length;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

function findRedisServer() {
  const onPath = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  return onPath || ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
}

async function startRedis(binary) {
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 400; i++) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('redis-server did not start');
}

/** An SMTP server that receives every message whole and accepts it (as bench/reminders.mjs). */
async function startAcceptingSmtp() {
  const { SMTPServer } = await import('smtp-server');
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), receivedAt: Date.now() });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { url: `smtp://127.0.0.1:${port}`, messages, clear: () => messages.splice(0), stop: () => new Promise((r) => server.close(r)) };
}

/** The worker, `node dist/src/worker.js` (as `npm run start:worker`), up once its metrics listener answers /health/live. */
async function startWorker(env, children) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'dist/src/worker.js')], {
    env: { ...process.env, ...env, METRICS_PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  await waitForHttp(`http://127.0.0.1:${port}/health/live`);
  return child;
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

async function autocannonRun(urls, headers, duration) {
  const each = Math.max(1, Math.floor(connections / urls.length));
  const results = await Promise.all(urls.map((url) => autocannon({ url, connections: each, duration, headers })));
  return {
    reqPerSec: results.reduce((a, r) => a + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((a, r) => a + r.errors + r.non2xx, 0),
  };
}

const started = Date.now();
console.log(`scale-out benchmark on ${cpus} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}); load average ${load()}`);

// ─── 1. the action-item list, one API process vs two ───
const httpResults = [];
if (PARTS.includes('http')) {
  const db = await startBenchDatabase(async (ds) => {
    const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
    await seedActionItems(ds, councilId, ITEMS);
    await ds.query('VACUUM ANALYZE action_items');
    const [caller] = await ds.query(
      `SELECT u.id AS "userId" FROM delegates d JOIN delegations dl ON dl.id = d.delegation_id JOIN participants p ON p.id = dl.participant_id
         JOIN council_roles cr ON cr.delegate_id = d.id AND cr.role = 'delegate' JOIN users u ON u.id = cr.user_id
        WHERE d.council_id = $1 AND p.iso_code = 'MX' AND d.role = 'head' AND d.active`,
      [councilId],
    );
    return { councilId, userId: caller.userId };
  });
  try {
    const { councilId, userId } = db.prepared;
    const token = await new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } }).issue(userId);
    const headers = { authorization: `Bearer ${token}` };
    const route = `/councils/${councilId}/me/action-items?status=${STATUS}`;
    const env = benchEnv(db.databaseUrl);
    const api1 = await startApi(env, db.children, route, headers);
    const api2 = await startApi(env, db.children, route, headers);
    const page = await (await fetch(`${api1}${route}`, { headers })).json();
    if (!Array.isArray(page.items) || page.items.length !== 50) throw new Error(`the API did not answer a page of 50: ${JSON.stringify(page).slice(0, 300)}`);
    console.log(
      `\n1. GET /councils/:councilId/me/action-items?status=${STATUS} (${ITEMS.toLocaleString('en')} items), ${connections} connections in all, ${seconds} s each`,
    );
    await autocannonRun([`${api1}${route}`, `${api2}${route}`], headers, 2); // warm-up of both
    const one = await autocannonRun([`${api1}${route}`], headers, seconds);
    httpResults.push({ name: '1 API process', ...one, load: load() });
    const two = await autocannonRun([`${api1}${route}`, `${api2}${route}`], headers, seconds);
    httpResults.push({ name: '2 API processes (one port each)', ...two, load: load() });
    for (const r of httpResults) {
      console.log(
        `   ${r.name.padEnd(34)} ${r.reqPerSec.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   errors ${r.errors}   (load ${r.load})`,
      );
    }
    console.log(`   req/s with 2 APIs / with 1: ${(two.reqPerSec / one.reqPerSec).toFixed(2)}×`);
  } finally {
    await db.stop();
  }
}

// ─── 2. the reminder burst on Redis, one worker vs two ───
const burstResults = [];
const redisBinary = findRedisServer();
if (!PARTS.includes('burst')) {
  // skipped (BENCH_PARTS)
} else if (!redisBinary) {
  console.log('\n2. reminder burst: skipped — redis-server is not installed (apt-get install redis-server)');
} else {
  const sink = await startAcceptingSmtp();
  const db = await startBenchDatabase(async (ds) => {
    const [{ id: councilId }] = await ds.query(`INSERT INTO councils (slug, name) VALUES ('bench', 'Bench Council') RETURNING id`);
    // REMINDERS delegations (observers), each with one delegate with an account (as bench/reminders.mjs).
    await ds.query(
      `WITH p AS (INSERT INTO participants (council_id, kind, name, category) SELECT $1, 'observer', 'Observer ' || i, 'ngo' FROM generate_series(1, $2::int) AS i RETURNING id, name),
       g AS (INSERT INTO delegations (council_id, participant_id, name) SELECT $1, id, name FROM p RETURNING id, name),
       d AS (INSERT INTO delegates (council_id, delegation_id, full_name, email, role, preferred_language, time_zone)
             SELECT $1, g.id, 'Head of ' || g.name, 'member-' || substr(g.name, 10) || '@bench.protempore.org', 'head',
                    (ARRAY['es','en','fr','pt'])[1 + substr(g.name, 10)::int % 4], 'America/Mexico_City' FROM g
             RETURNING id, full_name, email, preferred_language, time_zone),
       u AS (INSERT INTO users (email, full_name, preferred_language, time_zone) SELECT email, full_name, preferred_language, time_zone FROM d RETURNING id, email)
       INSERT INTO council_roles (user_id, council_id, role, delegate_id) SELECT u.id, $1, 'delegate', d.id FROM u JOIN d USING (email)`,
      [councilId, REMINDERS],
    );
    await ds.query('ANALYZE');
    return { councilId };
  });
  const admin = new pg.Client(db.databaseUrl);
  await admin.connect();
  try {
    console.log(
      `\n2. ${REMINDERS.toLocaleString('en')} council reminders due at one moment, each to its own recipient, Redis queue, until the SMTP server accepted the last`,
    );
    for (const count of [1, 2]) {
      const redis = await startRedis(redisBinary);
      const children = [];
      try {
        // A clean ledger and outbox for each run, on the same seeded council.
        await admin.query(`TRUNCATE notifications, deliveries, outbox, council_reminders CASCADE`);
        const env = { ...benchEnv(db.databaseUrl), LOG_LEVEL: 'warn', REDIS_URL: redis.url, SMTP_URL: sink.url, QUEUE_PREFIX: `scale${count}` };
        for (let i = 0; i < count; i++) await startWorker(env, children);
        sink.clear();
        const { councilId } = db.prepared;
        const outbox = new OutboxService();
        const { DataSource } = await import('typeorm');
        const { dataSourceOptions } = await import('../dist/src/core/database/data-source-options.js');
        const ds = new DataSource(dataSourceOptions(db.databaseUrl, { poolSize: 2 }));
        await ds.initialize();
        try {
          const delegations = (await ds.query(`SELECT id FROM delegations ORDER BY name`)).map((r) => r.id);
          const later = new Date(Date.now() + 3_600_000);
          for (let i = 0; i < delegations.length; i += 500) {
            await ds.transaction(async (em) => {
              for (const id of delegations.slice(i, i + 500)) {
                const [{ id: reminderId }] = await em.query(
                  `INSERT INTO council_reminders (council_id, title, message, send_at, audience) VALUES ($1, 'Session tomorrow', 'The plenary opens at 09:00.', $2, $3) RETURNING id`,
                  [councilId, later, JSON.stringify({ roles: [], delegationIds: [id] })],
                );
                await outbox.schedule(em, `council-reminder-${reminderId}`, later, {
                  councilId,
                  kind: 'council.reminder',
                  subjectType: 'council_reminder',
                  subjectId: reminderId,
                });
              }
            });
          }
          const dueAt = new Date(Date.now() + 1000);
          await ds.transaction(async (em) => {
            await em.query(`UPDATE council_reminders SET send_at = $1`, [dueAt]);
            await em.query(`UPDATE outbox SET due_at = $1`, [dueAt]);
          });
          const deadline = dueAt.getTime() + TIMEOUT_MS;
          while (sink.messages.length < REMINDERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
          const done = sink.messages.length >= REMINDERS;
          const total = (done ? sink.messages[REMINDERS - 1].receivedAt : Date.now()) - dueAt.getTime();
          // The ledger marks a delivery sent just after the SMTP server accepted it: let the last ones land.
          let ledger;
          for (let i = 0; i < 100; i++) {
            [ledger] = await ds.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM deliveries`);
            if (ledger.sent >= REMINDERS) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          const unique = new Set(sink.messages.map((m) => m.to[0])).size;
          burstResults.push({ count, done, total, ledger, load: load() });
          console.log(
            `   ${`${count} worker process${count > 1 ? 'es' : ''}`.padEnd(34)} ${done ? sec(total).padStart(8) : `gave up after ${TIMEOUT_MS / 1000} s`}   ` +
              `${(Math.min(sink.messages.length, REMINDERS) / (total / 1000)).toFixed(0)} msg/s   ${unique} distinct recipients at SMTP   ledger ${ledger.sent}/${ledger.n} sent   (load ${load()})`,
          );
        } finally {
          await ds.destroy();
        }
      } finally {
        for (const c of children) await stop(c);
        redis.stop();
      }
    }
    if (burstResults.length === 2 && burstResults.every((r) => r.done))
      console.log(`   speed-up with 2 workers (time with 1 / time with 2): ${(burstResults[0].total / burstResults[1].total).toFixed(2)}×`);
  } finally {
    await admin.end();
    await sink.stop();
    await db.stop();
  }
}

console.log(
  `\nWhat limits the gain here: ${cpus} CPU(s) are shared by every process of the run — the API or worker processes, PostgreSQL,` +
    ` Redis, the SMTP server and autocannon itself. A second Node.js process only helps while a core is idle: with two cores,` +
    ` one API already keeps one core busy in JavaScript while PostgreSQL and the load generator take most of the other, so a second` +
    ` API mostly takes CPU time from them; the burst is bounded by PostgreSQL (the ledger writes), rendering and the SMTP exchange,` +
    ` all on the same cores. On a machine (or several) with free cores the same processes scale until PostgreSQL is the limit.`,
);
console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);
