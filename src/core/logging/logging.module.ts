import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/** Never logged: credentials in headers or bodies. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
];

/** JSON lines (pino), one logger configuration for every process. */
export function pinoOptions(config: AppConfig, processName: 'api' | 'worker'): LoggerOptions {
  return {
    level: config.logLevel,
    base: { process: processName },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
}

/**
 * Nest's logger on pino. In the API, Fastify owns the pino instance and logs
 * each request with its id (`reqId`); Nest's log lines inside a request are
 * written through the same request logger, so they carry that id too.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, processName: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot(
          processName === 'api'
            ? { pinoHttp: pinoOptions(config, processName), useExisting: true, forRoutes: ['*path'] }
            : { pinoHttp: pinoOptions(config, processName), forRoutes: [] },
        ),
      ],
    };
  }
}
