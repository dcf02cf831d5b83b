// Benchmark: 10,000 council reminders due at the same moment, each to its own
// recipient (a delegation with one delegate) → time until the SMTP server has
// accepted all 10,000 messages, on the Redis queue backend and on BullMQ's
// PostgreSQL backend, in one run. BENCH_SHAPE=fanout measures instead ONE
// reminder to 10,000 recipients. Uses the compiled dist/ (like bench/run.mjs):
// embedded PostgreSQL, a throwaway redis-server (skipped with a message when it
// is not installed), a loopback SMTP server that accepts every message
// (BENCH_SINK=parse: the embedded mail sink, which also parses each one), and the real worker in a child
// process. The reminders are scheduled through the real OutboxService.
// The floor, in the same run: nodemailer alone (a child process, the worker's
// transport options and pool size) sending RECIPIENTS pre-rendered council
// reminders of the same size to the same kind of SMTP server — no database, no
// queue, no rendering — and each backend's time as a ratio of it.
//
//   npm run bench:reminders              (builds first)
//   BENCH_REMINDERS=2000 BENCH_TIMEOUT_MS=60000 node bench/reminders.mjs
//   BENCH_BACKENDS=redis BENCH_SHAPE=fanout node bench/reminders.mjs
//   BENCH_PROFILE=/tmp/prof BENCH_BACKENDS=redis node bench/reminders.mjs   (CPU profile of the worker)
import { fork, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const RECIPIENTS = Number(process.env.BENCH_REMINDERS ?? process.env.BENCH_RECIPIENTS ?? 10_000);
const SHAPE = process.env.BENCH_SHAPE === 'fanout' ? 'fanout' : 'many';
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 120_000);
const CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY ? Number(process.env.BENCH_WORKER_CONCURRENCY) : undefined; // undefined: WORKER_CONCURRENCY, as src/worker.ts
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'redis,postgres').split(',');
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = (p) => path.join(here, '../dist/src', p);

// ─── child: the floor — nodemailer alone, the worker's transport options, pre-rendered messages ───
if (process.argv[2] === '--floor') {
  const { default: nodemailer } = await import('nodemailer');
  const { loadConfig } = await import(dist('core/config/app-config.js'));
  const { renderMessage } = await import(dist('modules/notifications/templates/index.js'));
  const config = loadConfig();
  // As MailerService builds it (a loopback sink: plain SMTP).
  const transport = nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: config.smtpPoolSize, secure: false, ignoreTLS: true });
  // One council reminder as the worker renders it (Spanish, a delegate's zone), sent to every recipient.
  const m = renderMessage('council.reminder', 'es', {
    councilName: 'Bench Council',
    title: 'Session tomorrow',
    message: 'The plenary opens at 09:00.',
    sendAt: new Date(),
    recipientName: 'Head of Observer 1234',
    recipientTimeZone: 'America/Mexico_City',
  });
  process.send('ready');
  process.once('message', async (n) => {
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        transport.sendMail({
          from: config.mailFrom,
          textEncoding: 'base64',
          to: `member-${i + 1}@bench.protempore.org`,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: `<floor-${i + 1}@protempore>`,
        }),
      ),
    );
    process.send({ ms: Date.now() - t0, bytes: Buffer.byteLength(m.text) + Buffer.byteLength(m.html) });
    transport.close();
  });
  process.on('disconnect', () => process.exit(0));
}
// ─── child: the worker, exactly as src/worker.ts builds it, with the chosen concurrency ───
else if (process.argv[2] === '--worker') {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { loadConfig } = await import(dist('core/config/app-config.js'));
  const { WorkerModule } = await import(dist('worker.module.js'));
  const { migrateBeforeBoot } = await import(dist('core/database/migrate-before-boot.js'));
  await migrateBeforeBoot(loadConfig()); // as src/worker.ts: prepares BullMQ's schema (the queue no longer migrates it itself)
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(), CONCURRENCY), { logger: ['error', 'warn'] });
  await app.init();
  process.send('ready');
  process.on('disconnect', () => {
    app
      .close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  });
} else {
  await main();
}

// ─── parent ───
function findRedisServer() {
  const onPath = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  return onPath || ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
}

async function startRedis(binary, freePort) {
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

function startWorker(env, mode = '--worker') {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [mode], {
      execArgv: process.env.BENCH_PROFILE && mode === '--worker' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    child.once('message', () => resolve(child));
  });
}

async function stopWorker(child) {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** An SMTP server (smtp-server, as the embedded sink uses) that reads each message to its end and accepts it. */
async function startAcceptingSmtp(freePort) {
  const { SMTPServer } = await import('smtp-server');
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let bytes = 0;
      stream.on('data', (c) => (bytes += c.length));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), bytes, receivedAt: new Date() });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    clear: () => messages.splice(0),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** CPU time (user + system, ms) a child has used, from /proc (Linux; NaN elsewhere): its own cost, which other work on a shared machine disturbs far less than wall time. */
async function cpuMs(pid) {
  try {
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function s(ms) {
  return (ms / 1000).toFixed(2).padStart(6) + ' s';
}

async function main() {
  const { dataSourceOptions } = await import(dist('core/database/data-source-options.js'));
  const { startEmbeddedPostgres } = await import(dist('core/embedded/embedded-postgres.js'));
  const { startMailSink } = await import(dist('core/embedded/mail-sink.js'));
  const { freePort } = await import(dist('core/embedded/free-port.js'));
  const { OutboxService } = await import(dist('core/outbox/outbox.service.js'));
  const { DataSource } = await import('typeorm');

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'protempore-bench-'));
  await import('node:fs/promises').then((fs) => fs.chmod(dataDir, 0o755));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), ephemeral: true });
  // BENCH_SINK=parse: the project's embedded mail sink, which parses every message (for tests and development).
  // Default: an SMTP server that receives each message whole and accepts it, as a relay or MTA would.
  const sink = process.env.BENCH_SINK === 'parse' ? await startMailSink() : await startAcceptingSmtp(freePort);
  const results = [];
  let floor;
  try {
    // A template database: migrated, one council, RECIPIENTS users in its secretariat.
    const admin = new pg.Client(server.url());
    await admin.connect();
    await admin.query('CREATE DATABASE bench_template');
    const template = new DataSource(dataSourceOptions(server.url('bench_template'), { poolSize: 2 }));
    await template.initialize();
    await template.runMigrations({ transaction: 'each' });
    const [{ id: councilId }] = await template.query(`INSERT INTO councils (slug, name) VALUES ('bench', 'Bench Council') RETURNING id`);
    // RECIPIENTS delegations (observers), each with one delegate whose account is enabled, in mixed languages and zones.
    await template.query(
      `WITH p AS (
         INSERT INTO participants (council_id, kind, name, category)
         SELECT $1, 'observer', 'Observer ' || i, 'ngo' FROM generate_series(1, $2::int) AS i RETURNING id, name),
       g AS (
         INSERT INTO delegations (council_id, participant_id, name) SELECT $1, id, name FROM p RETURNING id, name),
       d AS (
         INSERT INTO delegates (council_id, delegation_id, full_name, email, role, preferred_language, time_zone)
         SELECT $1, g.id, 'Head of ' || g.name, 'member-' || substr(g.name, 10) || '@bench.protempore.org', 'head',
                (ARRAY['es','en','fr','pt'])[1 + substr(g.name, 10)::int % 4],
                (ARRAY['America/Mexico_City','America/Toronto','America/Guatemala','America/Tijuana'])[1 + substr(g.name, 10)::int % 4]
           FROM g RETURNING id, full_name, email, preferred_language, time_zone),
       u AS (
         INSERT INTO users (email, full_name, preferred_language, time_zone)
         SELECT email, full_name, preferred_language, time_zone FROM d RETURNING id, email)
       INSERT INTO council_roles (user_id, council_id, role, delegate_id)
       SELECT u.id, $1, 'delegate', d.id FROM u JOIN d USING (email)`,
      [councilId, RECIPIENTS],
    );
    await template.query('ANALYZE');
    await template.destroy();
    console.log(
      `${SHAPE === 'many' ? `${RECIPIENTS} council reminders, each to one recipient` : `one council reminder to ${RECIPIENTS} recipients`}, due at one moment; worker concurrency ${CONCURRENCY}; bounded at ${TIMEOUT_MS / 1000} s per backend`,
    );

    const redisBinary = findRedisServer();
    for (const backend of BACKENDS) {
      if (backend === 'redis' && !redisBinary) {
        console.log('redis: skipped — redis-server is not installed (apt-get install redis-server)');
        continue;
      }
      const db = `bench_${backend}`;
      await admin.query(`CREATE DATABASE ${db} TEMPLATE bench_template`);
      const databaseUrl = server.url(db);
      const redis = backend === 'redis' ? await startRedis(redisBinary, freePort) : undefined;
      const worker = await startWorker({
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: databaseUrl,
        SMTP_URL: sink.url,
        ...(redis ? { REDIS_URL: redis.url } : { REDIS_URL: '' }),
        QUEUE_PREFIX: `bench${backend}`,
        MIGRATE_ON_START: 'false',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      });
      const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
      await ds.initialize();
      try {
        sink.clear();
        // The reminders, scheduled through the OutboxService in transactions of 500, then all made due one second from now
        // (the relay runs every second, as in production).
        const outbox = new OutboxService();
        const delegations = (await ds.query(`SELECT id FROM delegations ORDER BY name`)).map((r) => r.id);
        const audiences = SHAPE === 'many' ? delegations.map((id) => ({ roles: [], delegationIds: [id] })) : [{ roles: [], delegationIds: [] }];
        const later = new Date(Date.now() + 3_600_000);
        for (let i = 0; i < audiences.length; i += 500) {
          await ds.transaction(async (em) => {
            for (const audience of audiences.slice(i, i + 500)) {
              const [{ id }] = await em.query(
                `INSERT INTO council_reminders (council_id, title, message, send_at, audience) VALUES ($1, 'Session tomorrow', 'The plenary opens at 09:00.', $2, $3) RETURNING id`,
                [councilId, later, JSON.stringify(audience)],
              );
              await outbox.schedule(em, `council-reminder-${id}`, later, {
                councilId,
                kind: 'council.reminder',
                subjectType: 'council_reminder',
                subjectId: id,
              });
            }
          });
        }
        const workerCpu0 = await cpuMs(worker.pid);
        const dueAt = new Date(Date.now() + 1000);
        await ds.transaction(async (em) => {
          await em.query(`UPDATE council_reminders SET send_at = $1`, [dueAt]);
          await em.query(`UPDATE outbox SET due_at = $1`, [dueAt]);
        });
        const deadline = dueAt.getTime() + TIMEOUT_MS;
        while (sink.messages.length < RECIPIENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        const received = sink.messages.length;
        const workerCpu = (await cpuMs(worker.pid)) - workerCpu0;
        const done = received >= RECIPIENTS;
        const last = done ? sink.messages[RECIPIENTS - 1].receivedAt.getTime() : Date.now();
        const first = received ? sink.messages[0].receivedAt.getTime() : NaN;
        const [o] = await ds.query(`SELECT max(enqueued_at) AS enqueued_at, max(done_at) AS done_at FROM outbox`);
        const [d] = await ds.query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'sent')::int AS sent, min(created_at) AS created,
                  max(created_at) AS last_created, min(sent_at) AS first_sent, max(sent_at) AS last_sent,
                  (SELECT count(*)::int FROM outbox WHERE status <> 'done') AS outbox_open FROM deliveries`,
        );
        if (process.env.BENCH_VERBOSE)
          console.log(o, d, await ds.query(`SELECT id, status, generation, due_at, enqueued_at, reminder_key FROM outbox WHERE status <> 'done'`));
        const unique = new Set(sink.messages.map((m) => m.to[0])).size;
        const wire = sink.messages.length ? Math.round(sink.messages.reduce((n, m) => n + (m.bytes ?? 0), 0) / sink.messages.length) : NaN;
        results.push({
          backend,
          done,
          total: last - dueAt.getTime(),
          relay: o.enqueued_at ? new Date(o.enqueued_at).getTime() - dueAt.getTime() : NaN,
          dispatch: o.done_at && o.enqueued_at ? new Date(o.done_at).getTime() - new Date(o.enqueued_at).getTime() : NaN,
          sending: o.done_at ? last - new Date(o.done_at).getTime() : NaN,
          firstMail: first - dueAt.getTime(),
          received,
          unique,
          ledger: d,
          cpu: workerCpu,
        });
        const r = results.at(-1);
        console.log(
          `${backend.padEnd(9)} ${done ? 'all accepted' : `GAVE UP after ${TIMEOUT_MS / 1000} s`}: ${s(r.total)} from due to the ${done ? RECIPIENTS : received}th message  ` +
            `(last relayed ${s(r.relay)}, last dispatched ${s(r.dispatch)} later, last mail ${s(r.sending)} after that; first mail at ${s(r.firstMail)}; ` +
            `${(received / (r.total / 1000)).toFixed(0)} msg/s; ${unique} distinct recipients; ${wire} bytes per message on the wire; ledger ${d.sent}/${d.n} sent; ` +
            `worker CPU ${(workerCpu / 1000).toFixed(1)} s)`,
        );
      } catch (err) {
        console.error(`${backend}: failed`, err);
        throw err;
      } finally {
        await ds.destroy();
        await stopWorker(worker);
        redis?.stop();
        await admin.query(`DROP DATABASE ${db} WITH (FORCE)`);
      }
    }
    // The floor: nodemailer alone, the same number of messages of the same size, to the same kind of SMTP server.
    if (SHAPE === 'many') {
      const floorChild = await startWorker(
        {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          DATABASE_URL: server.url('bench_template'),
          SMTP_URL: sink.url,
          JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        },
        '--floor',
      );
      try {
        sink.clear();
        const floorCpu0 = await cpuMs(floorChild.pid);
        const t0 = Date.now();
        const reported = new Promise((resolve) => floorChild.once('message', resolve));
        floorChild.send(RECIPIENTS);
        const deadline = t0 + TIMEOUT_MS;
        while (sink.messages.length < RECIPIENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        const { bytes } = await reported;
        const last = sink.messages.length >= RECIPIENTS ? sink.messages[RECIPIENTS - 1].receivedAt.getTime() : NaN;
        const wire = Math.round(sink.messages.reduce((n, m) => n + (m.bytes ?? 0), 0) / Math.max(1, sink.messages.length));
        floor = { total: last - t0, bytes, received: sink.messages.length, wire, cpu: (await cpuMs(floorChild.pid)) - floorCpu0 };
        console.log(
          `floor     nodemailer alone, ${RECIPIENTS} pre-rendered messages (${bytes} bytes of text + html, ${floor.wire} on the wire): ${s(floor.total)}  ` +
            `(${(RECIPIENTS / (floor.total / 1000)).toFixed(0)} msg/s; nodemailer CPU ${(floor.cpu / 1000).toFixed(1)} s)`,
        );
      } finally {
        await stopWorker(floorChild);
      }
    }
    await admin.end();
  } finally {
    await sink.stop();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  if (results.length) {
    console.log(`\nsummary (due moment → ${RECIPIENTS}th message accepted by the SMTP server):`);
    for (const r of results) {
      const ratio =
        floor && r.done
          ? `   ${(r.total / floor.total).toFixed(2)}× the floor   (CPU: worker ${(r.cpu / 1000).toFixed(1)} s = ${(r.cpu / floor.cpu).toFixed(2)}× nodemailer alone)`
          : '';
      console.log(`  ${r.backend.padEnd(9)} ${r.done ? s(r.total) : 'did not finish'}${ratio}`);
    }
    if (floor) console.log(`  ${'floor'.padEnd(9)} ${s(floor.total)}   (nodemailer alone, same pool size, same SMTP server)`);
  }
  process.exit(results.every((r) => r.done) ? 0 : 1);
}
