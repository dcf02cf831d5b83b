import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

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
})
export class DatabaseModule {}
