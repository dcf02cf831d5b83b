#!/usr/bin/env node
// `npm test`: makes sure redis-server is there (installing it on Debian as
// root when it is not), then runs every Jest project in ESM mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function hasRedis() {
  return spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0 || existsSync('/usr/bin/redis-server');
}

if (!hasRedis()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && apt) {
    console.log('redis-server is missing: installing it with apt-get (Debian)…');
    const r = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null'], { stdio: 'inherit' });
    if (r.status !== 0 || !hasRedis()) {
      console.error('Installing redis-server failed. Install it yourself (apt-get install redis-server) and run `npm test` again.');
      process.exit(1);
    }
  } else {
    console.error(
      'The tests need a redis-server binary, and it is not installed.\n' +
        (apt ? 'Run: sudo apt-get update && sudo apt-get install -y redis-server\n' : 'Install Redis (e.g. `brew install redis`) so that redis-server is on PATH.\n') +
        'Then run `npm test` again.',
    );
    process.exit(1);
  }
}

const jest = new URL('../node_modules/jest/bin/jest.js', import.meta.url).pathname;
const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env },
});
process.exit(result.status ?? 1);
