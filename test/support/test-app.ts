import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../../src/core/config/app-config.js';
import { dataSourceOptions } from '../../src/core/database/data-source-options.js';
import { withRole } from '../../src/core/database/database-roles.js';
import { migrateBeforeBoot } from '../../src/core/database/migrate-before-boot.js';
import { EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE } from '../../src/core/embedded/embedded-roles.js';
import { startMailSink, type MailSink } from '../../src/core/embedded/mail-sink.js';
import { createApi } from '../../src/create-api.js';
import { type Actor, installOperator } from './actors.js';
import { startWorker } from './worker.js';

type Agent = ReturnType<typeof request>;
type AuthedAgent = { [M in 'get' | 'post' | 'patch' | 'put' | 'delete']: (url: string) => ReturnType<Agent[M]> };

/** Every request of the agent carries the Authorization header (a test may still override it with .set()). */
function authed(agent: Agent, authorization: string): AuthedAgent {
  return {
    get: (url) => agent.get(url).set('authorization', authorization),
    post: (url) => agent.post(url).set('authorization', authorization),
    patch: (url) => agent.patch(url).set('authorization', authorization),
    put: (url) => agent.put(url).set('authorization', authorization),
    delete: (url) => agent.delete(url).set('authorization', authorization),
  };
}

export type QueueKind = 'postgres' | 'redis';

export interface TestContext {
  config: AppConfig;
  app: NestFastifyApplication;
  /**
   * supertest against the running API, signed in as the test operator (a
   * system administrator who is secretariat of every council the test makes).
   */
  http: () => AuthedAgent;
  /** supertest with no credentials. */
  anonymous: () => ReturnType<typeof request>;
  operator: Actor;
  /**
   * The test file's own database (a clone of the migrated template), connected
   * as the schema owner, for the tests' own setup and admin SQL (test triggers,
   * moving a due time, reading audit rows). The app itself (API, worker, queue)
   * connects as the least-privilege role: `app.get(DataSource)`, `config.databaseUrl`.
   */
  db: DataSource;
  mail: MailSink;
  worker?: INestApplicationContext;
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is not set: run the e2e tests through `npm test`');
  return url;
}

/**
 * A fresh database cloned from the migrated template (owned by the schema
 * owner; grants and default privileges come with the clone): isolation per test
 * file at the cost of ~50 ms. Returns the schema owner's connection string;
 * `appRoleUrl` gives the application role's.
 */
export async function cloneDatabase(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(serverUrl());
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_PG_TEMPLATE} OWNER ${EMBEDDED_OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(withRole(serverUrl(), EMBEDDED_OWNER_ROLE));
  url.pathname = `/${name}`;
  return url.toString();
}

/** The same database as the application's least-privilege role. */
export const appRoleUrl = (url: string): string => withRole(url, EMBEDDED_APP_ROLE);

export function testConfig(databaseUrl: string, smtpUrl: string, queue: QueueKind, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    ...(queue === 'redis' ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    // Queue names unique per test file, so files sharing one Redis never see each other's jobs.
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: 'test-secret-for-access-tokens-0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '0',
    DATA_DIR: '/tmp',
    ...overrides,
  });
}

/**
 * The real API (and optionally the worker) on a database of the test file's
 * own, with a real SMTP sink and the chosen queue backend.
 */
export async function createTestContext(
  options: { queue?: QueueKind; worker?: boolean; env?: Record<string, string>; logStream?: DestinationStream } = {},
): Promise<TestContext> {
  const ownerUrl = await cloneDatabase();
  const mail = await startMailSink();
  const config = testConfig(appRoleUrl(ownerUrl), mail.url, options.queue ?? 'postgres', { MIGRATION_DATABASE_URL: ownerUrl, ...options.env });
  // As src/main.ts does: the owner prepares what this file's queue prefix needs (nothing is pending in the clone).
  await migrateBeforeBoot(config);
  const app = await createApi(config, { logStream: options.logStream });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const worker = options.worker ? await startWorker({ config }) : undefined;
  const db = new DataSource(dataSourceOptions(ownerUrl, { poolSize: 5, applicationName: 'protempore-test' }));
  await db.initialize();
  const operator = await installOperator({ app, db });
  const ctx: TestContext = {
    config,
    app,
    operator,
    http: () => authed(request(app.getHttpServer()), operator.auth.authorization),
    anonymous: () => request(app.getHttpServer()),
    db,
    mail,
    worker,
    async close() {
      await ctx.worker?.close(); // the current one: a test may have replaced it (restartWorker)
      await app.close();
      await db.destroy();
      await mail.stop();
    },
  };
  return ctx;
}
