import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * For the TypeORM CLI (`npm run migration:generate|revert`), run against the compiled code in dist/, as the
 * schema owner. `npm run migration:run` goes through src/cli/migrate.ts instead (it also grants the app's role).
 */
export default new DataSource(dataSourceOptions(loadConfig().migrationDatabaseUrl, { poolSize: 2, applicationName: 'protempore-cli' }));
