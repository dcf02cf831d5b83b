import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { loadBootConfig, loadConfig } from './core/config/app-config.js';
import { dataSourceOptions } from './core/database/data-source-options.js';
import { migrateBeforeBoot } from './core/database/migrate-before-boot.js';
import { startEmbeddedPostgres } from './core/embedded/embedded-postgres.js';
import { EMBEDDED_APP_ROLE, ensureEmbeddedDatabase, ensureEmbeddedRoles } from './core/embedded/embedded-roles.js';
import { startMailSink } from './core/embedded/mail-sink.js';
import { redact } from './core/queue/queue-backend.js';
import { seedDemoCouncil } from './modules/seed/demo-seed.js';
import { DEMO_ADMIN_EMAIL, DEMO_SECRETARIAT_EMAIL } from './modules/seed/demo-users.js';

const DEMO_PASSWORD = 'protempore-demo';

/**
 * `npm start`: the whole system on one machine. Whatever is not configured
 * (DATABASE_URL, SMTP_URL) is provided here: an embedded PostgreSQL and a
 * loopback mail sink, with their data under DATA_DIR (default .data/). The
 * queue runs on Redis when REDIS_URL is set, otherwise on BullMQ's PostgreSQL
 * backend. Then the API and the worker start as two child processes.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const log = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 30, time: Date.now(), process: 'launcher', msg, ...extra }));

async function localSecret(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}

async function main(): Promise<void> {
  const boot = loadBootConfig();
  const cleanups: (() => Promise<void>)[] = [];
  const embedded: string[] = [];
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };

  if (!boot.databaseUrl) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(boot.dataDir, 'postgres') });
    cleanups.push(() => server.stop());
    // The schema owner migrates; the API and the worker connect as the least-privilege role (README, "Database roles").
    await ensureEmbeddedRoles(server.url());
    const owner = await ensureEmbeddedDatabase(server.url(), 'protempore');
    env.DATABASE_URL = server.url('protempore', EMBEDDED_APP_ROLE);
    env.MIGRATION_DATABASE_URL = server.url('protempore', owner);
    embedded.push(
      `PostgreSQL 18 on 127.0.0.1:${server.port} (data in ${path.join(boot.dataDir, 'postgres')}; migrations as ${owner}, API and worker as ${EMBEDDED_APP_ROLE})`,
    );
  }
  if (!boot.smtpUrl) {
    const sink = await startMailSink({ folder: path.join(boot.dataDir, 'mail') });
    cleanups.push(() => sink.stop());
    env.SMTP_URL = sink.url;
    embedded.push(`mail sink on ${sink.url} (messages in ${path.join(boot.dataDir, 'mail')} as .eml)`);
  }
  if (!env.JWT_SECRET) {
    // Tokens must survive restarts and be shared by every process: keep one key beside the data.
    env.JWT_SECRET = await localSecret(path.join(boot.dataDir, 'jwt-secret'));
    embedded.push(`access-token key in ${path.join(boot.dataDir, 'jwt-secret')}`);
  }
  const zeroConfig = !boot.databaseUrl || !boot.smtpUrl;

  const config = loadConfig(env);
  // Migrations (and the grants of the application's role) as the schema owner; the seed as the application's role.
  const ran = await migrateBeforeBoot(config);
  if (ran.length) log('migrations applied', { migrations: ran });
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, { poolSize: 2, applicationName: 'protempore-launcher' }));
  await ds.initialize();
  try {
    if (zeroConfig || boot.seedDemo) {
      // Known demo passwords only on a local zero-config start, never in production.
      const demoPassword = zeroConfig && (env.NODE_ENV || 'development') !== 'production' ? DEMO_PASSWORD : undefined;
      const seeded = await seedDemoCouncil(ds, new Date(), { demoPassword });
      if (seeded.created) log('demo council seeded', { councilId: seeded.councilId });
      if (demoPassword) {
        log(
          `demo accounts: ${DEMO_ADMIN_EMAIL} (administrator), ${DEMO_SECRETARIAT_EMAIL} (secretariat) and every demo delegate's email, password "${demoPassword}"`,
        );
      }
    }
  } finally {
    await ds.destroy();
  }

  const queue = boot.redisUrl ? `Redis ${redact(boot.redisUrl)}` : 'PostgreSQL (BullMQ PostgreSQL backend, schema bullmq)';
  log(
    `protempore starting: ${embedded.length ? `embedded ${embedded.join('; ')}` : 'no embedded parts'}; queue on ${queue}; ` +
      `API on http://localhost:${boot.port} (docs at /docs)`,
    { dataDir: boot.dataDir, embedded: embedded.length > 0 },
  );

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    const exited = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(exited);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    process.exit(code);
  };
  for (const entry of ['main.js', 'worker.js']) {
    // The children do not migrate, so they get no owner's connection string.
    const child = fork(path.join(here, entry), [], { env: { ...env, MIGRATE_ON_START: 'false', MIGRATION_DATABASE_URL: '' }, stdio: 'inherit' });
    child.on('exit', (code) => {
      if (!stopping) {
        log(`${entry} exited with ${code}; stopping`);
        void stop(code || 1);
      }
    });
    children.push(child);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
