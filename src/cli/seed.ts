import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../core/config/app-config.js';
import { dataSourceOptions } from '../core/database/data-source-options.js';
import { migrateBeforeBoot } from '../core/database/migrate-before-boot.js';
import { seedDemoCouncil } from '../modules/seed/demo-seed.js';

/** `npm run seed`: migrates (when allowed) and loads the demo council; running it again changes nothing. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Migrates as the schema owner (when allowed); seeds as the application's role.
  await migrateBeforeBoot(config);
  const db = new DataSource(dataSourceOptions(config.databaseUrl, { poolSize: 2, applicationName: 'protempore-seed' }));
  await db.initialize();
  try {
    const report = await seedDemoCouncil(db);
    const [counts] = (await db.query(
      `SELECT (SELECT count(*) FROM participants WHERE council_id = $1)::int AS participants,
              (SELECT count(*) FROM delegates WHERE council_id = $1)::int AS delegates,
              (SELECT count(*) FROM bodies WHERE council_id = $1)::int AS bodies,
              (SELECT count(*) FROM presidency_terms WHERE council_id = $1)::int AS terms,
              (SELECT count(*) FROM recommendations WHERE council_id = $1)::int AS recommendations,
              (SELECT count(*) FROM meetings WHERE council_id = $1)::int AS meetings,
              (SELECT count(*) FROM action_items WHERE council_id = $1)::int AS "actionItems",
              (SELECT count(*) FROM notifications WHERE council_id = $1)::int AS notifications`,
      [report.councilId],
    )) as {
      participants: number;
      delegates: number;
      bodies: number;
      terms: number;
      recommendations: number;
      meetings: number;
      actionItems: number;
      notifications: number;
    }[];
    console.log(
      `seed: council nacmc ${report.councilId} ${report.created ? 'created' : 'already present, nothing changed'} ` +
        `(${counts!.participants} participants, ${counts!.delegates} delegates, ${counts!.bodies} bodies, ` +
        `${counts!.terms} presidency terms, ${counts!.recommendations} recommendations, ${counts!.meetings} meetings, ` +
        `${counts!.actionItems} action items, ${counts!.notifications} notifications)`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
