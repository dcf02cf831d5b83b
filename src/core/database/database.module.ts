import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { TimeZoneCatalog } from '../time-zones/time-zone-catalog.service.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, { poolSize: config.nodeEnv === 'test' ? 5 : 20 }),
        retryAttempts: config.nodeEnv === 'test' ? 0 : 5,
      }),
    }),
  ],
  // The zones PostgreSQL knows, loaded at boot for @IsTimeZone() (API, worker and tests alike).
  providers: [TimeZoneCatalog],
  exports: [TimeZoneCatalog],
})
export class DatabaseModule {}
