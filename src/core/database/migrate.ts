import type { DataSource, QueryRunner } from 'typeorm';

const MIGRATION_LOCK = 7_146_173; // any constant shared by every process of the deployment

/**
 * Runs pending migrations under an advisory lock (so an API and a worker
 * starting together migrate once), or refuses to go on when migrations are
 * pending and running them at boot is not allowed (production).
 * `afterMigrations` runs under the same lock, on the lock's own session (the
 * queue schema and the grants of the application's role).
 */
export async function ensureMigrated(
  dataSource: DataSource,
  migrateOnStart: boolean,
  afterMigrations?: (session: QueryRunner) => Promise<void>,
): Promise<string[]> {
  if (!migrateOnStart) {
    if (await dataSource.showMigrations()) {
      throw new Error('The database has pending migrations. Run `npm run migration:run` (or set MIGRATE_ON_START=true) before starting.');
    }
    return [];
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    await afterMigrations?.(lock);
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
