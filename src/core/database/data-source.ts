import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`npm run migration:*`), run against the compiled code in dist/. */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl, { poolSize: 2, applicationName: 'protempore-cli' }));
