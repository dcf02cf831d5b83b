import { type AuthzFixtures } from '../authz-fixtures.js';
import { type MatrixEntry, s } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Operational routes outside any domain: health and metrics, the CORS preflight, the queue dashboard, the set-password page and the web console; the audit trail. */

// ───────────────────────────── the queue dashboard (bull-board, read-only) ─────────────────────────────
// Outside the route table: a gate on the matched route lets system administrators and secretariat staff
// of ANY council in (so the foreign secretariat too), refuses other signed-in people (403) and anonymous
// callers (401). Only its reading routes exist.

const STAFF_ONLY = s(403, 403, 403, 403, 200, 200, 200, 401);

/** A job in the system queue (nothing consumes it in the matrix test), for the routes about one job. */
async function probeJob(f: AuthzFixtures): Promise<{ queueName: string; jobId: string }> {
  const { QueueService } = await import('../../../src/core/queue/queue.service.js');
  await f.ctx.app.get(QueueService).queue('system').add('matrix.probe', {}, { jobId: 'matrix-probe' });
  return { queueName: `${f.ctx.config.queuePrefix}-system`, jobId: 'matrix-probe' };
}
const queueName = (f: AuthzFixtures) => ({ queueName: `${f.ctx.config.queuePrefix}-mail` });

// ───────────────────────────── the set-password page ─────────────────────────────
// Plain Fastify routes outside the route table, open to anyone: the page holds no data (the token is checked
// by POST /auth/password), and the links emailed before to /set-password redirect to it.

const OPEN_PAGE = s(200, 200, 200, 200, 200, 200, 200, 200);

export const systemRoutes: Record<string, MatrixEntry> = {
  // ── health ─────────────────────────────────────────────────────────── own  oth  obs  chr  sec  fsec adm  anon
  'GET /health': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  // The probes: operational and public, like /health.
  'GET /health/live': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /health/ready': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  // Prometheus metrics, outside the route table: closed outside development (this test runs as NODE_ENV=test
  // with no METRICS_TOKEN): a system administrator's access token opens them, others signed in get 403, anonymous 401.
  'GET /metrics': { request: () => ({}), expect: s(403, 403, 403, 403, 403, 403, 200, 401) },

  // ── CORS preflight: no browser origin is allowed by default (CORS_ORIGINS), so it is not found; never reaches a guard ──
  'OPTIONS *': {
    request: () => ({
      path: '/councils/:councilId/delegations',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'PATCH' },
    }),
    expect: s(404, 404, 404, 404, 404, 404, 404, 404),
  },

  // ── audit ──
  'GET /councils/:councilId/audit': { request: () => ({}), expect: s(403, 403, 403, 403, 200, 403, 200, 401) },

  // ── the queue dashboard (bull-board, read-only) ──
  'GET /admin/queues': { request: () => ({}), expect: STAFF_ONLY },
  'GET /admin/queues/': { request: () => ({}), expect: STAFF_ONLY },
  'GET /admin/queues/metrics-history': { request: () => ({}), expect: STAFF_ONLY },
  'GET /admin/queues/job-schedulers': { request: () => ({}), expect: STAFF_ONLY },
  'GET /admin/queues/queue/:queueName': { request: (f) => ({ params: queueName(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/queue/:queueName/:jobId': { request: async (f) => ({ params: await probeJob(f) }), expect: STAFF_ONLY },
  // The UI's assets (@fastify/static under the board's prefix).
  'GET /admin/queues/*': { request: () => ({ path: '/admin/queues/static/locales/en-US/messages.json' }), expect: STAFF_ONLY },
  'GET /admin/queues/api/redis/stats': { request: () => ({}), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues': { request: () => ({}), expect: STAFF_ONLY },
  'GET /admin/queues/api/job-schedulers': { request: () => ({}), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/metrics': { request: (f) => ({ params: queueName(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/default-job-options': { request: (f) => ({ params: queueName(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/workers': { request: (f) => ({ params: queueName(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/rate-limit': { request: (f) => ({ params: queueName(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/job-data-schema': { request: (f) => ({ params: queueName(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/:jobId': { request: async (f) => ({ params: await probeJob(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/:jobId/logs': { request: async (f) => ({ params: await probeJob(f) }), expect: STAFF_ONLY },
  'GET /admin/queues/api/queues/:queueName/:jobId/flow': { request: async (f) => ({ params: await probeJob(f) }), expect: STAFF_ONLY },

  // ── the set-password page and the web console ──
  'GET /app/set-password': { request: () => ({ query: { token: 'matrix-token', lang: 'en' } }), expect: OPEN_PAGE },
  'GET /app/set-password/set-password.js': { request: () => ({}), expect: OPEN_PAGE },
  'GET /app/set-password/set-password.css': { request: () => ({}), expect: OPEN_PAGE },
  'GET /set-password': { request: () => ({ query: { token: 'matrix-token' } }), expect: s(302, 302, 302, 302, 302, 302, 302, 302) },
  // The web console: its index.html for every deep link under /app/ (the app holds no data), open to anyone.
  'GET /app': { request: () => ({}), expect: s(302, 302, 302, 302, 302, 302, 302, 302) },
  'GET /app/': { request: () => ({}), expect: OPEN_PAGE },
  'GET /app/*': { request: () => ({ path: '/app/items' }), expect: OPEN_PAGE },
};
