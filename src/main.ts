import 'reflect-metadata';
import { loadConfig } from './core/config/app-config.js';
import { migrateBeforeBoot } from './core/database/migrate-before-boot.js';
import { createApi } from './create-api.js';
import { exitWithParent } from './core/process/exit-with-parent.js';

/** The API process: serves HTTP, never runs jobs. */
async function main(): Promise<void> {
  const config = loadConfig();
  await migrateBeforeBoot(config);
  const app = await createApi(config);
  await app.listen(config.port, config.host);
  exitWithParent(() => app.close());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
