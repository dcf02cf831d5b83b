import { createRequire } from 'node:module';
import path from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AccessTokenService, InvalidTokenError } from '../../../core/auth/access-token.service.js';
import { StaffAccessService } from '../../../core/auth/staff-access.service.js';
import { QUEUES } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

type ApiRoutes = Parameters<FastifyAdapter['setApiRoutes']>[0];

/**
 * bull-board's Fastify adapter, serving only the routes that READ: the board
 * is read-only (readOnlyMode on every queue), so its routes that change a
 * queue (retry, clean, pause, add, obliterate …) are not even registered —
 * nothing on this page can alter the work queues, whoever gets in.
 */
class ReadOnlyFastifyAdapter extends FastifyAdapter {
  override setApiRoutes(routes: ApiRoutes): this {
    super.setApiRoutes(routes.filter((r) => [r.method].flat().every((m) => m.toLowerCase() === 'get')));
    return this;
  }
}

/** The 401/403 body, shaped like the API's own errors. */
function refuse(reply: FastifyReply, status: 401 | 403): FastifyReply {
  return reply
    .code(status)
    .send(
      status === 401
        ? { statusCode: 401, code: 'UNAUTHENTICATED', message: 'the queue dashboard needs a secretariat or administrator access token' }
        : { statusCode: 403, code: 'FORBIDDEN', message: 'the queue dashboard is for system administrators and secretariat staff' },
    );
}

/** A valid token of an enabled account that is not staff: 403 rather than 401. */
async function isSignedIn(app: NestFastifyApplication, authorization: string | undefined): Promise<boolean> {
  const match = authorization ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization) : null;
  if (!match) return false;
  try {
    const userId = await app.get(AccessTokenService).verify(match[1]!);
    const rows = (await app.get(DataSource).query(`SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL`, [userId])) as unknown[];
    return rows.length > 0;
  } catch (err) {
    if (err instanceof InvalidTokenError) return false;
    throw err;
  }
}

/**
 * The work-queue dashboard (bull-board) at /admin/queues, on the API's own
 * Fastify instance: the queues system, notify and mail, read-only. Always
 * closed to all but system administrators and secretariat staff (bearer token,
 * checked on the MATCHED route — the router decodes %-escapes, so the raw URL
 * is not to be trusted), in every environment, development included.
 * Call before the application is initialised.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const staff = app.get(StaffAccessService);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? '';
    if (route !== QUEUE_DASHBOARD_PATH && !route.startsWith(`${QUEUE_DASHBOARD_PATH}/`)) return;
    const authorization = request.headers.authorization;
    if (await staff.isStaff(authorization)) return;
    return refuse(reply, (await isSignedIn(app, authorization)) ? 403 : 401);
  });

  const queues = app.get(QueueService);
  const serverAdapter = new ReadOnlyFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(queues.queue(name), { readOnlyMode: true, displayName: name })),
    // @bull-board/fastify 9.10.1 carries its own copy of @bull-board/api's TYPES (9.10.1); the objects are the same at run time.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: {
      // Where the UI's page and assets are, found from this module (bull-board's own lookup relies on a CommonJS `require`).
      uiBasePath: path.dirname(createRequire(import.meta.url).resolve('@bull-board/ui/package.json')),
      uiConfig: { boardTitle: 'protempore queues' },
    },
  });
  await app.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
}
