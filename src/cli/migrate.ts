import 'reflect-metadata';
import { loadConfig } from '../core/config/app-config.js';
import { migrateDatabase } from '../core/database/migrate-before-boot.js';

/**
 * `npm run migration:run`: as the schema owner (MIGRATION_DATABASE_URL, by default DATABASE_URL), applies the
 * pending migrations, prepares BullMQ's schema when the queue is on PostgreSQL, and grants the application's role
 * (the user of DATABASE_URL) what it needs. Safe to run again, and while the system runs.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ran = await migrateDatabase(config);
  console.log(ran.length ? `migrations applied: ${ran.join(', ')}` : 'no pending migrations');
}

main().catch((err: unknown) => {
  console.error(`migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
