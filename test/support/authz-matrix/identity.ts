import { type AuthzFixtures } from '../authz-fixtures.js';
import { type MatrixEntry, s, uniq } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Sessions, the council's people, accounts across councils, a council's secretariat. */

// ───────────────────────────── a council's secretariat, appointed by the administrator; what a subject's notifications are ─────────────────────────────

/** A fresh account holding the secretariat role in council A. */
async function freshSecretariatMember(f: AuthzFixtures): Promise<{ userId: string }> {
  const { id } = await f.fresh.user({ role: 'none' });
  await f.ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [id, f.A.councilId]);
  return { userId: id };
}

const ADMIN_ONLY = (ok: number) => s(403, 403, 403, 403, 403, 403, ok, 401);

export const identityRoutes: Record<string, MatrixEntry> = {
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
  'PATCH /auth/me': {
    request: () => ({ body: { preferredLanguage: 'pt', timeZone: 'America/Guatemala' } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 401),
  },

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

  // ── a council's secretariat, appointed by the administrator ──
  'POST /councils/:councilId/secretariat': {
    request: (f) => ({ body: { email: `staff-${uniq(f)}@test.protempore.org`, fullName: 'New Secretariat Officer', preferredLanguage: 'es' } }),
    expect: ADMIN_ONLY(201),
  },
  'GET /councils/:councilId/secretariat': { request: () => ({}), expect: ADMIN_ONLY(200) },
  'DELETE /councils/:councilId/secretariat/:userId': { request: async (f) => ({ params: await freshSecretariatMember(f) }), expect: ADMIN_ONLY(204) },
};
