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

/**
 * Secrets that travel in URLs are cut out of logged URLs: calendar feed tokens (/calendar/<token>.ics),
 * since calendar clients cannot send them in a header, and any `token` query parameter (the emailed
 * set-password links, /app/set-password?token=…).
 */
export function redactUrl(url: string): string {
  return url.replace(/\/calendar\/[^?#]*/g, '/calendar/[redacted]').replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's own request serializer, with the URL redacted. */
function requestSerializer(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** JSON lines (pino), one logger configuration for every process. */
export function pinoOptions(config: AppConfig, processName: 'api' | 'worker'): LoggerOptions {
  return {
    level: config.logLevel,
    base: { process: processName },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { req: requestSerializer },
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
