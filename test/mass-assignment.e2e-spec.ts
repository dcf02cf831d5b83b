import { randomUUID } from 'node:crypto';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { getMetadataStorage } from 'class-validator';
import { ACTOR_NAMES, type ActorName, type AuthzFixtures, createAuthzFixtures, DatabaseSnapshot } from './support/authz-fixtures.js';
import { MATRIX, type MatrixRequest, nestRoutes, pathOf, send, splitRoute } from './support/authz-matrix.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * Mass assignment: every POST/PATCH route with a body refuses fields its DTO
 * does not declare — ownership, state, identity and privilege fields above all —
 * with a 400 naming the field, and changes nothing. The valid bodies come from
 * the authorization matrix; the declared fields from the route's DTO.
 */

/** Fields a client must never set unless the DTO declares them (then they are skipped), with a tempting value. */
function forbiddenFields(f: AuthzFixtures, operatorId: string): Record<string, unknown> {
  return {
    owner: f.A.Y.delegationId,
    status: 'closed',
    role: 'secretariat',
    version: 1,
    createdBy: operatorId,
    id: randomUUID(),
    councilId: f.B.councilId,
    isAdmin: true,
    delegationId: f.A.Z.delegationId,
    userId: operatorId,
    participantId: f.A.Z.participantId,
    createdAt: '2020-01-01T00:00:00Z',
    updatedAt: '2020-01-01T00:00:00Z',
    passwordHash: 'x',
    disabledAt: null,
  };
}

describe('mass assignment', () => {
  let ctx: TestContext;
  let f: AuthzFixtures;
  let snapshot: DatabaseSnapshot;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    f = await createAuthzFixtures(ctx);
    snapshot = new DatabaseSnapshot(ctx);
  });
  afterAll(() => ctx.close());

  const writeRoutes = Object.keys(MATRIX).filter((r) => ['POST', 'PATCH', 'PUT'].includes(splitRoute(r).method));

  /** The fields the route's body DTO declares; null when the handler reads no body (nothing can be assigned). */
  function declaredFields(route: string): Set<string> | null {
    const h = nestRoutes(ctx.app).get(route);
    if (!h) throw new Error(`${route} is in the matrix but Nest does not serve it`);
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, h.controller, h.handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
    const body = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
    if (!body) return null;
    if (body[1].data !== undefined) throw new Error(`${route}: @Body('${String(body[1].data)}') — a partial body is not covered here`);
    const types = Reflect.getMetadata('design:paramtypes', h.controller.prototype, h.handler) as Function[];
    const dto = types[body[1].index]!;
    const declared = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .map((m) => m.propertyName),
    );
    if (declared.size === 0) throw new Error(`${route}: the body type ${dto.name} declares no validated field`);
    return declared;
  }

  /**
   * An actor the matrix lets through (the secretariat when it is one of them); for a route whose matrix request ends
   * in a conflict (409: the caller passed the permission check, the body validation comes before the conflict), an
   * actor who meets that conflict.
   */
  function allowedActor(route: string): ActorName {
    const expect = MATRIX[route]!.expect;
    const passed = ACTOR_NAMES.filter((a) => expect[a] >= 200 && expect[a] < 300);
    const ok = passed.length > 0 ? passed : ACTOR_NAMES.filter((a) => expect[a] === 409);
    if (ok.length === 0) throw new Error(`${route}: nobody may use it, so it cannot be tested for mass assignment`);
    return ok.includes('secretariat') ? 'secretariat' : ok[0]!;
  }

  const bodyless: string[] = [];

  it.each(writeRoutes)('%s: an undeclared body field → 400 naming it, nothing changed', async (route) => {
    const declared = declaredFields(route);
    if (!declared) {
      bodyless.push(route);
      return;
    }
    const { method } = splitRoute(route);
    const actor = allowedActor(route);
    const authorization = f.actors[actor]?.auth.authorization ?? null;
    const failures: string[] = [];

    // The valid body alone goes through (or meets the conflict the matrix expects): a 400 below is the extra field's doing.
    const base = await MATRIX[route]!.request(f);
    const ok = await send(ctx.app, method, pathOf(route, base, f), base, authorization);
    const expected = MATRIX[route]!.expect[actor];
    if (ok.status >= 300 && ok.status !== expected) failures.push(`as ${actor}, the valid body is refused: ${ok.status} ${ok.text.slice(0, 200)}`);

    let cases = 0;
    // A fresh valid request, used again by the next field while nothing changed (its objects are then exactly as made).
    let req: MatrixRequest | undefined;
    for (const [field, value] of Object.entries(forbiddenFields(f, ctx.operator.userId))) {
      if (declared.has(field)) continue;
      cases += 1;
      req ??= await MATRIX[route]!.request(f);
      const body = { ...req.body, [field]: value };
      const before = await snapshot.take();
      const res = await send(ctx.app, method, pathOf(route, req, f), { ...req, body }, authorization);
      const named = (res.body.errors ?? []).some((e) => e.field === field && e.rule === 'unknown_field');
      if (res.status !== 400 || !named) failures.push(`with ${field}: ${res.status} ${res.text.slice(0, 200)}`);
      const after = await snapshot.take();
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length > 0) failures.push(`with ${field}: changed ${changed.join(', ')}`);
      if (res.status !== 400 || changed.length > 0) req = undefined;
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(5);
  });

  it('the routes that read no body are only the expected actions on a path', () => {
    // A POST/PATCH that reads no body cannot be mass-assigned; a new one must be looked at.
    expect(bodyless.sort()).toEqual(
      [
        // A paper's upload reads multipart parts, not a JSON DTO: unknown parts are refused by its parser (test/documents).
        'POST /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/documents',
        'POST /councils/:councilId/meetings/:meetingId/documents/publish',
        'POST /councils/:councilId/presidency/terms/:termId/dossier/refresh',
        'POST /councils/:councilId/users/:userId/setup-link',
        'POST /me/notifications/:notificationId/read',
        'POST /me/notifications/read-all',
        'POST /users/:userId/disable',
        'POST /users/:userId/enable',
        'POST /users/:userId/setup-link',
      ].sort(),
    );
  });

  it('refuses undeclared fields nested in an object too', async () => {
    const version = await f.fresh.version('councils', f.A.councilId);
    const before = await snapshot.take();
    const res = await send(
      ctx.app,
      'PATCH',
      `/councils/${f.A.councilId}`,
      { body: { version, meetingRules: { ministerial: { noticeDays: 60, councilId: f.B.councilId } } } },
      f.actors.secretariat!.auth.authorization,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'meetingRules.ministerial.councilId', rule: 'unknown_field' })]));
    expect(await snapshot.take()).toEqual(before);
  });
});
