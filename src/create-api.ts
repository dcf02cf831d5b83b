import { randomUUID } from 'node:crypto';
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type DestinationStream, pino } from 'pino';
import { pinoOptions } from './core/logging/logging.module.js';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import { AppModule } from './app.module.js';
import { mountQueueDashboard } from './modules/notifications/dashboard/queue-dashboard.js';
import { StaffAccessService } from './core/auth/staff-access.service.js';
import { mountSetPasswordPage } from './web/set-password/set-password-page.js';
import { mountConsole } from './web/console-host/console-host.js';
import type { AppConfig } from './core/config/app-config.js';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputException } from './core/errors/domain.exception.js';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './core/validation/json-depth.js';
import { mountMetricsRoute } from './core/metrics/metrics-route.js';
import { withErrorBody } from './core/http/error-body.schema.js';
import { errorBody } from './core/http/http-exception.filter.js';

export const LOGIN_PATH = '/auth/login';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A caller's X-Request-Id is kept when sane; otherwise each request gets a UUID. */
function genReqId(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}

const BODY_LIMIT = 1024 * 1024;
/** Longest path parameter the router takes (a UUID is 36); longer is a 414 with the standard error body. */
const MAX_PARAM_LENGTH = 200;

/**
 * The router answers a malformed URL (bad %-escape) or an over-long path parameter before any hook or the
 * exception filter runs: it gets the same error body, with its requestId, as every other error.
 */
function routerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  // The router's messages echo the raw path: a fixed text instead.
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'the URL is not valid (a malformed %-escape)'
      : status === 414
        ? `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`
        : 'the request cannot be routed';
  void reply
    .code(status)
    .header('x-request-id', request.id)
    .send(errorBody(status, message, String(request.id)));
}

/**
 * A request Node's HTTP parser refuses before Fastify sees it (a raw non-ASCII byte in the target, a malformed
 * header, headers too large, a timeout): the same error body, with a fresh requestId, and the connection closed.
 */
function clientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'the request took too long to arrive']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request headers are too large']
        : [400, 'the request is not valid HTTP'];
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(status, message, requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * JSON bodies: nesting deeper than MAX_JSON_DEPTH is refused (400, field `body`) before parsing, by one
 * iterative pass, so that no later step (transform, validation, services) recurses over hostile depth.
 * Then Fastify's own parser, with prototype poisoning refused.
 */
function registerJsonParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, (request, body, done) => {
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new InvalidInputException('body', 'max_depth', `the JSON body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    parse(request as never, body as never, done);
  });
}

/**
 * multipart/form-data, streamed (@fastify/multipart; nothing is buffered or written to disk by the parser), for
 * the routes that declare `config.multipart` (the paper upload) only: any other route answers 415 to it, as it
 * does to every content type it has no parser for. Limits per request are set by the route's handler.
 */
async function registerMultipart(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(multipart as never, { limits: { fileSize: config.documents.maxFileBytes, files: 1, fields: 10, parts: 12, fieldSize: 4096 } });
  fastify.addHook('preValidation', async (request, reply) => {
    const multipartRoute = (request.routeOptions.config as { multipart?: boolean } | undefined)?.multipart === true;
    if (multipartRoute || !request.isMultipart()) return;
    const message = 'multipart/form-data is accepted by the upload routes only; send JSON';
    return reply.code(415).send({ ...errorBody(415, message, String(request.id)), errors: [{ field: 'content-type', rule: 'supported', message }] });
  });
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('protempore')
    .setDescription('Backend of a regional intergovernmental council with a rotating (pro tempore) presidency')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /auth/login' })
    .addSecurityRequirements('bearer')
    .build();
  return withErrorBody(
    SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` }),
  );
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
        // No inline script anywhere: the console, the set-password page, Swagger UI and the queue dashboard load theirs from files.
        scriptSrc: [`'self'`],
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
    bodyLimit: BODY_LIMIT,
    maxParamLength: MAX_PARAM_LENGTH,
    frameworkErrors: routerError,
    clientErrorHandler: clientError,
    trustProxy: config.nodeEnv === 'production',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  registerJsonParser(app);
  const fastify = app.getHttpAdapter().getInstance();
  await registerMultipart(app, config);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  await protect(app, config);
  // The work-queue dashboard (staff only, always): /admin/queues.
  await mountQueueDashboard(app);
  // Prometheus metrics at /metrics (METRICS_PUBLIC in development, else METRICS_TOKEN), and every request timed by route.
  mountMetricsRoute(app, config);
  // The page the emailed set-password links open: /app/set-password (and the old /set-password, redirected).
  mountSetPasswordPage(app);
  // The web console: dist/console at /app/, index.html for its deep links.
  mountConsole(app);
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
  return app;
}
