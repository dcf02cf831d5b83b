import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from './core/config/app-config.js';
import { AuthModule } from './core/auth/auth.module.js';
import { ConfigModule } from './core/config/config.module.js';
import { OutboxModule } from './core/outbox/outbox.module.js';
import { RequestContextMiddleware } from './core/context/request-context.middleware.js';
import { DatabaseModule } from './core/database/database.module.js';
import { HealthModule } from './core/health/health.module.js';
import { HttpExceptionFilter } from './core/http/http-exception.filter.js';
import { createValidationPipe } from './core/http/validation.pipe.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { MetricsModule } from './core/metrics/metrics.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { domainModules } from './modules/domain-modules.js';

/** The API process: HTTP only, never runs jobs. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'api'),
        MetricsModule.forRoot('api'),
        DatabaseModule,
        QueueModule,
        AuditModule,
        AuthModule,
        OutboxModule,
        HealthModule,
        ...domainModules,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
