import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ACTOR_NAMES, type ActorName, type AuthzFixtures, nextFocusAreaCode, nextRecommendationNumber } from './authz-fixtures.js';
import { meetingDayCome } from './meetings.js';

/**
 * The authorization matrix: one entry per route the API serves ("METHOD /path"
 * as Fastify knows it), with how to build a valid request against objects
 * owned by OTHERS (delegation Y owns them; Y's delegate is the first column),
 * and the status each actor must get.
 *
 * The truth is src/core/auth/permissions.ts. Reminders:
 * - 401: no credentials on a route anonymous callers may not use;
 * - 403: signed in, but no role in the route's council gives the permission;
 * - 404: an own-scoped permission (delegation.update, delegate.manage) used on
 *   another delegation's rows — the query is limited to the caller's delegation.
 *
 * Requests that would change something are built on fresh objects (see
 * `fresh` in authz-fixtures.ts), so every case starts from the same world.
 */

export interface MatrixRequest {
  /** Path parameters; `councilId` defaults to council A. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** For wildcard routes: the concrete path to call. */
  path?: string;
  /** A multipart/form-data body instead of JSON (the paper upload): text fields and one file. */
  multipart?: { fields: Record<string, string>; file: { field: string; content: Buffer; filename: string; contentType: string } };
}

export type Statuses = Record<ActorName, number>;

export interface MatrixEntry {
  request: (f: AuthzFixtures) => Promise<MatrixRequest> | MatrixRequest;
  expect: Statuses;
}

/**
 * One row of the matrix; the columns, in order: delegate of Y (the owner
 * delegation), delegate of Z (another delegation), delegate of the observer O,
 * the chair (delegate of X, whose term covers now), secretariat of A,
 * secretariat of B (acting on A), system administrator, anonymous.
 */
function s(
  ownerDelegate: number,
  otherDelegate: number,
  observerDelegate: number,
  chair: number,
  secretariat: number,
  foreignSecretariat: number,
  admin: number,
  anonymous: number,
): Statuses {
  return { ownerDelegate, otherDelegate, observerDelegate, chair, secretariat, foreignSecretariat, admin, anonymous };
}

const uniq = (f: AuthzFixtures) => f.unique();

export const MATRIX: Record<string, MatrixEntry> = {
  // ── health ─────────────────────────────────────────────────────────── own  oth  obs  chr  sec  fsec adm  anon
  'GET /health': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  // The probes: operational and public, like /health.
  'GET /health/live': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /health/ready': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  // Prometheus metrics, outside the route table: closed outside development (this test runs as NODE_ENV=test
  // with no METRICS_TOKEN): a system administrator's access token opens them, others signed in get 403, anonymous 401.
  'GET /metrics': { request: () => ({}), expect: s(403, 403, 403, 403, 403, 403, 200, 401) },

  // ── councils ──
  'GET /councils': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils': {
    // No council in the route: only anonymous, authenticated and admin roles exist there.
    request: (f) => ({ body: { slug: `n-${uniq(f)}`, name: `New council ${uniq(f)}`, workingLanguages: ['es'], timeZone: 'UTC' } }),
    expect: s(403, 403, 403, 403, 403, 403, 201, 401),
  },
  'GET /councils/:councilId': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'PATCH /councils/:councilId': {
    request: async (f) => ({ body: { version: await f.fresh.version('councils', f.A.councilId), name: `Council A ${uniq(f)}` } }),
    expect: s(403, 403, 403, 403, 200, 403, 200, 401),
  },

  // ── participants ──
  'GET /councils/:councilId/participants': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils/:councilId/participants': {
    request: (f) => ({ body: { kind: 'permanent_participant', name: `Network ${uniq(f)}`, category: 'academia' } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'POST /councils/:councilId/participants/rotation-order': {
    request: async (f) => {
      const rows = (await f.ctx.db.query(`SELECT id FROM participants WHERE council_id = $1 AND kind = 'member_state' ORDER BY rotation_position`, [
        f.A.councilId,
      ])) as { id: string }[];
      return { body: { participantIds: rows.map((r) => r.id) } };
    },
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/participants/:participantId': {
    request: (f) => ({ params: { participantId: f.A.Y.participantId } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
  },
  'PATCH /councils/:councilId/participants/:participantId': {
    // Even Y's own delegate may not edit Y as a participant: that is the secretariat's.
    request: async (f) => ({
      params: { participantId: f.A.Y.participantId },
      body: { version: await f.fresh.version('participants', f.A.Y.participantId), timeZone: 'America/Guatemala' },
    }),
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },

  // ── delegations ──
  'GET /councils/:councilId/delegations': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'GET /councils/:councilId/delegations/:delegationId': {
    request: (f) => ({ params: { delegationId: f.A.Y.delegationId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'PATCH /councils/:councilId/delegations/:delegationId': {
    request: async (f) => ({
      params: { delegationId: f.A.Y.delegationId },
      body: { version: await f.fresh.version('delegations', f.A.Y.delegationId), contactEmail: `y-${uniq(f)}@test.protempore.org` },
    }),
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/delegations/:delegationId/delegates': {
    request: (f) => ({ params: { delegationId: f.A.Y.delegationId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'POST /councils/:councilId/delegations/:delegationId/delegates': {
    request: (f) => ({
      params: { delegationId: f.A.Y.delegationId },
      body: { fullName: 'New Adviser', email: `adviser-${uniq(f)}@test.protempore.org`, role: 'adviser' },
    }),
    expect: s(201, 404, 404, 404, 201, 403, 403, 401),
  },
  'PATCH /councils/:councilId/delegations/:delegationId/delegates/:delegateId': {
    request: async (f) => {
      const d = await f.fresh.delegate(f.A.councilId, f.A.Y.delegationId);
      return { params: { delegationId: f.A.Y.delegationId, delegateId: d.id }, body: { version: d.version, fullName: 'Renamed Delegate' } };
    },
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'DELETE /councils/:councilId/delegations/:delegationId/delegates/:delegateId': {
    request: async (f) => {
      const d = await f.fresh.delegate(f.A.councilId, f.A.Y.delegationId);
      return { params: { delegationId: f.A.Y.delegationId, delegateId: d.id } };
    },
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },

  // ── bodies (the chair manages them) ──
  'GET /councils/:councilId/bodies': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'POST /councils/:councilId/bodies': {
    request: (f) => ({ body: { kind: 'working_group', name: `Working group ${uniq(f)}` } }),
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/bodies/:bodyId': {
    request: (f) => ({ params: { bodyId: f.A.bodyId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'PATCH /councils/:councilId/bodies/:bodyId': {
    request: async (f) => {
      const b = await f.fresh.body();
      return { params: { bodyId: b.id }, body: { version: b.version, name: `Renamed body ${uniq(f)}` } };
    },
    expect: s(403, 403, 403, 200, 200, 403, 403, 401),
  },
  'POST /councils/:councilId/bodies/:bodyId/leads': {
    request: async (f) => {
      const b = await f.fresh.body();
      return { params: { bodyId: b.id }, body: { participantId: f.A.Y.participantId, from: '2026-01-01' } };
    },
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'DELETE /councils/:councilId/bodies/:bodyId/leads/:leadId': {
    // A lead held by Y: even Y's delegate may not remove it.
    request: async (f) => {
      const lead = await f.fresh.lead();
      return { params: { bodyId: lead.bodyId, leadId: lead.id } };
    },
    expect: s(403, 403, 403, 204, 204, 403, 403, 401),
  },

  // ── presidency ──
  'GET /councils/:councilId/presidency/terms': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils/:councilId/presidency/terms': {
    request: (f) => ({ body: { participantId: f.A.Y.participantId } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'DELETE /councils/:councilId/presidency/terms/:termId': {
    request: async (f) => ({ params: { termId: (await f.fresh.futureTerm()).id } }),
    expect: s(403, 403, 403, 403, 204, 403, 403, 401),
  },
  'GET /councils/:councilId/presidency/current': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /councils/:councilId/presidency/troika': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /councils/:councilId/presidency/schedule': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },

  // ── focus areas and recommendations ──
  'GET /councils/:councilId/focus-areas': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'POST /councils/:councilId/focus-areas': {
    request: () => ({ body: { code: nextFocusAreaCode(), title: 'A new focus area' } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/recommendations': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'POST /councils/:councilId/recommendations': {
    request: (f) => ({ body: { focusAreaId: f.A.focusAreaId, number: nextRecommendationNumber(), title: 'A new recommendation', body: 'Text' } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/recommendations/:recommendationId': {
    request: (f) => ({ params: { recommendationId: f.A.recommendationId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'PATCH /councils/:councilId/recommendations/:recommendationId': {
    request: async (f) => {
      const r = await f.fresh.recommendation();
      return { params: { recommendationId: r.id }, body: { version: r.version, title: 'Retitled recommendation' } };
    },
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },

  // ── sessions (anyone may sign in; a token, if sent, must be valid) ──
  'POST /auth/login': {
    request: (f) => ({ body: { email: f.signIn.email, password: f.signIn.password } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /auth/refresh': {
    request: async (f) => ({ body: { refreshToken: await f.fresh.refreshToken() } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
  },
  'POST /auth/logout': {
    request: async (f) => ({ body: { refreshToken: await f.fresh.refreshToken() } }),
    expect: s(204, 204, 204, 204, 204, 204, 204, 204),
  },
  'POST /auth/password': {
    request: async (f) => ({ body: { token: await f.fresh.setupLinkToken(), password: 'a long enough password' } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
  },
  'GET /auth/me': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'PATCH /auth/me': { request: () => ({ body: { preferredLanguage: 'pt', timeZone: 'America/Guatemala' } }), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },

  // ── the council's people (its secretariat only; not even the system administrator) ──
  'GET /councils/:councilId/users': { request: () => ({}), expect: s(403, 403, 403, 403, 200, 403, 403, 401) },
  'POST /councils/:councilId/users': {
    // An account for a (fresh) seat of Y's delegation: Y's own delegate may not hand it out.
    request: async (f) => ({
      body: {
        email: `new-${uniq(f)}@test.protempore.org`,
        fullName: 'New Person',
        role: 'delegate',
        delegateId: (await f.fresh.delegate(f.A.councilId, f.A.Y.delegationId)).id,
      },
    }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'DELETE /councils/:councilId/users/:userId': {
    request: async (f) => ({ params: { userId: (await f.fresh.user()).id } }),
    expect: s(403, 403, 403, 403, 204, 403, 403, 401),
  },
  'POST /councils/:councilId/users/:userId/setup-link': {
    request: async (f) => ({ params: { userId: (await f.fresh.user()).id } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },

  // ── accounts across councils (the system administrator only) ──
  'POST /users/:userId/disable': {
    request: async (f) => ({ params: { userId: (await f.fresh.user()).id } }),
    expect: s(403, 403, 403, 403, 403, 403, 200, 401),
  },
  'POST /users/:userId/enable': {
    request: async (f) => ({ params: { userId: (await f.fresh.user({ disabled: true })).id } }),
    expect: s(403, 403, 403, 403, 403, 403, 200, 401),
  },
  'POST /users/:userId/setup-link': {
    request: async (f) => ({ params: { userId: (await f.fresh.user()).id } }),
    expect: s(403, 403, 403, 403, 403, 403, 201, 401),
  },

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
};

// ───────────────────────────── helpers ─────────────────────────────

export function splitRoute(route: string): { method: string; pattern: string } {
  const [method, pattern] = route.split(' ') as [string, string];
  return { method, pattern };
}

/** The concrete path of a route for a built request (council A unless the request names another). */
export function pathOf(route: string, req: MatrixRequest, f: AuthzFixtures): string {
  const { pattern } = splitRoute(route);
  if (req.path) return req.path.replace(':councilId', req.params?.councilId ?? f.A.councilId);
  const params: Record<string, string> = { councilId: f.A.councilId, ...req.params };
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: the request builder gives no value for :${name}`);
    return value;
  });
}

export interface SentResponse {
  status: number;
  body: { code?: string; errors?: { field: string; rule: string; message: string }[] } & Record<string, unknown>;
  text: string;
}

/** Sends the built request as the actor (no Authorization header for anonymous). */
export async function send(
  app: NestFastifyApplication,
  method: string,
  path: string,
  req: MatrixRequest,
  authorization: string | null,
): Promise<SentResponse> {
  const agent = request(app.getHttpServer());
  const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete' | 'head' | 'options';
  let r = agent[m](path);
  if (authorization) r = r.set('authorization', authorization);
  for (const [k, v] of Object.entries(req.headers ?? {})) r = r.set(k, v);
  if (req.query) r = r.query(req.query);
  if (req.body !== undefined) r = r.send(req.body);
  if (req.multipart) {
    for (const [k, v] of Object.entries(req.multipart.fields)) r = r.field(k, v);
    const { field, content, filename, contentType } = req.multipart.file;
    r = r.attach(field, content, { filename, contentType });
  }
  const res = await r;
  return { status: res.status, body: res.body as SentResponse['body'], text: res.text ?? '' }; // no text for a binary body (a PDF)
}

export { ACTOR_NAMES };

// ───────────────────────────── the route table ─────────────────────────────

const NEST_METHODS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.HEAD]: 'HEAD',
  [RequestMethod.ALL]: 'ALL',
  [RequestMethod.SEARCH]: 'SEARCH',
};

function joinPath(...parts: string[]): string {
  const joined = `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '').join('/')}`;
  return joined;
}

const asArray = (v: string | string[] | undefined): string[] => (v === undefined ? ['/'] : Array.isArray(v) ? v : [v]);

/**
 * Every route Nest mapped, as "METHOD /path", from the controllers' metadata
 * (the same metadata Nest's router explorer reads), with the controller class
 * and method name behind it.
 */
export function nestRoutes(app: NestFastifyApplication): Map<string, { controller: Function; handler: string }> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes = new Map<string, { controller: Function; handler: string }>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Function | undefined;
    if (!controller || !wrapper.instance) continue;
    const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    const proto = Object.getPrototypeOf(wrapper.instance) as object;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name] as Function;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (paths === undefined || method === undefined) continue;
      for (const prefix of prefixes) {
        for (const p of asArray(paths)) {
          routes.set(`${NEST_METHODS[method] ?? `METHOD_${method}`} ${joinPath(prefix, p)}`, { controller, handler: name });
        }
      }
    }
  }
  return routes;
}

/**
 * Every (method, url) Fastify serves, read from its route tree
 * (`printRoutes({ commonPrefix: false })`): catches routes registered outside
 * Nest's controllers too (plugins, Swagger, CORS).
 */
export function fastifyRoutes(app: NestFastifyApplication): Set<string> {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const marker = line.indexOf('── ');
    if (marker < 0) continue;
    const depth = Math.round((marker - 1) / 4);
    const rest = line.slice(marker + 3);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(rest);
    if (!m) throw new Error(`unreadable route tree line: ${line}`);
    stack.length = depth;
    stack.push(m[1]!);
    const url = stack.join('');
    for (const method of (m[2] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) routes.add(`${method} ${url}`);
  }
  if (routes.size === 0) throw new Error(`no route read from Fastify's route tree:\n${tree}`);
  return routes;
}

/** Swagger UI and the OpenAPI document: tested elsewhere (test/openapi). */
export const isDocsRoute = (route: string) => /^[A-Z]+ \/docs/.test(route);

// ───────────────────────────── the caller's own notifications ─────────────────────────────

/** A notification in the inbox of Y's delegate (the first column): nobody else may mark it read. */
async function ownerNotification(f: AuthzFixtures): Promise<string> {
  const rows = (await f.ctx.db.query(
    `INSERT INTO notifications (user_id, council_id, kind, subject_type, subject_id, title, body)
     VALUES ($1, $2, 'council.reminder', 'council_reminder', gen_random_uuid()::text, 'Matrix', 'Matrix notification') RETURNING id::text AS id`,
    [f.actors.ownerDelegate!.userId, f.A.councilId],
  )) as { id: string }[];
  return rows[0]!.id;
}

Object.assign(MATRIX, {
  // Every signed-in person, always on their own inbox and preferences (no council in the route).
  'GET /me/notifications': { request: () => ({ query: { unread: 'true', limit: '5' } }), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'POST /me/notifications/read-all': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'POST /me/notifications/:notificationId/read': {
    // Someone else's notification is not found: the query names the caller.
    request: async (f) => ({ params: { notificationId: await ownerNotification(f) } }),
    expect: s(204, 404, 404, 404, 404, 404, 404, 401),
  },
  'GET /me/notification-preferences': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'PUT /me/notification-preferences/:kind': {
    request: () => ({ params: { kind: 'council.reminder' }, body: { mode: 'digest' } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 401),
  },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── the queue dashboard (bull-board, read-only) ─────────────────────────────
// Outside the route table: a gate on the matched route lets system administrators and secretariat staff
// of ANY council in (so the foreign secretariat too), refuses other signed-in people (403) and anonymous
// callers (401). Only its reading routes exist.

const STAFF_ONLY = s(403, 403, 403, 403, 200, 200, 200, 401);

/** A job in the system queue (nothing consumes it in the matrix test), for the routes about one job. */
async function probeJob(f: AuthzFixtures): Promise<{ queueName: string; jobId: string }> {
  const { QueueService } = await import('../../src/core/queue/queue.service.js');
  await f.ctx.app.get(QueueService).queue('system').add('matrix.probe', {}, { jobId: 'matrix-probe' });
  return { queueName: `${f.ctx.config.queuePrefix}-system`, jobId: 'matrix-probe' };
}
const queueName = (f: AuthzFixtures) => ({ queueName: `${f.ctx.config.queuePrefix}-mail` });

Object.assign(MATRIX, {
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
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── council reminders (the secretariat's own) ─────────────────────────────

/** A reminder of council A, due in a week (the worker does not run in the matrix test). */
async function freshReminder(f: AuthzFixtures): Promise<{ reminderId: string }> {
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/reminders`)
    .send({ title: 'Matrix', message: 'Matrix reminder', sendAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), audience: {} });
  if (res.status !== 201) throw new Error(`reminder fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { reminderId: res.body.id as string };
}

const SECRETARIAT_ONLY = (ok: number) => s(403, 403, 403, 403, ok, 403, 403, 401);

Object.assign(MATRIX, {
  'POST /councils/:councilId/reminders': {
    request: () => ({ body: { title: 'Read the draft', message: 'Please read it.', sendAt: new Date(Date.now() + 86_400_000).toISOString(), audience: { roles: ['head'] } } }),
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/reminders': { request: () => ({}), expect: SECRETARIAT_ONLY(200) },
  'GET /councils/:councilId/reminders/:reminderId': { request: async (f) => ({ params: await freshReminder(f) }), expect: SECRETARIAT_ONLY(200) },
  'PATCH /councils/:councilId/reminders/:reminderId': {
    request: async (f) => ({ params: await freshReminder(f), body: { version: 1, title: 'Moved' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'DELETE /councils/:councilId/reminders/:reminderId': {
    request: async (f) => ({ params: await freshReminder(f), query: { version: '1' } }),
    expect: SECRETARIAT_ONLY(200),
  },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── meetings: read by the council's readers, managed by its secretariat ─────────────────────────────

/** A draft working-group meeting of council A, far enough ahead to be convened. */
async function freshMeeting(f: AuthzFixtures): Promise<{ meetingId: string }> {
  const startsAt = new Date(Date.now() + 200 * 86_400_000);
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings`)
    .send({
      kind: 'working_group',
      title: `Matrix meeting ${f.unique()}`,
      bodyId: f.A.bodyId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      timeZone: 'America/Guatemala',
    });
  if (res.status !== 201) throw new Error(`meeting fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId: res.body.id as string };
}

const MEETING_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);

Object.assign(MATRIX, {
  'POST /councils/:councilId/meetings': {
    request: (f) => ({
      body: {
        kind: 'senior_officials',
        title: 'Senior officials meeting',
        bodyId: f.A.bodyId,
        hostParticipantId: f.A.Y.participantId,
        startsAt: '2030-05-04T15:00:00Z',
        endsAt: '2030-05-04T22:00:00Z',
        timeZone: 'America/Guatemala',
      },
    }),
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/meetings': { request: () => ({ query: { status: 'draft' } }), expect: MEETING_READERS },
  'GET /councils/:councilId/meetings/working-hours': {
    request: () => ({ query: { start: '2030-03-11T14:00:00Z', end: '2030-03-11T22:00:00Z' } }),
    expect: MEETING_READERS,
  },
  'GET /councils/:councilId/meetings/:meetingId': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  'PATCH /councils/:councilId/meetings/:meetingId': {
    request: async (f) => ({ params: await freshMeeting(f), body: { version: 1, title: 'Moved meeting', venue: 'Guatemala City' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/transitions': {
    request: async (f) => ({ params: await freshMeeting(f), body: { to: 'convened', version: 1 } }),
    expect: SECRETARIAT_ONLY(200),
  },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── meeting agendas: read by the council's readers, built by its secretariat; the chair may add items ─────────────────────────────

/** A fresh meeting of council A (draft, or convened) whose agenda holds one item; the agenda is then at version 2. */
async function freshAgenda(f: AuthzFixtures, opts: { convened?: boolean } = {}): Promise<{ meetingId: string; itemId: string }> {
  const { meetingId } = await freshMeeting(f);
  if (opts.convened) {
    const res = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/transitions`).send({ to: 'convened', version: 1 });
    if (res.status !== 200) throw new Error(`agenda fixture (convene): ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items`)
    .send({ title: { es: `Punto ${f.unique()}` }, purpose: 'discussion' });
  if (res.status !== 201) throw new Error(`agenda fixture (item): ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, itemId: res.body.id as string };
}

/** A meeting of council A in session whose agenda (one item) is circulated, at agenda version 3. */
async function circulatedAgendaInSession(f: AuthzFixtures): Promise<{ meetingId: string }> {
  const { meetingId } = await freshAgenda(f, { convened: true });
  const base = `/councils/${f.A.councilId}/meetings/${meetingId}`;
  const circulated = await f.ctx.http().post(`${base}/agenda/circulate`).send({ version: 2 });
  if (circulated.status !== 200) throw new Error(`agenda fixture (circulate): ${circulated.status} ${JSON.stringify(circulated.body)}`);
  // created 1 → convened 2 → agenda_circulated 3; its day come (a session opens on the meeting's day)
  await meetingDayCome(f.ctx, meetingId);
  const opened = await f.ctx.http().post(`${base}/transitions`).send({ to: 'in_session', version: 3 });
  if (opened.status !== 200) throw new Error(`agenda fixture (open): ${opened.status} ${JSON.stringify(opened.body)}`);
  return { meetingId };
}

Object.assign(MATRIX, {
  'GET /councils/:councilId/meetings/:meetingId/agenda': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  // The meeting pack: the council's readers; with Prefer: respond-async a pack not built yet is a 202 at once (no worker runs here).
  'GET /councils/:councilId/meetings/:meetingId/pack.pdf': {
    request: async (f) => ({ params: await freshMeeting(f), query: { lang: 'en' }, headers: { prefer: 'respond-async' } }),
    expect: s(202, 202, 202, 202, 202, 403, 202, 401),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/items': {
    request: async (f) => ({ params: await freshMeeting(f), body: { title: { es: 'Movilidad laboral', en: 'Labour mobility' }, purpose: 'decision' } }),
    // The chair may put items on the agenda (and alone accepts late ones).
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'PATCH /councils/:councilId/meetings/:meetingId/agenda/items/:itemId': {
    request: async (f) => ({ params: await freshAgenda(f), body: { version: 1, purpose: 'information', minutesAllotted: 20 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'DELETE /councils/:councilId/meetings/:meetingId/agenda/items/:itemId': {
    request: async (f) => ({ params: await freshAgenda(f), query: { version: '1' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/reorder': {
    request: async (f) => {
      const { meetingId, itemId } = await freshAgenda(f);
      return { params: { meetingId }, body: { version: 2, itemIds: [itemId] } };
    },
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/circulate': {
    request: async (f) => ({ params: { meetingId: (await freshAgenda(f, { convened: true })).meetingId }, body: { version: 2 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/adopt': {
    request: async (f) => ({ params: await circulatedAgendaInSession(f), body: { version: 3 } }),
    expect: SECRETARIAT_ONLY(200),
  },
} satisfies Record<string, MatrixEntry>);

// Carrying an item of a circulated agenda forward to a later meeting (the secretariat's).
Object.assign(MATRIX, {
  'POST /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/carry-forward': {
    request: async (f) => {
      const { meetingId, itemId } = await freshAgenda(f, { convened: true });
      const circulated = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/circulate`).send({ version: 2 });
      if (circulated.status !== 200) throw new Error(`agenda fixture (circulate): ${circulated.status} ${JSON.stringify(circulated.body)}`);
      const later = await freshMeeting(f); // created after the source: it starts later
      return { params: { meetingId, itemId }, body: { version: 1, toMeetingId: later.meetingId } };
    },
    expect: SECRETARIAT_ONLY(201),
  },
} satisfies Record<string, MatrixEntry>);

// ── series and backlog: series read by the council's readers and managed by its secretariat; any delegation proposes backlog items, the proposing delegation (or the secretariat) edits and withdraws them, the secretariat schedules them and carries agendas forward ──

/** A fresh series of council A's body (two draft occurrences, far ahead). */
async function freshSeries(f: AuthzFixtures): Promise<{ seriesId: string }> {
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/series`)
    .send({
      kind: 'working_group',
      title: `Matrix series ${f.unique()}`,
      bodyId: f.A.bodyId,
      startTime: '09:00',
      durationMinutes: 120,
      timeZone: 'America/Guatemala',
      recurrence: { frequency: 'monthly', weekday: 'TU', weekOfMonth: 2 },
      firstDate: '2031-01-01',
      count: 2,
    });
  if (res.status !== 201) throw new Error(`series fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { seriesId: res.body.id as string };
}

/** A backlog item of council A's body proposed by Y's delegate (the owner delegation). */
async function freshBacklogItem(f: AuthzFixtures): Promise<{ bodyId: string; itemId: string }> {
  const res = await f.ctx
    .anonymous()
    .post(`/councils/${f.A.councilId}/bodies/${f.A.bodyId}/backlog`)
    .set(f.actors.ownerDelegate!.auth)
    .send({ title: { es: `Propuesta ${f.unique()}` }, purpose: 'discussion' });
  if (res.status !== 201) throw new Error(`backlog fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { bodyId: f.A.bodyId, itemId: res.body.id as string };
}

Object.assign(MATRIX, {
  'POST /councils/:councilId/series': {
    request: (f) => ({
      body: {
        kind: 'working_group',
        title: 'Regular meeting',
        bodyId: f.A.bodyId,
        startTime: '10:00',
        durationMinutes: 90,
        timeZone: 'America/Guatemala',
        recurrence: { frequency: 'weekly', interval: 2, weekday: 'TU' },
        firstDate: '2031-03-03',
        count: 2,
      },
    }),
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/series': { request: () => ({}), expect: MEETING_READERS },
  'GET /councils/:councilId/series/:seriesId': { request: async (f) => ({ params: await freshSeries(f) }), expect: MEETING_READERS },
  'PATCH /councils/:councilId/series/:seriesId': {
    request: async (f) => ({ params: await freshSeries(f), body: { version: 1, venue: 'Guatemala City' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/series/:seriesId/end': {
    request: async (f) => ({ params: await freshSeries(f), body: { version: 1 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/bodies/:bodyId/backlog': {
    request: (f) => ({ params: { bodyId: f.A.bodyId }, body: { title: { es: 'Movilidad laboral' }, purpose: 'decision' } }),
    // Any delegation of the council (observers too) and the secretariat.
    expect: s(201, 201, 201, 201, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/bodies/:bodyId/backlog': { request: (f) => ({ params: { bodyId: f.A.bodyId } }), expect: MEETING_READERS },
  'PATCH /councils/:councilId/bodies/:bodyId/backlog/:itemId': {
    // Only the proposing delegation (Y) or the secretariat: other delegations find no item of theirs (404).
    request: async (f) => ({ params: await freshBacklogItem(f), body: { version: 1, purpose: 'information' } }),
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'POST /councils/:councilId/bodies/:bodyId/backlog/:itemId/withdraw': {
    request: async (f) => ({ params: await freshBacklogItem(f), body: { version: 1 } }),
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'POST /councils/:councilId/bodies/:bodyId/backlog/:itemId/schedule': {
    request: async (f) => ({ params: await freshBacklogItem(f), body: { version: 1, meetingId: (await freshMeeting(f)).meetingId } }),
    expect: SECRETARIAT_ONLY(201),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/carry-forward': {
    request: async (f) => {
      const { meetingId } = await circulatedAgendaInSession(f);
      await freshMeeting(f); // the next meeting of the same body (created later: it starts later)
      return { params: { meetingId }, body: {} };
    },
    expect: SECRETARIAT_ONLY(200),
  },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── calendar feeds: your own subscriptions; the feed itself is read by its secret URL ─────────────────────────────

/** A fresh personal feed of council A belonging to Y's delegate (the first column): its id and its secret token. */
async function ownerCalendarFeed(f: AuthzFixtures): Promise<{ feedId: string; token: string }> {
  const res = await f.ctx.anonymous().post('/me/calendar-feeds').set(f.actors.ownerDelegate!.auth).send({ councilId: f.A.councilId });
  if (res.status !== 201) throw new Error(`calendar feed fixture: ${res.status} ${JSON.stringify(res.body)}`);
  const token = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(res.body.url as string)?.[1];
  if (!token) throw new Error(`calendar feed fixture: no token in ${String(res.body.url)}`);
  return { feedId: res.body.id as string, token };
}

Object.assign(MATRIX, {
  // No council in the route: the service requires a role in the council named in the body (none for the
  // foreign secretariat nor for the system administrator, who holds no council role in A) → 403.
  'POST /me/calendar-feeds': { request: (f) => ({ body: { councilId: f.A.councilId, hideTitles: true } }), expect: s(201, 201, 201, 201, 201, 403, 403, 401) },
  'GET /me/calendar-feeds': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'DELETE /me/calendar-feeds/:feedId': {
    // Someone else's feed is not found: the query names the caller.
    request: async (f) => ({ params: { feedId: (await ownerCalendarFeed(f)).feedId } }),
    expect: s(200, 404, 404, 404, 404, 404, 404, 401),
  },
  // Public: the secret in the URL is the credential (calendar clients send no bearer token).
  'GET /calendar/:token.ics': {
    request: async (f) => ({ params: { token: (await ownerCalendarFeed(f)).token } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
  },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── meetings in session: attendance by the secretariat; decisions proposed and closed by the chair or the secretariat; member delegates object and state positions; adopted decisions public ─────────────────────────────

/** A fresh meeting of council A in session (convened, then opened) with one agenda item; X, Y and Z (every member state of A) recorded present. */
async function freshSession(f: AuthzFixtures): Promise<{ meetingId: string; itemId: string }> {
  const { meetingId, itemId } = await freshAgenda(f, { convened: true });
  const base = `/councils/${f.A.councilId}/meetings/${meetingId}`;
  // created 1 → convened 2; its day come (a session opens on the meeting's day)
  await meetingDayCome(f.ctx, meetingId);
  const opened = await f.ctx.http().post(`${base}/transitions`).send({ to: 'in_session', version: 2 });
  if (opened.status !== 200) throw new Error(`session fixture (open): ${opened.status} ${JSON.stringify(opened.body)}`);
  for (const seat of [f.A.X, f.A.Y, f.A.Z]) {
    const res = await f.ctx.http().put(`${base}/attendance/${seat.delegationId}`).send({ present: true, representedBy: 'head' });
    if (res.status !== 200) throw new Error(`session fixture (attendance): ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { meetingId, itemId };
}

/** A decision proposed (by the operator, as secretariat) in a fresh session of council A. */
async function freshDecision(f: AuthzFixtures): Promise<{ meetingId: string; decisionId: string }> {
  const { meetingId, itemId } = await freshSession(f);
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items/${itemId}/decisions`)
    .send({ text: { es: 'Se aprueba el plan', en: 'The plan is approved' } });
  if (res.status !== 201) throw new Error(`decision fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, decisionId: res.body.id as string };
}

/** A standing objection of Y (the owner delegation) to a fresh decision. */
async function freshObjection(f: AuthzFixtures): Promise<{ meetingId: string; decisionId: string; objectionId: string }> {
  const { meetingId, decisionId } = await freshDecision(f);
  const res = await f.ctx
    .anonymous()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/decisions/${decisionId}/objections`)
    .set(f.actors.ownerDelegate!.auth)
    .send({ reason: 'Not yet' });
  if (res.status !== 201) throw new Error(`objection fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, decisionId, objectionId: res.body.id as string };
}

/** Delegates of member states (X, Y, Z) take part in decisions; observers, secretariat and administrator do not. */
const MEMBER_DELEGATES = (ok: number) => s(ok, ok, 403, ok, 403, 403, 403, 401);

Object.assign(MATRIX, {
  'GET /councils/:councilId/meetings/:meetingId/attendance': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  'PUT /councils/:councilId/meetings/:meetingId/attendance/:delegationId': {
    request: async (f) => ({ params: { meetingId: (await freshSession(f)).meetingId, delegationId: f.A.Y.delegationId }, body: { present: false, representedBy: null } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'GET /councils/:councilId/meetings/:meetingId/decisions': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  'POST /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/decisions': {
    request: async (f) => ({ params: await freshSession(f), body: { text: { es: 'Se aprueba', en: 'Approved' } } }),
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'POST /councils/:councilId/meetings/:meetingId/decisions/:decisionId/objections': {
    request: async (f) => ({ params: await freshDecision(f), body: { reason: 'We need more time' } }),
    expect: MEMBER_DELEGATES(201),
  },
  'DELETE /councils/:councilId/meetings/:meetingId/decisions/:decisionId/objections/:objectionId': {
    // Only the objecting delegation (Y) withdraws its objection: other delegates find none of theirs (404).
    request: async (f) => ({ params: await freshObjection(f) }),
    expect: s(200, 404, 403, 404, 403, 403, 403, 401),
  },
  'POST /councils/:councilId/meetings/:meetingId/decisions/:decisionId/positions': {
    request: async (f) => ({ params: await freshDecision(f), body: { position: 'concern', note: 'Consult the migrant communities' } }),
    expect: MEMBER_DELEGATES(201),
  },
  'POST /councils/:councilId/meetings/:meetingId/decisions/:decisionId/close': {
    request: async (f) => ({ params: await freshDecision(f), body: { version: 1 } }),
    expect: s(403, 403, 403, 200, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/decisions': { request: () => ({ query: { outcome: 'adopted' } }), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
} satisfies Record<string, MatrixEntry>);

// ── silence procedure (decisions in writing between meetings): circulated by the chair or the secretariat; member delegates break silence; council members read ──

/** A fresh silence procedure of council A, circulated by the operator (secretariat) with a deadline four days ahead. */
async function freshSilenceProcedure(f: AuthzFixtures): Promise<{ decisionId: string }> {
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/silence-procedures`)
    .send({ text: { es: `Se aprueba el informe ${f.unique()}` }, deadline: new Date(Date.now() + 4 * 86_400_000).toISOString() });
  if (res.status !== 201) throw new Error(`silence procedure fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { decisionId: res.body.id as string };
}

/** Y (the owner delegation) has broken silence on a fresh procedure. */
async function brokenSilenceProcedure(f: AuthzFixtures): Promise<{ decisionId: string }> {
  const { decisionId } = await freshSilenceProcedure(f);
  const res = await f.ctx
    .anonymous()
    .post(`/councils/${f.A.councilId}/silence-procedures/${decisionId}/break`)
    .set(f.actors.ownerDelegate!.auth)
    .send({ reason: 'Our capital objects' });
  if (res.status !== 201) throw new Error(`silence break fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { decisionId };
}

Object.assign(MATRIX, {
  'POST /councils/:councilId/silence-procedures': {
    request: () => ({ body: { text: { es: 'Se aprueba por escrito', en: 'Approved in writing' }, deadline: new Date(Date.now() + 4 * 86_400_000).toISOString() } }),
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/silence-procedures': { request: () => ({ query: { status: 'proposed' } }), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'GET /councils/:councilId/silence-procedures/:decisionId': {
    request: async (f) => ({ params: await freshSilenceProcedure(f) }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'POST /councils/:councilId/silence-procedures/:decisionId/break': {
    request: async (f) => ({ params: await freshSilenceProcedure(f), body: { reason: 'We need to consult our capital' } }),
    expect: s(201, 201, 403, 201, 403, 403, 403, 401),
  },
  'DELETE /councils/:councilId/silence-procedures/:decisionId/break': {
    // Only the delegation that broke silence (Y) withdraws its break: other delegates have none to withdraw (404).
    request: async (f) => ({ params: await brokenSilenceProcedure(f) }),
    expect: s(200, 404, 403, 404, 403, 403, 403, 401),
  },
  'POST /councils/:councilId/silence-procedures/:decisionId/positions': {
    request: async (f) => ({ params: await freshSilenceProcedure(f), body: { position: 'support', note: 'Migrant networks agree' } }),
    expect: s(201, 201, 403, 201, 403, 403, 403, 401),
  },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── minutes: kept by the secretariat, read by the council's readers, commented on by every delegation, public once approved ─────────────────────────────

/** A fresh meeting of council A, closed after a session (X, Y, Z present), whose minutes are drafted (minutes version 1). */
async function freshMinutes(f: AuthzFixtures, opts: { circulated?: boolean; approved?: boolean } = {}): Promise<{ meetingId: string }> {
  const { meetingId } = await freshSession(f);
  const base = `/councils/${f.A.councilId}/meetings/${meetingId}`;
  // created 1 → convened 2 → in_session 3 → closed 4
  const closed = await f.ctx.http().post(`${base}/transitions`).send({ to: 'closed', version: 3 });
  if (closed.status !== 200) throw new Error(`minutes fixture (close): ${closed.status} ${JSON.stringify(closed.body)}`);
  const drafted = await f.ctx.http().post(`${base}/minutes`).send({});
  if (drafted.status !== 201) throw new Error(`minutes fixture (draft): ${drafted.status} ${JSON.stringify(drafted.body)}`);
  if (opts.circulated || opts.approved) {
    const circulated = await f.ctx.http().post(`${base}/minutes/circulate`).send({ version: 1 });
    if (circulated.status !== 200) throw new Error(`minutes fixture (circulate): ${circulated.status} ${JSON.stringify(circulated.body)}`);
  }
  if (opts.approved) {
    // The comment period ended yesterday.
    await f.ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 day' WHERE meeting_id = $1`, [meetingId]);
    const approved = await f.ctx.http().post(`${base}/minutes/approve`).send({ version: 2 });
    if (approved.status !== 200) throw new Error(`minutes fixture (approve): ${approved.status} ${JSON.stringify(approved.body)}`);
  }
  return { meetingId };
}

/** Every delegation of the council comments (member states, the chair's, observers); the secretariat and the administrator do not. */
const COMMENTERS = (ok: number) => s(ok, ok, ok, ok, 403, 403, 403, 401);
const EVERYONE = (ok: number) => s(ok, ok, ok, ok, ok, ok, ok, ok);

Object.assign(MATRIX, {
  'POST /councils/:councilId/meetings/:meetingId/minutes': {
    request: async (f) => {
      const { meetingId } = await freshSession(f);
      const closed = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/transitions`).send({ to: 'closed', version: 3 });
      if (closed.status !== 200) throw new Error(`minutes fixture (close): ${closed.status} ${JSON.stringify(closed.body)}`);
      return { params: { meetingId }, body: { notes: { es: 'La sesión se abrió a las 9:00.' } } };
    },
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/meetings/:meetingId/minutes': { request: async (f) => ({ params: await freshMinutes(f) }), expect: MEETING_READERS },
  'GET /councils/:councilId/meetings/:meetingId/minutes/document.pdf': { request: async (f) => ({ params: await freshMinutes(f), query: { lang: 'es' } }), expect: MEETING_READERS },
  'PATCH /councils/:councilId/meetings/:meetingId/minutes': {
    request: async (f) => ({ params: await freshMinutes(f), body: { version: 1, notes: { es: 'Notas revisadas' } } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/minutes/circulate': {
    request: async (f) => ({ params: await freshMinutes(f), body: { version: 1 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/minutes/approve': {
    request: async (f) => {
      const { meetingId } = await freshMinutes(f, { circulated: true });
      await f.ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 day' WHERE meeting_id = $1`, [meetingId]);
      return { params: { meetingId }, body: { version: 2 } };
    },
    expect: SECRETARIAT_ONLY(200),
  },
  'GET /councils/:councilId/meetings/:meetingId/minutes/comments': { request: async (f) => ({ params: await freshMinutes(f) }), expect: MEETING_READERS },
  'POST /councils/:councilId/meetings/:meetingId/minutes/comments': {
    request: async (f) => ({ params: await freshMinutes(f, { circulated: true }), body: { text: 'Please record our statement on item 1.' } }),
    expect: COMMENTERS(201),
  },
  // Public: approved minutes only, read by anyone.
  'GET /councils/:councilId/minutes': { request: () => ({}), expect: EVERYONE(200) },
  'GET /councils/:councilId/minutes/:meetingId': { request: async (f) => ({ params: await freshMinutes(f, { approved: true }) }), expect: EVERYONE(200) },
  'GET /councils/:councilId/minutes/:meetingId/document.pdf': { request: async (f) => ({ params: await freshMinutes(f, { approved: true }) }), expect: EVERYONE(200) },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── action items: read by the council; created, edited and reassigned by the chair or the secretariat; moved forward and reported on by the owner's delegates only; verified by the secretariat (or a body's lead); cancelled by the secretariat ─────────────────────────────

/** A fresh action item of council A owned by Y (the first column), in the given status (made by SQL). */
async function freshActionItem(f: AuthzFixtures, status: 'open' | 'acknowledged' | 'done' = 'open'): Promise<{ actionItemId: string; version: number }> {
  const rows = (await f.ctx.db.query(
    `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status, acknowledged_at, done_at)
     VALUES ($1, $2, 'delegation', $3, current_date + 60, $4, CASE WHEN $4 <> 'open' THEN now() END, CASE WHEN $4 = 'done' THEN now() END)
     RETURNING id, version`,
    [f.A.councilId, JSON.stringify({ es: `Tarea ${f.unique()}` }), f.A.Y.delegationId, status],
  )) as { id: string; version: number }[];
  return { actionItemId: rows[0]!.id, version: rows[0]!.version };
}

/** A decision of council A adopted in a fresh session (X, Y and Z present, nobody objecting). */
async function adoptedDecision(f: AuthzFixtures): Promise<{ decisionId: string }> {
  const { meetingId, decisionId } = await freshDecision(f);
  const res = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/decisions/${decisionId}/close`).send({ version: 1 });
  if (res.status !== 200 || res.body.outcome !== 'adopted') throw new Error(`adopted decision fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { decisionId };
}

const ITEM_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);
/** Only delegates have "my delegation's items": the secretariat and the administrator read the council's list instead. */
const MY_ITEMS = s(200, 200, 200, 200, 403, 403, 403, 401);
const CHAIR_OR_SECRETARIAT = (ok: number) => s(403, 403, 403, ok, ok, 403, 403, 401);
/** The owner's delegates only: others in the council find no such item of theirs (404); staff may not move it forward (403). */
const OWNER_ONLY = (ok: number) => s(ok, 404, 404, 404, 403, 403, 403, 401);
const inTwoMonths = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

Object.assign(MATRIX, {
  'POST /councils/:councilId/action-items': {
    request: (f) => ({ body: { title: { es: 'Informe de avance' }, ownerKind: 'delegation', ownerDelegationId: f.A.Y.delegationId, dueDate: inTwoMonths() } }),
    expect: CHAIR_OR_SECRETARIAT(201),
  },
  'GET /councils/:councilId/action-items': { request: () => ({ query: { status: 'open,in_progress', limit: '10' } }), expect: ITEM_READERS },
  'GET /councils/:councilId/action-items/counts': { request: () => ({ query: { overdue: 'false' } }), expect: ITEM_READERS },
  'GET /councils/:councilId/me/action-items': { request: () => ({ query: { status: 'open' } }), expect: MY_ITEMS },
  'GET /councils/:councilId/me/action-items/counts': { request: () => ({}), expect: MY_ITEMS },
  'GET /councils/:councilId/action-items/:actionItemId': { request: async (f) => ({ params: { actionItemId: (await freshActionItem(f)).actionItemId } }), expect: ITEM_READERS },
  'PATCH /councils/:councilId/action-items/:actionItemId': {
    request: async (f) => {
      const item = await freshActionItem(f);
      return { params: { actionItemId: item.actionItemId }, body: { version: item.version, priority: 'high' } };
    },
    expect: CHAIR_OR_SECRETARIAT(200),
  },
  'POST /councils/:councilId/action-items/:actionItemId/transitions': {
    request: async (f) => {
      const item = await freshActionItem(f);
      return { params: { actionItemId: item.actionItemId }, body: { to: 'acknowledged', version: item.version } };
    },
    expect: OWNER_ONLY(200),
  },
  'GET /councils/:councilId/action-items/:actionItemId/updates': {
    request: async (f) => ({ params: { actionItemId: (await freshActionItem(f)).actionItemId } }),
    expect: ITEM_READERS,
  },
  'POST /councils/:councilId/action-items/:actionItemId/updates': {
    request: async (f) => {
      const item = await freshActionItem(f, 'acknowledged');
      return { params: { actionItemId: item.actionItemId }, body: { version: item.version, text: 'Work has started', percent: 10, rag: 'green' } };
    },
    expect: OWNER_ONLY(201),
  },
  'POST /councils/:councilId/action-items/:actionItemId/reassign': {
    request: async (f) => {
      const item = await freshActionItem(f);
      return { params: { actionItemId: item.actionItemId }, body: { version: item.version, reason: 'More time agreed', dueDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) } };
    },
    expect: CHAIR_OR_SECRETARIAT(200),
  },
  'POST /councils/:councilId/decisions/:decisionId/action-items': {
    request: async (f) => ({
      params: await adoptedDecision(f),
      body: { items: [{ title: { es: 'Aplicar la decisión' }, ownerKind: 'delegation', ownerDelegationId: f.A.Y.delegationId, dueDate: inTwoMonths() }] },
    }),
    expect: CHAIR_OR_SECRETARIAT(201),
  },
} satisfies Record<string, MatrixEntry>);

// ── action-item reminders: the council's offsets, read by anyone who reads the council, replaced by its secretariat ──

/** The version of council A's action-item rules (0 while it uses the defaults). */
async function actionItemRulesVersion(f: AuthzFixtures): Promise<number> {
  const rows = (await f.ctx.db.query(`SELECT version FROM council_action_item_rules WHERE council_id = $1`, [f.A.councilId])) as { version: number }[];
  return rows[0]?.version ?? 0;
}

Object.assign(MATRIX, {
  'GET /councils/:councilId/action-item-rules': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'PUT /councils/:councilId/action-item-rules': {
    request: async (f) => ({ body: { ackDays: 7, dueSoonDays: [14, 3], overdueDays: 1, escalateDays: 14, agendaDays: 30, version: await actionItemRulesVersion(f) } }),
    expect: s(403, 403, 403, 403, 200, 403, 200, 401),
  },
} satisfies Record<string, MatrixEntry>);

// ── recommendations roll-up and progress reports: the roll-ups and reports are read by the council (action_item.read); reports are produced by the secretariat ──

/** A stored progress report of council A (made by SQL). */
async function freshProgressReport(f: AuthzFixtures): Promise<{ reportId: string }> {
  // Through the API: a real snapshot (its PDF document is rendered from it).
  const res = await f.ctx.http().post(`/councils/${f.A.councilId}/progress-reports`).send({});
  if (res.status !== 201) throw new Error(`progress report fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { reportId: res.body.id as string };
}

const PROGRESS_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);

Object.assign(MATRIX, {
  'GET /councils/:councilId/recommendations/progress': { request: () => ({}), expect: PROGRESS_READERS },
  'GET /councils/:councilId/recommendations/:recommendationId/progress': { request: (f) => ({ params: { recommendationId: f.A.recommendationId } }), expect: PROGRESS_READERS },
  'GET /councils/:councilId/focus-areas/:focusAreaId/progress': { request: (f) => ({ params: { focusAreaId: f.A.focusAreaId } }), expect: PROGRESS_READERS },
  'POST /councils/:councilId/progress-reports': { request: (f) => ({ body: { bodyId: f.A.bodyId } }), expect: s(403, 403, 403, 403, 201, 403, 403, 401) },
  'GET /councils/:councilId/progress-reports/:reportId': { request: async (f) => ({ params: await freshProgressReport(f) }), expect: PROGRESS_READERS },
  'GET /councils/:councilId/progress-reports/:reportId/document': { request: async (f) => ({ params: await freshProgressReport(f) }), expect: PROGRESS_READERS },
  'GET /councils/:councilId/progress-reports/:reportId/document.pdf': { request: async (f) => ({ params: await freshProgressReport(f) }), expect: PROGRESS_READERS },
} satisfies Record<string, MatrixEntry>);

// ── presidency succession and transfer: the successor is public; waivers, designations and handovers are the secretariat's (presidency.manage) ──

Object.assign(MATRIX, {
  'GET /councils/:councilId/presidency/successor': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils/:councilId/presidency/waivers': {
    request: async (f) => ({ body: { participantId: f.A.Z.participantId, ...(await adoptedDecision(f)) } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  // Council A rotates in a fixed order: the secretariat passes the permission check and meets 409 ROTATION_NOT_DESIGNATED.
  'POST /councils/:councilId/presidency/designations': {
    request: async (f) => ({ body: { forTermAfter: f.A.termId, participantId: f.A.Y.participantId, ...(await adoptedDecision(f)) } }),
    expect: s(403, 403, 403, 403, 409, 403, 403, 401),
  },
  // A handover would end X's presidency (the chair column of every other case): the secretariat names a stale term and meets 409 STALE_TERM.
  'POST /councils/:councilId/presidency/handover': {
    request: () => ({ body: { mode: 'early', termId: '00000000-0000-4000-8000-000000000000' } }),
    expect: s(403, 403, 403, 403, 409, 403, 403, 401),
  },
} satisfies Record<string, MatrixEntry>);

// ── presidency handover meeting: the secretariat designates / undesignates the current term's handover meeting (presidency.manage); council members read it ──

/** Council A's current term has a handover meeting (a fresh draft meeting), whatever the case before did. */
async function designatedHandoverMeeting(f: AuthzFixtures): Promise<void> {
  const { meetingId } = await freshMeeting(f);
  await f.ctx.db.query(
    `INSERT INTO presidency_handover_meetings (term_id, council_id, meeting_id) VALUES ($1, $2, $3)
     ON CONFLICT (term_id) DO UPDATE SET meeting_id = excluded.meeting_id, designated_at = now()`,
    [f.A.termId, f.A.councilId, meetingId],
  );
}

Object.assign(MATRIX, {
  'POST /councils/:councilId/presidency/handover-meeting': {
    request: async (f) => {
      await f.ctx.db.query(`DELETE FROM presidency_handover_meetings WHERE term_id = $1`, [f.A.termId]);
      return { body: { meetingId: (await freshMeeting(f)).meetingId } };
    },
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/presidency/handover-meeting': {
    request: async (f) => {
      await designatedHandoverMeeting(f);
      return {};
    },
    expect: MEETING_READERS,
  },
  'DELETE /councils/:councilId/presidency/handover-meeting': {
    request: async (f) => {
      await designatedHandoverMeeting(f);
      return {};
    },
    expect: s(403, 403, 403, 403, 204, 403, 403, 401),
  },
} satisfies Record<string, MatrixEntry>);

// ── handover timeline and dossier: council members read; the term holder's delegates (own) or the secretariat manage the dossier and the priorities; only the incoming holder's delegates acknowledge; the calendar is public ──

const HANDOVER_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);
/** Own scope on the term's holder (X, the chair's delegation): other delegations find no such term of theirs. */
const TERM_HOLDER = (ok: number) => s(404, 404, 403, ok, ok, 403, 403, 401);

/** A term of X appended after the last term of council A (far in the future), optionally followed by one of Y. */
async function freshHolderTerm(f: AuthzFixtures, withSuccessor: boolean): Promise<string> {
  const append = async (participantId: string) =>
    (
      (await f.ctx.db.query(
        `INSERT INTO presidency_terms (council_id, participant_id, period)
         SELECT $1, $2, tstzrange(max(upper(period)), max(upper(period)) + interval '1 year', '[)') FROM presidency_terms WHERE council_id = $1
         RETURNING id`,
        [f.A.councilId, participantId],
      )) as { id: string }[]
    )[0]!.id;
  const termId = await append(f.A.X.participantId);
  if (withSuccessor) await append(f.A.Y.participantId);
  return termId;
}

async function assembleDossier(f: AuthzFixtures, termId: string): Promise<number> {
  const res = await f.ctx.http().post(`/councils/${f.A.councilId}/presidency/terms/${termId}/dossier/refresh`).send({});
  if (res.status !== 200) throw new Error(`dossier fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.version as number;
}

/** The dossier of the current term of A (X's), assembled once and kept open. */
async function currentDossier(f: AuthzFixtures): Promise<{ termId: string }> {
  const rows = (await f.ctx.db.query(`SELECT 1 FROM handover_dossiers WHERE term_id = $1`, [f.A.termId])) as unknown[];
  if (rows.length === 0) await assembleDossier(f, f.A.termId);
  return { termId: f.A.termId };
}

async function freshPriority(f: AuthzFixtures, termId = f.A.termId): Promise<{ termId: string; priorityId: string; version: number }> {
  const rows = (await f.ctx.db.query(
    `INSERT INTO presidency_priorities (council_id, term_id, title) VALUES ($1, $2, $3) RETURNING id, version`,
    [f.A.councilId, termId, JSON.stringify({ es: `Prioridad ${f.unique()}` })],
  )) as { id: string; version: number }[];
  return { termId, priorityId: rows[0]!.id, version: rows[0]!.version };
}

Object.assign(MATRIX, {
  'GET /councils/:councilId/presidency/calendar': { request: () => ({ query: { upcoming: '2' } }), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /councils/:councilId/presidency/handover-settings': { request: () => ({}), expect: HANDOVER_READERS },
  'PUT /councils/:councilId/presidency/handover-settings': {
    request: async (f) => {
      const rows = (await f.ctx.db.query(`SELECT version FROM council_handover_settings WHERE council_id = $1`, [f.A.councilId])) as { version: number }[];
      return { body: { version: rows[0]?.version ?? 0, firstReminderMonths: 12, prioritiesReminderMonths: 6, dossierDays: 90, finalReminderDays: 30 } };
    },
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/presidency/terms/:termId/handover': { request: (f) => ({ params: { termId: f.A.termId } }), expect: HANDOVER_READERS },
  'POST /councils/:councilId/presidency/terms/:termId/troika-meeting': {
    request: (f) => ({
      params: { termId: f.A.termId },
      body: { startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 40 * 86_400_000 + 7_200_000).toISOString(), timeZone: 'America/Guatemala' },
    }),
    expect: TERM_HOLDER(201),
  },
  'GET /councils/:councilId/presidency/terms/:termId/priorities': { request: (f) => ({ params: { termId: f.A.termId } }), expect: HANDOVER_READERS },
  'POST /councils/:councilId/presidency/terms/:termId/priorities': {
    request: (f) => ({ params: { termId: f.A.termId }, body: { title: { es: 'Protección de la niñez migrante' }, status: 'planned' } }),
    expect: TERM_HOLDER(201),
  },
  'PATCH /councils/:councilId/presidency/terms/:termId/priorities/:priorityId': {
    request: async (f) => {
      const p = await freshPriority(f);
      return { params: { termId: p.termId, priorityId: p.priorityId }, body: { version: p.version, status: 'in_progress' } };
    },
    expect: TERM_HOLDER(200),
  },
  'DELETE /councils/:councilId/presidency/terms/:termId/priorities/:priorityId': {
    request: async (f) => {
      const p = await freshPriority(f);
      return { params: { termId: p.termId, priorityId: p.priorityId } };
    },
    expect: TERM_HOLDER(204),
  },
  'GET /councils/:councilId/presidency/terms/:termId/dossier': { request: async (f) => ({ params: await currentDossier(f) }), expect: HANDOVER_READERS },
  'GET /councils/:councilId/presidency/terms/:termId/dossier/document': { request: async (f) => ({ params: await currentDossier(f), query: { lang: 'es' } }), expect: HANDOVER_READERS },
  'GET /councils/:councilId/presidency/terms/:termId/dossier/document.pdf': { request: async (f) => ({ params: await currentDossier(f), query: { lang: 'fr' } }), expect: HANDOVER_READERS },
  'POST /councils/:councilId/presidency/terms/:termId/dossier/refresh': { request: async (f) => ({ params: await currentDossier(f) }), expect: TERM_HOLDER(200) },
  'POST /councils/:councilId/presidency/terms/:termId/dossier/submit': {
    request: async (f) => {
      const termId = await freshHolderTerm(f, false);
      return { params: { termId }, body: { version: await assembleDossier(f, termId) } };
    },
    expect: TERM_HOLDER(200),
  },
  'GET /councils/:councilId/presidency/terms/:termId/dossier/acknowledgements': { request: async (f) => ({ params: await currentDossier(f) }), expect: HANDOVER_READERS },
  'POST /councils/:councilId/presidency/terms/:termId/dossier/acknowledgements': {
    // A submitted dossier of an X term followed by a Y term: only Y (the incoming holder) acknowledges; others find no dossier handed to them.
    request: async (f) => {
      const termId = await freshHolderTerm(f, true);
      const { priorityId } = await freshPriority(f, termId);
      const version = await assembleDossier(f, termId);
      const res = await f.ctx.http().post(`/councils/${f.A.councilId}/presidency/terms/${termId}/dossier/submit`).send({ version });
      if (res.status !== 200) throw new Error(`dossier submit fixture: ${res.status} ${JSON.stringify(res.body)}`);
      return { params: { termId }, body: { itemKey: `priority:${priorityId}`, note: 'Received' } };
    },
    expect: s(201, 404, 403, 404, 403, 403, 403, 401),
  },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── a council's secretariat, appointed by the administrator; what a subject's notifications are ─────────────────────────────

/** A fresh account holding the secretariat role in council A. */
async function freshSecretariatMember(f: AuthzFixtures): Promise<{ userId: string }> {
  const { id } = await f.fresh.user({ role: 'none' });
  await f.ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [id, f.A.councilId]);
  return { userId: id };
}

const ADMIN_ONLY = (ok: number) => s(403, 403, 403, 403, 403, 403, ok, 401);
/** The council's secretariat and the administrator. */
const STAFF_READERS = s(403, 403, 403, 403, 200, 403, 200, 401);

Object.assign(MATRIX, {
  'POST /councils/:councilId/secretariat': {
    request: (f) => ({ body: { email: `staff-${uniq(f)}@test.protempore.org`, fullName: 'New Secretariat Officer', preferredLanguage: 'es' } }),
    expect: ADMIN_ONLY(201),
  },
  'GET /councils/:councilId/secretariat': { request: () => ({}), expect: ADMIN_ONLY(200) },
  'DELETE /councils/:councilId/secretariat/:userId': { request: async (f) => ({ params: await freshSecretariatMember(f) }), expect: ADMIN_ONLY(204) },
  'GET /councils/:councilId/meetings/:meetingId/notifications': { request: async (f) => ({ params: await freshMeeting(f) }), expect: STAFF_READERS },
  'GET /councils/:councilId/action-items/:actionItemId/notifications': {
    request: async (f) => ({ params: { actionItemId: (await freshActionItem(f)).actionItemId } }),
    expect: STAFF_READERS,
  },
  'GET /councils/:councilId/presidency/terms/:termId/notifications': { request: (f) => ({ params: { termId: f.A.termId } }), expect: STAFF_READERS },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── the set-password page ─────────────────────────────
// Plain Fastify routes outside the route table, open to anyone: the page holds no data (the token is checked
// by POST /auth/password), and the links emailed before to /set-password redirect to it.

const OPEN_PAGE = s(200, 200, 200, 200, 200, 200, 200, 200);

Object.assign(MATRIX, {
  'GET /app/set-password': { request: () => ({ query: { token: 'matrix-token', lang: 'en' } }), expect: OPEN_PAGE },
  'GET /app/set-password/set-password.js': { request: () => ({}), expect: OPEN_PAGE },
  'GET /app/set-password/set-password.css': { request: () => ({}), expect: OPEN_PAGE },
  'GET /set-password': { request: () => ({ query: { token: 'matrix-token' } }), expect: s(302, 302, 302, 302, 302, 302, 302, 302) },
  // The web console: its index.html for every deep link under /app/ (the app holds no data), open to anyone.
  'GET /app': { request: () => ({}), expect: s(302, 302, 302, 302, 302, 302, 302, 302) },
  'GET /app/': { request: () => ({}), expect: OPEN_PAGE },
  'GET /app/*': { request: () => ({ path: '/app/items' }), expect: OPEN_PAGE },
} satisfies Record<string, MatrixEntry>);

// ───────────────────────────── meeting papers: read by the council's members, uploaded by the item's presenter (own) or the secretariat ─────────────────────────────

const PAPER_PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const paperUpload = (f: AuthzFixtures): MatrixRequest['multipart'] => ({
  fields: { language: 'es', title: `Paper ${uniq(f)}` },
  file: { field: 'file', content: PAPER_PDF, filename: 'paper.pdf', contentType: 'application/pdf' },
});

/** A fresh meeting of council A with an item presented by Y (the owner delegation). */
async function freshPaperItem(f: AuthzFixtures): Promise<{ meetingId: string; itemId: string }> {
  const { meetingId } = await freshMeeting(f);
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items`)
    .send({ title: { es: `Punto ${f.unique()}` }, purpose: 'information', presenterParticipantId: f.A.Y.participantId });
  if (res.status !== 201) throw new Error(`paper fixture (item): ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, itemId: res.body.id as string };
}

/** A paper (visibility members) on a fresh item presented by Y, uploaded by the operator. */
async function freshPaper(f: AuthzFixtures): Promise<{ meetingId: string; itemId: string; documentId: string }> {
  const { meetingId, itemId } = await freshPaperItem(f);
  const up = paperUpload(f)!;
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items/${itemId}/documents`)
    .field('language', 'es')
    .field('title', up.fields.title!)
    .attach('file', up.file.content, { filename: up.file.filename, contentType: up.file.contentType });
  if (res.status !== 201) throw new Error(`paper fixture (upload): ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, itemId, documentId: res.body.id as string };
}

/** A fresh meeting of council A whose minutes are approved (straight in the database), so its documents may be published. */
async function meetingWithApprovedMinutes(f: AuthzFixtures): Promise<{ meetingId: string }> {
  const { meetingId } = await freshMeeting(f);
  await f.ctx.db.query(
    `INSERT INTO minutes (council_id, meeting_id, status, content, circulated_at, comment_deadline, approved_at)
     VALUES ($1, $2, 'approved', '{}', now() - interval '2 days', now() - interval '1 day', now())`,
    [f.A.councilId, meetingId],
  );
  return { meetingId };
}

/** Papers are for the council's members: every delegation (observers too), the secretariat, the administrator. */
const PAPER_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);

Object.assign(MATRIX, {
  'POST /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/documents': {
    request: async (f) => ({ params: await freshPaperItem(f), multipart: paperUpload(f) }),
    // The presenter's delegates (own scope: others get 404, as for any own-scoped row) and the secretariat.
    expect: s(201, 404, 404, 404, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/documents': {
    request: async (f) => {
      const { meetingId, itemId } = await freshPaper(f);
      return { params: { meetingId, itemId } };
    },
    expect: PAPER_READERS,
  },
  'GET /councils/:councilId/meetings/:meetingId/documents': {
    request: async (f) => ({ params: { meetingId: (await freshPaper(f)).meetingId } }),
    expect: PAPER_READERS,
  },
  'POST /councils/:councilId/meetings/:meetingId/documents/publish': {
    request: async (f) => ({ params: await meetingWithApprovedMinutes(f) }),
    expect: SECRETARIAT_ONLY(200),
  },
  'GET /councils/:councilId/documents/:documentId': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId } }),
    expect: PAPER_READERS,
  },
  'GET /councils/:councilId/documents/:documentId/versions': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId } }),
    expect: PAPER_READERS,
  },
  'GET /councils/:councilId/documents/:documentId/content': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId } }),
    expect: PAPER_READERS,
  },
  'PATCH /councils/:councilId/documents/:documentId': {
    request: async (f) => ({ params: { documentId: (await freshPaper(f)).documentId }, body: { version: 1, visibility: 'member_states' } }),
    expect: SECRETARIAT_ONLY(200),
  },
} satisfies Record<string, MatrixEntry>);
