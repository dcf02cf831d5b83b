import type { PoolClient } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { queueNames } from '../queue/queue-backend.js';
import { prepareQueueSchema, queueSchemaProblem } from '../queue/queue-schema.js';
import { dataSourceOptions } from './data-source-options.js';
import { grantAppRole, inspectRole, mayChangeSchema, roleOf } from './database-roles.js';
import { ensureMigrated } from './migrate.js';

type MigrateConfig = Pick<AppConfig, 'databaseUrl' | 'migrationDatabaseUrl' | 'migrateOnStart' | 'redisUrl' | 'queueSchema' | 'queuePrefix'> & {
  nodeEnv?: AppConfig['nodeEnv'];
};

const warn = (msg: string, extra: Record<string, unknown> = {}) => console.warn(JSON.stringify({ level: 40, time: Date.now(), msg, ...extra }));

/** The pg client under a TypeORM query runner (BullMQ's migrator wants one session of its own). */
const pgClient = async (session: QueryRunner): Promise<PoolClient> => (await session.connect()) as PoolClient;

/** What the schema owner does after the migrations: BullMQ's schema (queue on PostgreSQL), then the application role's grants. */
async function afterMigrations(session: QueryRunner, config: MigrateConfig): Promise<void> {
  const queueOnPostgres = !config.redisUrl;
  if (queueOnPostgres) await prepareQueueSchema(await pgClient(session), config.queueSchema, queueNames(config));
  const appRole = roleOf(config.databaseUrl);
  if (appRole) await grantAppRole(session, appRole, queueOnPostgres ? config.queueSchema : undefined);
}

/**
 * Migrates as the schema owner (MIGRATION_DATABASE_URL, by default
 * DATABASE_URL) under the migration lock: the TypeORM migrations, BullMQ's
 * schema when the queue is on PostgreSQL, and the grants of the application's
 * role (the user of DATABASE_URL). Returns the migrations applied.
 */
export async function migrateDatabase(config: MigrateConfig): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(config.migrationDatabaseUrl, { poolSize: 2, applicationName: 'protempore-migrate' }));
  await ds.initialize();
  try {
    return await ensureMigrated(ds, true, (session) => afterMigrations(session, config));
  } finally {
    await ds.destroy();
  }
}

/**
 * Before any module starts work: migrates (when MIGRATE_ON_START) or checks, as
 * the application's role, that nothing is pending. Then warns, in production,
 * when the application's role may change the schema (superuser or owner).
 */
export async function migrateBeforeBoot(config: MigrateConfig): Promise<string[]> {
  const ran = config.migrateOnStart ? await migrateDatabase(config) : [];
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, { poolSize: 2, applicationName: 'protempore-migrate' }));
  await ds.initialize();
  const session = ds.createQueryRunner();
  try {
    if (!config.migrateOnStart) await ensureMigrated(ds, false);
    const privileges = await inspectRole(session);
    if (!config.redisUrl) {
      const names = queueNames(config);
      const problem = await queueSchemaProblem(await pgClient(session), config.queueSchema, names);
      if (problem && !mayChangeSchema(privileges)) {
        throw new Error(
          `The database is not ready for the queue: ${problem}. Run \`npm run migration:run\` (as the schema owner, with this QUEUE_PREFIX) before starting.`,
        );
      }
      // One role for everything: it may prepare the queue's schema itself (as BullMQ's `migrate: true` did).
      if (problem) {
        await prepareQueueSchema(await pgClient(session), config.queueSchema, names).catch(async (err: unknown) => {
          // The API and the worker starting together may race on a sequence: fine if the other one made it.
          if (await queueSchemaProblem(await pgClient(session), config.queueSchema, names)) throw err;
        });
      }
    }
    if (config.nodeEnv === 'production' && mayChangeSchema(privileges)) {
      warn(
        `the API and the worker connect to PostgreSQL as "${privileges.role}", a role that can change the schema` +
          `${privileges.superuser ? ' (a superuser)' : ''}: set DATABASE_URL to a least-privilege role and MIGRATION_DATABASE_URL to the schema owner (README, "Database roles")`,
        { role: privileges.role, superuser: privileges.superuser, ownedTables: privileges.ownedTables },
      );
    }
    return ran;
  } finally {
    await session.release();
    await ds.destroy();
  }
}
