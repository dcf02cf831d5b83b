import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { transform } from '@swc/core';

/**
 * The worker as a separate OS process (so a test can SIGKILL it), run from
 * JavaScript compiled out of the current sources.
 *
 * The sources are compiled with SWC (the compiler the tests already use), not
 * tsc: SWC does not type-check, so the whole of src/ and migrations/ compiles
 * in about a second where `tsc -p tsconfig.build.json` takes about ten, and
 * it does not depend on the shared dist/ folder, which `nest build` (bench,
 * start) deletes and rewrites at any time. The output goes to
 * node_modules/.cache/protempore-worker/<hash of the sources>/ — inside the
 * project so that packages resolve — and is reused while the sources do not
 * change (several test files, or repeated runs, compile once).
 */

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'protempore-worker');

const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript' as const, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022' as const,
    keepClassNames: true,
  },
  module: { type: 'es6' as const },
  sourceMaps: 'inline' as const,
};

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The files `nest build` copies as they are (nest-cli.json "assets": the `assets` folders under `web/`): the API's pages read them beside their module. */
async function assets(dir: string, inAssets = false): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await assets(full, inAssets || entry.name === 'assets')));
    else if (inAssets) out.push(full);
  }
  return out;
}

/**
 * Compiles src/ and migrations/ (when changed since the last time), with the web assets copied beside them, so
 * that the API's entry point (src/main.js, beside the worker's) runs too; returns the path of the worker's
 * entry point and how long it took.
 */
export async function buildWorker(): Promise<{ entry: string; ms: number; cached: boolean }> {
  const started = Date.now();
  const files = (await Promise.all(['src', 'migrations'].map((d) => sources(path.join(ROOT, d))))).flat().sort();
  const contents = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const copies = (await assets(path.join(ROOT, 'src', 'web'))).sort();
  const copied = await Promise.all(copies.map((f) => readFile(f)));
  const hash = createHash('sha256');
  files.forEach((f, i) => hash.update(path.relative(ROOT, f)).update('\0').update(contents[i]!).update('\0'));
  copies.forEach((f, i) => hash.update(path.relative(ROOT, f)).update('\0').update(copied[i]!).update('\0'));
  const outDir = path.join(CACHE, hash.digest('hex').slice(0, 16));
  const entry = path.join(outDir, 'src', 'worker.js');
  if (existsSync(path.join(outDir, '.complete'))) return { entry, ms: Date.now() - started, cached: true };

  // Compile into a private folder, then move it into place (concurrent test files may race; either result is the same).
  const tmpDir = `${outDir}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  await Promise.all(
    files.map(async (file, i) => {
      const { code } = await transform(contents[i]!, { ...SWC_OPTIONS, filename: file });
      const target = path.join(tmpDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, code);
    }),
  );
  await Promise.all(
    copies.map(async (file, i) => {
      const target = path.join(tmpDir, path.relative(ROOT, file));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, copied[i]!);
    }),
  );
  await writeFile(path.join(tmpDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  await writeFile(path.join(tmpDir, '.complete'), new Date().toISOString());
  try {
    await rename(tmpDir, outDir);
  } catch {
    await rm(tmpDir, { recursive: true, force: true }); // another file got there first
  }
  await pruneOldBuilds(path.basename(outDir));
  return { entry, ms: Date.now() - started, cached: false };
}

/** Builds of older sources, unused for a day, are removed. */
async function pruneOldBuilds(keep: string): Promise<void> {
  for (const name of await readdir(CACHE).catch(() => [] as string[])) {
    if (name === keep) continue;
    const full = path.join(CACHE, name);
    const s = await stat(full).catch(() => undefined);
    if (s && Date.now() - s.mtimeMs > 24 * 3600_000) await rm(full, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface WorkerProcess {
  pid: number;
  child: ChildProcess;
  /** Resolves once the worker has started its queue workers and job schedulers ("worker listening"). */
  ready: Promise<void>;
  /** Resolves with the exit code or signal when the process is gone. */
  exited: Promise<string>;
  /** The last log lines (stdout and stderr), for failure messages. */
  tail(): string;
  /** SIGKILL, then wait until the process is gone. */
  kill(): Promise<string>;
}

const running = new Set<WorkerProcess>();

/**
 * Starts `node <compiled>/src/worker.js` with the given environment (on top of
 * a minimal one: PATH and HOME only, so the test's own settings never leak in).
 * It is connected over IPC, so it also exits if the test process dies.
 */
export function startWorkerProcess(entry: string, env: Record<string, string | undefined>): WorkerProcess {
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  let onReady!: () => void;
  let onFail!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  ready.catch(() => undefined); // a worker killed before it was ready is not an error by itself
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      lines.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
      if (lines.length > 200) lines.shift();
      if (line.includes('"worker listening"')) onReady();
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(handle);
      onFail(new Error(`worker exited (${signal ?? code}) before it was ready:\n${lines.slice(-30).join('\n')}`));
      resolve(signal ?? String(code));
    });
  });
  const handle: WorkerProcess = {
    pid: child.pid!,
    child,
    ready,
    exited,
    tail: () =>
      lines
        .slice(-15)
        .map((l) => (l.length > 600 ? `${l.slice(0, 600)}…` : l))
        .join('\n'),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
  running.add(handle);
  return handle;
}

/** SIGKILLs every worker process this test file started that is still running (for afterAll). */
export async function killAllWorkerProcesses(): Promise<void> {
  await Promise.all([...running].map((w) => w.kill()));
}

/**
 * A TCP relay in front of the test's SMTP sink, for workers that get killed.
 * A client killed in the middle of an SMTP transaction resets its connection;
 * the sink (src/core/embedded/mail-sink.ts) has no 'error' listener on its
 * SMTPServer, so that reset would surface as an uncaught exception in the test
 * process. The relay takes the reset and closes its side towards the sink
 * cleanly instead (the sink then drops the unfinished message, exactly as on
 * a reset). A message the sink accepted before the kill stays accepted.
 */
export async function startSmtpRelay(sinkPort: number): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(sinkPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.end());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
