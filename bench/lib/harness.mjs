// Shared by the HTTP benchmarks (bench/run.mjs, bench/action-items.mjs): an
// embedded PostgreSQL with a migrated, seeded database; the API (production
// mode) and a bare Fastify + pg server as child processes; autocannon loads.
import { fork } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../dist/src/core/database/data-source-options.js';
import { startEmbeddedPostgres } from '../../dist/src/core/embedded/embedded-postgres.js';
import { freePort } from '../../dist/src/core/embedded/free-port.js';

export const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
/** BENCH_PROFILE=<dir>: the API and bare servers run with --cpu-prof and write their profiles there when they stop. */
const profileArgs = () => (process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Forks a script that sends one IPC message when it is ready. */
export function startProcess(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv: profileArgs(), env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', () => resolve(child));
  });
}

export async function waitForHttp(url, headers = {}) {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(url, { headers });
      if (res.status < 500) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** A 2 s warm-up, then `seconds` of load with `connections` connections. */
export async function load(name, url, headers = {}) {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up
  const result = await autocannon({ url, connections, duration: seconds, headers });
  const errors = result.errors + result.non2xx;
  return { name, reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/**
 * The same loads as `load`, but in `rounds` alternating slices (A, B, A, B…) of seconds/rounds each, after one
 * warm-up each: on a shared machine, a change in the background load then falls on both alike. Latency
 * percentiles are the slices' worst; req/s is the total over the total time.
 */
export async function loadAlternating(targets, rounds) {
  for (const t of targets) await autocannon({ url: t.url, connections, duration: 2, headers: t.headers ?? {} }); // warm-up
  const acc = targets.map((t) => ({ name: t.name, requests: 0, time: 0, p50: 0, p99: 0, errors: 0, cpuMs: 0 }));
  const slice = Math.max(1, Math.round(seconds / rounds));
  for (let r = 0; r < rounds; r++) {
    for (const [i, t] of targets.entries()) {
      const cpu0 = t.pid ? await processCpuMs(t.pid) : NaN;
      const res = await autocannon({ url: t.url, connections, duration: slice, headers: t.headers ?? {} });
      acc[i].cpuMs += t.pid ? (await processCpuMs(t.pid)) - cpu0 : NaN;
      acc[i].requests += res.requests.total;
      acc[i].time += res.duration;
      acc[i].p50 = Math.max(acc[i].p50, res.latency.p50);
      acc[i].p99 = Math.max(acc[i].p99, res.latency.p99);
      acc[i].errors += res.errors + res.non2xx;
    }
  }
  return acc.map((a) => ({ name: a.name, reqPerSec: a.requests / a.time, p50: a.p50, p99: a.p99, errors: a.errors, cpuPerRequest: a.cpuMs / a.requests }));
}

/**
 * CPU time (user + system, ms) a process has used, from /proc (Linux; NaN elsewhere): the server's own cost per
 * request, which other work on a shared machine slows down far less than its requests per second.
 */
export async function processCpuMs(pid) {
  try {
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

export function printResults(results) {
  for (const r of results) {
    console.log(
      `${r.name.padEnd(56)} ${r.reqPerSec.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   errors ${r.errors}`,
    );
  }
  console.log(`ratio API / bare: ${(results[0].reqPerSec / results[1].reqPerSec).toFixed(2)}×`);
  if (results.every((r) => Number.isFinite(r.cpuPerRequest))) {
    console.log(
      `CPU per request (the server process, from /proc): ${results.map((r) => `${r.name.split(' (')[0]} ${r.cpuPerRequest.toFixed(2)} ms`).join(', ')}` +
        ` → ratio bare / API ${(results[1].cpuPerRequest / results[0].cpuPerRequest).toFixed(2)}× (what the throughput ratio tends to when both are CPU-bound)`,
    );
  }
}

/**
 * Starts an embedded PostgreSQL, creates and migrates database `bench`, and
 * runs `prepare(ds)` (seeding) on a TypeORM DataSource. Returns the database URL
 * and `stop()` (children, server, data directory).
 */
export async function startBenchDatabase(prepare) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'protempore-bench-'));
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), ephemeral: true });
  const children = [];
  const stop = async () => {
    // A child with an IPC channel exits cleanly when it goes (and writes its CPU profile under BENCH_PROFILE).
    await Promise.all(
      children.map(async (c) => {
        if (c.exitCode !== null || c.signalCode !== null) return;
        const gone = new Promise((r) => c.once('exit', (code, signal) => (process.env.BENCH_VERBOSE && console.log('child exit', c.pid, code, signal), r())));
        if (c.connected) c.disconnect();
        else c.kill('SIGTERM');
        const timer = setTimeout(() => c.kill('SIGKILL'), process.env.BENCH_PROFILE ? 120_000 : 10_000);
        await gone;
        clearTimeout(timer);
      }),
    );
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client(server.url());
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const databaseUrl = server.url('bench');
    const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      const prepared = await prepare(ds);
      return { databaseUrl, children, stop, prepared };
    } finally {
      await ds.destroy();
    }
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The environment of the API and bare servers. */
export function benchEnv(databaseUrl) {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '0', // the load comes from one address
  };
}

/** The API (dist/src/main.js) on a free port, up once `probePath` answers below 500. */
export async function startApi(env, children, probePath, headers = {}) {
  const port = await freePort();
  const api = fork(path.join(root, 'dist/src/main.js'), [], {
    execArgv: profileArgs(),
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'inherit',
  });
  children.push(api);
  await waitForHttp(`http://127.0.0.1:${port}${probePath}`, headers);
  return `http://127.0.0.1:${port}`;
}

/** A bare server script (sends 'ready' over IPC) on a free port. */
export async function startBare(script, env, children) {
  const port = await freePort();
  children.push(await startProcess(script, { ...env, PORT: String(port) }));
  return `http://127.0.0.1:${port}`;
}
