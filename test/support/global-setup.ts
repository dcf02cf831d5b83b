import './ts-resolve.cjs';
import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../../src/core/database/migrate-before-boot.js';
import { startEmbeddedPostgres } from '../../src/core/embedded/embedded-postgres.js';
import { EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, ensureEmbeddedRoles } from '../../src/core/embedded/embedded-roles.js';
import { findRedisServer, startRedis } from './servers.js';

export const TEMPLATE_DB = 'protempore_template';

/**
 * Starts the servers the end-to-end tests share: an embedded PostgreSQL
 * (durability off) holding a migrated template database that each test file
 * clones, and a Redis. Their addresses reach the test files through the
 * environment. As on the zero-config default, the template is owned and
 * migrated by the schema owner (protempore_owner), which grants the
 * least-privilege role the app runs as (protempore_app).
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'protempore-test-'));
  await import('node:fs/promises').then((fs) => fs.chmod(dataDir, 0o755));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), ephemeral: true });

  await ensureEmbeddedRoles(postgres.url());
  const admin = new pg.Client(postgres.url());
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB} OWNER ${EMBEDDED_OWNER_ROLE}`);
  // Tests read pg_stat_activity of the app's sessions through the owner's connection (ctx.db).
  await admin.query(`GRANT pg_read_all_stats TO ${EMBEDDED_OWNER_ROLE}`);
  await admin.end();
  // The TypeORM migrations, BullMQ's schema (queue sequences come per test file, with its queue prefix) and the grants.
  await migrateDatabase({
    databaseUrl: postgres.url(TEMPLATE_DB, EMBEDDED_APP_ROLE),
    migrationDatabaseUrl: postgres.url(TEMPLATE_DB, EMBEDDED_OWNER_ROLE),
    migrateOnStart: true,
    redisUrl: undefined,
    queueSchema: 'bullmq',
    queuePrefix: 'template',
  });

  const redisBinary = findRedisServer();
  if (!redisBinary) {
    throw new Error('redis-server is not installed: `npm test` installs it on Debian as root; otherwise install it (apt-get install redis-server).');
  }
  const redis = await startRedis(redisBinary);

  process.env.TEST_PG_SERVER_URL = postgres.url();
  process.env.TEST_PG_TEMPLATE = TEMPLATE_DB;
  process.env.TEST_REDIS_URL = redis.url;
  (globalThis as Record<string, unknown>).__PROTEMPORE_SERVERS__ = { postgres, redis, dataDir };
  if (process.env.TEST_VERBOSE) console.log(`\ntest servers up in ${Date.now() - started} ms: ${postgres.url()} ${redis.url}`);
}
