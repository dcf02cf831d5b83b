import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { ensureMigrated } from './migrate.js';

/** Migrates (or checks for pending migrations) on a short-lived connection, before any module starts work. */
export async function migrateBeforeBoot(config: Pick<AppConfig, 'databaseUrl' | 'migrateOnStart'>): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, { poolSize: 2, applicationName: 'protempore-migrate' }));
  await ds.initialize();
  try {
    return await ensureMigrated(ds, config.migrateOnStart);
  } finally {
    await ds.destroy();
  }
}
