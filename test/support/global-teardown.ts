import { rm } from 'node:fs/promises';
import type { RunningPostgres } from '../../src/core/embedded/embedded-postgres.js';
import type { RunningRedis } from './servers.js';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as Record<string, unknown>).__PROTEMPORE_SERVERS__ as
    { postgres: RunningPostgres; redis: RunningRedis; dataDir: string } | undefined;
  if (!servers) return;
  servers.redis.stop();
  await servers.postgres.stop();
  await rm(servers.dataDir, { recursive: true, force: true });
}
