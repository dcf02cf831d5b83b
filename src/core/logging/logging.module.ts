import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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

/** JSON logs (pino) with the request id on every line of a request. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, processName: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            base: { process: processName },
            redact: { paths: REDACT_PATHS, censor: '[redacted]' },
            autoLogging: processName === 'api',
            quietReqLogger: true,
            // Fastify generated the id (from X-Request-Id or a new UUID) and put it on the raw request.
            genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
            customProps: () => ({}),
          },
        }),
      ],
    };
  }
}
