import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type DestinationStream, pino } from 'pino';
import { pinoOptions } from '../logging/logging.module.js';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { AppModule } from '../../app.module.js';
import { mountQueueDashboard } from '../../modules/notifications/dashboard/queue-dashboard.js';
import { StaffAccessService } from '../auth/staff-access.service.js';
import type { AppConfig } from '../config/app-config.js';

export const LOGIN_PATH = '/auth/login';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A caller's X-Request-Id is kept when sane; otherwise each request gets a UUID. */
function genReqId(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('protempore')
    .setDescription('Backend of a regional intergovernmental council with a rotating (pro tempore) presidency')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /auth/login' })
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/**
 * Security headers, CORS allow-list, rate limits (global, and tighter on
 * sign-in), and the API docs closed to non-staff outside development.
 */
async function protect(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
  });
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, maxAge: 600 });

  // Route options are read when Nest registers its routes: this hook must come before the rate-limit plugin's own.
  fastify.addHook('onRoute', (route) => {
    if (route.url === LOGIN_PATH && route.method === 'POST') {
      route.config = { ...(route.config as object), rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } } as never;
    }
  });
  await app.register(rateLimit as never, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute || 1,
    timeWindow: '1 minute',
  });

  if (!config.docsPublic) {
    const staff = app.get(StaffAccessService);
    fastify.addHook('onRequest', async (request, reply) => {
      // The matched route, not the raw URL: the router decodes %-escapes, so /%64ocs/openapi.json is /docs/openapi.json.
      const route = request.routeOptions.url ?? '';
      if (route !== '/docs' && !route.startsWith('/docs/')) return;
      if (!(await staff.isStaff(request.headers.authorization))) {
        return reply.code(401).send({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'the API docs need a secretariat or administrator access token' });
      }
    });
  }
}

/**
 * The API application, configured the same way for `main.ts`, tests and benchmarks.
 * `logStream`: where the request logs go (default stdout); tests capture them.
 */
export async function createApi(config: AppConfig, options: { logStream?: DestinationStream } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: options.logStream ? pino(pinoOptions(config, 'api'), options.logStream) : pino(pinoOptions(config, 'api')),
    genReqId,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.nodeEnv === 'production',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  await protect(app, config);
  // The work-queue dashboard (staff only, always): /admin/queues.
  await mountQueueDashboard(app);
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
  return app;
}
