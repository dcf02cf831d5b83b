// Benchmark: seeds a database, then loads one of the API's read endpoints and
// a bare Fastify + pg server running the same SQL, in one run, on loopback,
// and prints both figures and their ratio. Bounded: a few seconds per target.
//
//   npm run bench            (builds first)
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=50 npm run bench
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../dist/src/core/database/data-source-options.js';
import { startEmbeddedPostgres } from '../dist/src/core/embedded/embedded-postgres.js';
import { freePort } from '../dist/src/core/embedded/free-port.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const here = path.dirname(new URL(import.meta.url).pathname);

function startProcess(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', () => resolve(child));
  });
}

async function waitForHttp(url) {
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function load(name, url) {
  await autocannon({ url, connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections, duration: seconds });
  const errors = result.errors + result.non2xx;
  return { name, reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'protempore-bench-'));
await import('node:fs/promises').then((fs) => fs.chmod(dataDir, 0o755));
const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), ephemeral: true });
const children = [];
try {
  const admin = new pg.Client(server.url());
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const databaseUrl = server.url('bench');

  const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const { councilId } = await seedDemoCouncil(ds);
  const [{ id: participantId }] = await ds.query(`SELECT id FROM participants WHERE council_id = $1 AND iso_code = 'MX'`, [councilId]);
  await ds.query('ANALYZE');
  await ds.destroy();

  const path_ = `/councils/${councilId}/participants/${participantId}`;
  const apiPort = await freePort();
  const barePort = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    RATE_LIMIT_PER_MINUTE: '0', // the load comes from one address
  };

  const api = fork(path.join(here, '../dist/src/main.js'), [], { env: { ...process.env, ...env, PORT: String(apiPort), HOST: '127.0.0.1' }, stdio: 'inherit' });
  children.push(api);
  await waitForHttp(`http://127.0.0.1:${apiPort}${path_}`);
  const bare = await startProcess(path.join(here, 'bare-server.mjs'), { ...env, PORT: String(barePort) });
  children.push(bare);

  console.log(`GET ${path_.replace(councilId, ':councilId').replace(participantId, ':participantId')} — ${connections} connections, ${seconds} s each, loopback`);
  const results = [];
  results.push(await load('protempore API (NestJS + Fastify + TypeORM raw query)', `http://127.0.0.1:${apiPort}${path_}`));
  results.push(await load('bare Fastify + pg, same SQL', `http://127.0.0.1:${barePort}${path_}`));
  for (const r of results) {
    console.log(`${r.name.padEnd(56)} ${r.reqPerSec.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   errors ${r.errors}`);
  }
  console.log(`ratio API / bare: ${(results[0].reqPerSec / results[1].reqPerSec).toFixed(2)}×`);
} finally {
  for (const c of children) c.kill('SIGTERM');
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
