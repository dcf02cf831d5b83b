import { type AuthzFixtures, createAuthzFixtures, DatabaseSnapshot } from './support/authz-fixtures.js';
import { ACTOR_NAMES, fastifyRoutes, isDocsRoute, MATRIX, type MatrixRequest, nestRoutes, pathOf, send, splitRoute } from './support/authz-matrix.js';
import { PERMISSIONS, type Permission, scopeOf } from '../src/core/auth/permissions.js';
import { PERMISSION_KEY } from '../src/core/auth/require-permission.decorator.js';
import { delegateOf } from './support/actors.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * Every route the API serves × every kind of caller, against objects owned by
 * others (test/support/authz-matrix.ts). A refused request (4xx) must leave the
 * whole database as it was. The route table is read from the running app, so a
 * new route without a matrix entry fails here.
 */
describe('authorization matrix', () => {
  let ctx: TestContext;
  let f: AuthzFixtures;
  let snapshot: DatabaseSnapshot;

  beforeAll(async () => {
    // The sign-in rate limit (10/min by default) is tested elsewhere; here every actor signs in.
    ctx = await createTestContext({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    f = await createAuthzFixtures(ctx);
    snapshot = new DatabaseSnapshot(ctx);
  });
  afterAll(() => ctx.close());

  describe('the route table', () => {
    it('gives every route exactly one declared permission from the permission table', () => {
      const missing: string[] = [];
      for (const [route, { controller, handler }] of nestRoutes(ctx.app)) {
        const fn = (controller.prototype as Record<string, unknown>)[handler] as object;
        const permission = (Reflect.getMetadata(PERMISSION_KEY, fn) ?? Reflect.getMetadata(PERMISSION_KEY, controller)) as Permission | undefined;
        if (!permission || !PERMISSIONS.includes(permission)) missing.push(`${route} (${String(permission)})`);
      }
      expect(missing).toEqual([]);
    });

    it('Nest and Fastify agree on the routes (Fastify adds HEAD for every GET)', () => {
      const nest = [...nestRoutes(ctx.app).keys()];
      const served = fastifyRoutes(ctx.app);
      expect(nest.filter((r) => !served.has(r))).toEqual([]);
      for (const r of nest) {
        const { method, pattern } = splitRoute(r);
        expect(
          ctx.app
            .getHttpAdapter()
            .getInstance()
            .hasRoute({ method: method as 'GET', url: pattern }),
        ).toBe(true);
      }
      const heads = [...served].filter((r) => r.startsWith('HEAD ') && !isDocsRoute(r));
      expect(heads.filter((r) => !served.has(r.replace(/^HEAD /, 'GET ')))).toEqual([]);
    });

    it('every served route has a matrix entry (HEAD is tested with its GET; /docs elsewhere)', () => {
      const served = new Set([...fastifyRoutes(ctx.app), ...nestRoutes(ctx.app).keys()]);
      const missing = [...served].filter((r) => !isDocsRoute(r) && !r.startsWith('HEAD ') && !(r in MATRIX));
      expect(missing).toEqual([]);
    });

    it('every matrix entry is a served route', () => {
      const served = new Set([...fastifyRoutes(ctx.app), ...nestRoutes(ctx.app).keys()]);
      expect(Object.keys(MATRIX).filter((r) => !served.has(r))).toEqual([]);
    });
  });

  /**
   * Per route, the request of its last case when that case was refused and so proven to change nothing: the
   * route's next case uses it again, its objects being exactly as they were made (the fixtures, several
   * requests for some routes, were most of the file's time). A case that changed something, or failed, leaves
   * none, and the next case makes its own.
   */
  const unchanged = new Map<string, MatrixRequest>();

  async function check(route: string, actor: (typeof ACTOR_NAMES)[number], expected: number): Promise<void> {
    const entry = MATRIX[route]!;
    const { method } = splitRoute(route);
    const req: MatrixRequest = unchanged.get(route) ?? (await entry.request(f));
    unchanged.delete(route);
    const path = pathOf(route, req, f);
    const authorization = f.actors[actor]?.auth.authorization ?? null;
    const before = await snapshot.take();
    const res = await send(ctx.app, method, path, req, authorization);
    const context = `${route} as ${actor}: ${method} ${path} → ${res.status} ${res.text.slice(0, 300)}`;
    expect({ status: res.status, context }).toEqual({ status: expected, context });
    // The refusal comes from the guard (401/403), or from a query limited to the caller's delegation (404).
    const code = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[expected];
    if (code) expect({ code: res.body.code, context }).toEqual({ code, context });
    if (expected >= 400) expect(await snapshot.take()).toEqual(before);
    if (method === 'GET') {
      // Fastify serves HEAD for every GET, through the same guard.
      const head = await send(ctx.app, 'HEAD', path, { ...req, body: undefined }, authorization);
      expect({ head: head.status, context }).toEqual({ head: expected, context });
      if (expected >= 400) expect(await snapshot.take()).toEqual(before);
    }
    if (expected >= 400) unchanged.set(route, req);
  }

  describe.each(Object.keys(MATRIX))('%s', (route) => {
    const cases = ACTOR_NAMES.map((actor) => [actor, MATRIX[route]!.expect[actor]] as const);
    it.each(cases)('as %s → %i', async (actor, expected) => {
      await check(route, actor, expected);
    });
  });

  /**
   * The other way across councils: secretariat of B, acting in B (where it
   * holds every council-wide permission), names A's objects in the path or the
   * body. Nothing of A may be read or changed that way.
   */
  describe("A's objects through council B's routes", () => {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const uuidsIn = (v: unknown): string[] =>
      typeof v === 'string'
        ? UUID.test(v)
          ? [v]
          : []
        : Array.isArray(v)
          ? v.flatMap(uuidsIn)
          : v && typeof v === 'object'
            ? Object.values(v).flatMap(uuidsIn)
            : [];
    const routes = Object.keys(MATRIX).filter((r) => r.includes(':councilId'));

    it.each(routes)('%s', async (route) => {
      const req = await MATRIX[route]!.request(f);
      const pathIds = Object.entries(req.params ?? {})
        .filter(([k]) => k !== 'councilId')
        .map(([, v]) => v);
      const bodyIds = uuidsIn(req.body);
      if (pathIds.length === 0 && bodyIds.length === 0) return; // nothing of A's named: a plain request in B
      const { method } = splitRoute(route);
      const path = pathOf(route, { ...req, params: { ...req.params, councilId: f.B.councilId } }, f);
      const before = await snapshot.take();
      const res = await send(ctx.app, method, path, req, f.actors.foreignSecretariat!.auth.authorization);
      const context = `${route}: ${method} ${path} → ${res.status} ${res.text.slice(0, 300)}`;
      // A route whose permission no secretariat holds (a delegate's: objecting, stating a position) is refused by the guard before any lookup.
      const h = nestRoutes(ctx.app).get(route)!;
      const permission = Reflect.getMetadata(PERMISSION_KEY, (h.controller.prototype as Record<string, object>)[h.handler]!) as Permission | undefined;
      const refusedByGuard = permission !== undefined && scopeOf(['anonymous', 'authenticated', 'secretariat'], permission) === null;
      if (pathIds.length > 0) expect({ status: res.status, context }).toEqual({ status: refusedByGuard ? 403 : 404, context });
      else expect({ refused: res.status >= 400 && res.status < 500, context }).toEqual({ refused: true, context });
      expect(await snapshot.take()).toEqual(before);
    });
  });
  describe("B's objects named in the body of a change in A", () => {
    it.each([
      [
        'a recommendation moved to a focus area of B',
        async () => {
          const r = await f.fresh.recommendation();
          return { method: 'PATCH', path: `/councils/${f.A.councilId}/recommendations/${r.id}`, body: { version: r.version, focusAreaId: f.B.focusAreaId } };
        },
      ],
      [
        'a recommendation created in a focus area of B',
        async () => ({
          method: 'POST',
          path: `/councils/${f.A.councilId}/recommendations`,
          body: { focusAreaId: f.B.focusAreaId, number: 99_999, title: 'T', body: 'B' },
        }),
      ],
      [
        'a body of A led by a participant of B',
        async () => ({
          method: 'POST',
          path: `/councils/${f.A.councilId}/bodies/${f.A.bodyId}/leads`,
          body: { participantId: f.B.W.participantId, from: '2026-01-01' },
        }),
      ],
      [
        'a presidency term of A held by a member state of B',
        async () => ({
          method: 'POST',
          path: `/councils/${f.A.councilId}/presidency/terms`,
          body: { participantId: f.B.W.participantId },
        }),
      ],
      [
        'a council reminder of A addressed to a delegation of B',
        async () => ({
          method: 'POST',
          path: `/councils/${f.A.councilId}/reminders`,
          body: { title: 'T', message: 'M', sendAt: new Date(Date.now() + 86_400_000).toISOString(), audience: { delegationIds: [f.B.W.delegationId] } },
        }),
      ],
      [
        'an account of A acting as a delegate seat of B',
        async () => ({
          method: 'POST',
          path: `/councils/${f.A.councilId}/users`,
          body: {
            email: `cross-${f.unique()}@test.protempore.org`,
            fullName: 'Cross',
            role: 'delegate',
            delegateId: (await f.fresh.delegate(f.B.councilId, f.B.W.delegationId)).id,
          },
        }),
      ],
    ] as const)("%s is refused by A's own secretariat, and nothing changes", async (_name, build) => {
      const req = await build();
      const before = await snapshot.take();
      const res = await send(ctx.app, req.method, req.path, { body: req.body }, f.actors.secretariat!.auth.authorization);
      expect({ status: res.status, text: res.text.slice(0, 300) }).toMatchObject({ status: 404 });
      expect(await snapshot.take()).toEqual(before);
    });
  });

  /** The roles come from the database at each request: what changed there counts at once. */
  describe('who the caller is', () => {
    const get = (path: string, authorization: string) => ctx.anonymous().get(path).set('authorization', authorization);

    it('a deactivated delegate seat gives no delegate role (its account keeps no rights in the council)', async () => {
      const d = await delegateOf(ctx, f.A.councilId, f.A.Z.delegationId);
      await get(`/councils/${f.A.councilId}/delegations`, d.auth.authorization).expect(200);
      await ctx.db.query(`UPDATE delegates SET active = false WHERE id = $1`, [d.delegateId]);
      const res = await get(`/councils/${f.A.councilId}/delegations`, d.auth.authorization).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const version = await f.fresh.version('delegations', f.A.Z.delegationId);
      const before = await snapshot.take();
      await ctx.anonymous().patch(`/councils/${f.A.councilId}/delegations/${f.A.Z.delegationId}`).set(d.auth).send({ version, name: 'Taken over' }).expect(403);
      expect(await snapshot.take()).toEqual(before);
    });

    it('a disabled account is refused everywhere, public routes included', async () => {
      const d = await delegateOf(ctx, f.A.councilId, f.A.Z.delegationId);
      await ctx.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [d.userId]);
      expect((await get('/councils', d.auth.authorization)).status).toBe(401);
      expect((await get(`/councils/${f.A.councilId}/delegations`, d.auth.authorization)).status).toBe(401);
    });

    it('a token of an account that no longer exists is refused', async () => {
      const d = await delegateOf(ctx, f.A.councilId, f.A.Z.delegationId);
      await ctx.db.query(`DELETE FROM users WHERE id = $1`, [d.userId]);
      expect((await get(`/councils/${f.A.councilId}/delegations`, d.auth.authorization)).status).toBe(401);
    });

    it("a delegate of A has no role in B, and A's chair is not B's", async () => {
      for (const actor of ['ownerDelegate', 'chair'] as const) {
        const auth = f.actors[actor]!.auth.authorization;
        expect((await get(`/councils/${f.B.councilId}/delegations`, auth)).status).toBe(403);
        const before = await snapshot.take();
        const res = await ctx
          .anonymous()
          .post(`/councils/${f.B.councilId}/bodies`)
          .set('authorization', auth)
          .send({ kind: 'working_group', name: 'Not yours' });
        expect(res.status).toBe(403);
        expect(await snapshot.take()).toEqual(before);
      }
    });

    it('forged, unsigned and malformed tokens are refused, even on public routes', async () => {
      const [header, payload] = f.actors.secretariat!.token.split('.') as [string, string, string];
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      for (const authorization of [
        `Bearer ${none}`,
        `Bearer ${forged}`,
        'Bearer',
        `Basic ${Buffer.from('a:b').toString('base64')}`,
        f.actors.secretariat!.token,
      ]) {
        expect({ authorization, status: (await get(`/councils/${f.A.councilId}/delegations`, authorization)).status }).toEqual({ authorization, status: 401 });
        expect({ authorization, status: (await get('/councils', authorization)).status }).toEqual({ authorization, status: 401 });
      }
    });

    it('a malformed council id is a 400 for everyone, before any role is looked up', async () => {
      expect((await ctx.anonymous().get('/councils/not-a-uuid/delegations')).status).toBe(400);
      expect((await get('/councils/not-a-uuid/delegations', f.actors.secretariat!.auth.authorization)).status).toBe(400);
    });
  });
});
