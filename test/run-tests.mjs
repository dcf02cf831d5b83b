#!/usr/bin/env node
// `npm test`: makes sure redis-server and Chromium are there (installing them
// on Debian as root when they are not), then runs every Jest project in ESM mode.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function hasRedis() {
  return spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0 || existsSync('/usr/bin/redis-server');
}

if (!hasRedis()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && apt) {
    console.log('redis-server is missing: installing it with apt-get (Debian)…');
    const r = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null'], {
      stdio: 'inherit',
    });
    if (r.status !== 0 || !hasRedis()) {
      console.error('Installing redis-server failed. Install it yourself (apt-get install redis-server) and run `npm test` again.');
      process.exit(1);
    }
  } else {
    console.error(
      'The tests need a redis-server binary, and it is not installed.\n' +
        (apt
          ? 'Run: sudo apt-get update && sudo apt-get install -y redis-server\n'
          : 'Install Redis (e.g. `brew install redis`) so that redis-server is on PATH.\n') +
        'Then run `npm test` again.',
    );
    process.exit(1);
  }
}

// The browser tests drive Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH): installed like redis-server
// when missing. Without it those tests fail with a message saying how to get it (they do not skip).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && apt) {
    console.log('chromium is missing (the browser tests need it): installing it with apt-get (Debian, about 80 s)…');
    const r = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'], { stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(CHROMIUM))
      console.error('Installing chromium failed: the browser tests will fail. Install it yourself (apt-get install chromium).');
  } else {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there: they will fail.\n` +
        (apt ? 'Run: sudo apt-get update && sudo apt-get install -y chromium\n' : 'Install Chromium or Chrome and set CHROMIUM_PATH to its binary.\n'),
    );
  }
}

// The browser tests load the web console the API serves from dist/console: built here when it is missing or
// older than its sources (src/web/console, its Vite config, openapi.json's generated types).
function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestIn(join(path, name))), stat.mtimeMs);
}
const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/console/index.html');
const consoleSources = newestIn(join(root, 'src/web/console'));
if (!existsSync(built) || statSync(built).mtimeMs < consoleSources) {
  console.log('The web console is missing or stale in dist/console: building it (vite build)…');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'src/web/console/vite.config.mjs'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) {
    console.error('Building the web console failed: the browser tests of the console will fail.');
  }
}

const jest = new URL('../node_modules/jest/bin/jest.js', import.meta.url).pathname;
const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env },
});
process.exit(result.status ?? 1);
