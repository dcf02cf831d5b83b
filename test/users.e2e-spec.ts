import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, admin, secretariat } from './support/actors.js';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

// Password links arrive by email through the worker: allow for a loaded machine.
jest.setTimeout(60_000);

describe('accounts: council roles (secretariat) and disabling (administrator)', () => {
  let ctx: TestContext;
  let councilA: string;
  let councilB: string;
  let delegationA: string;
  let participantA: string;
  let secA: Actor;
  let secB: Actor;

  async function council(slug: string): Promise<string> {
    const [{ id }] = await ctx.db.query(`INSERT INTO councils (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Council ${slug.toUpperCase()}`]);
    return id;
  }
  let seats = 0;
  async function seat(councilId: string, delegationId: string): Promise<string> {
    const [{ id }] = await ctx.db.query(
      `INSERT INTO delegates (council_id, delegation_id, full_name, email, role) VALUES ($1, $2, 'Seat Holder', $3, 'adviser') RETURNING id`,
      [councilId, delegationId, `seat-${++seats}@test.protempore.org`],
    );
    return id;
  }
  async function delegation(councilId: string, iso: string): Promise<{ delegationId: string; participantId: string }> {
    return given(ctx)
      .inCouncil(councilId)
      .memberState(`State ${iso}`, { iso, position: 1, delegation: `Delegation ${iso}` });
  }

  beforeAll(async () => {
    // The worker emails the one-time password links; the API never returns them.
    ctx = await createTestContext({ worker: true, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', OUTBOX_RELAY_INTERVAL_MS: '100' } });
    councilA = await council('users-a');
    councilB = await council('users-b');
    ({ delegationId: delegationA, participantId: participantA } = await delegation(councilA, 'MX'));
    secA = await secretariat(ctx, councilA);
    secB = await secretariat(ctx, councilB);
  });
  afterAll(() => ctx.close());

  const users = (councilId: string, rest = '') => `/councils/${councilId}/users${rest}`;
  const as = (actor: Actor) => ({
    get: (url: string) => ctx.anonymous().get(url).set(actor.auth),
    post: (url: string) => ctx.anonymous().post(url).set(actor.auth),
    delete: (url: string) => ctx.anonymous().delete(url).set(actor.auth),
  });
  const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
  const mailsTo = (email: string) => ctx.mail.messages.filter((m) => m.to.includes(email));
  /** The password link of the n-th email (1-based) the person received, once it has come. */
  async function mailedLink(email: string, n = 1): Promise<string> {
    await ctx.mail.waitFor(() => mailsTo(email).length >= n, 30_000);
    return /(\S+\/set-password\?token=\S+)/.exec(mailsTo(email)[n - 1]!.text)![1]!;
  }
  async function auditCount(): Promise<number> {
    return (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
  }

  it('secretariat creates a delegate account → link → password → sign-in → /auth/me shows the delegate role', async () => {
    const delegateId = await seat(councilA, delegationA);
    const res = await as(secA)
      .post(users(councilA))
      .send({ email: 'Maria.Perez@Example.ORG', fullName: 'María Pérez', role: 'delegate', delegateId })
      .expect(201);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      councilId: councilA,
      email: 'maria.perez@example.org',
      fullName: 'María Pérez',
      role: 'delegate',
      delegateId,
      delegationId: delegationA,
      hasPassword: false,
      disabled: false,
      grantedAt: expect.any(String),
    });
    // The link goes to the person by email, never through the API.
    expect(res.body).toMatchObject({ linkEmailed: true, setupLink: null });
    const url = await mailedLink('maria.perez@example.org');
    expect(url).toMatch(new RegExp(`^${ctx.config.publicUrl}/app/set-password\\?token=[A-Za-z0-9_-]{43}&lang=en$`));
    const userId = res.body.user.id;

    const audit = await ctx.db.query(`SELECT council_id, actor_id, action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [userId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.created', 'council_role.granted', 'user.setup_link_issued']);
    for (const a of audit) expect(a).toMatchObject({ council_id: councilA, actor_id: secA.userId });
    expect(JSON.stringify(await ctx.db.query(`SELECT before, after FROM audit_log WHERE entity_id = $1`, [userId]))).not.toContain(tokenOf(url));

    await ctx
      .anonymous()
      .post('/auth/password')
      .send({ token: tokenOf(url), password: 'mi contraseña segura' })
      .expect(200);
    const login = await ctx.anonymous().post('/auth/login').send({ email: 'maria.perez@example.org', password: 'mi contraseña segura' }).expect(200);
    const me = await ctx.anonymous().get('/auth/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: userId, email: 'maria.perez@example.org', isAdmin: false });
    expect(me.body.councils).toEqual([
      { councilId: councilA, councilName: 'Council USERS-A', role: 'delegate', delegateId, delegationId: delegationA, participantId: participantA },
    ]);
    // The new delegate acts in council A, but may not manage its accounts.
    await ctx.anonymous().get(users(councilA)).set('authorization', `Bearer ${login.body.accessToken}`).expect(403);

    // Listed in A, not in B.
    const listA = await as(secA).get(users(councilA)).expect(200);
    expect(listA.body.items.map((u: { id: string }) => u.id)).toContain(userId);
    expect(listA.body.items.find((u: { id: string }) => u.id === userId).hasPassword).toBe(true);
    const listB = await as(secB).get(users(councilB)).expect(200);
    expect(listB.body.items.map((u: { id: string }) => u.id)).not.toContain(userId);
  });

  it('keeps each council to itself: a secretariat of another council gets 403 on every route, changing nothing', async () => {
    const created = await as(secA).post(users(councilA)).send({ email: 'only-a@test.protempore.org', fullName: 'Only A', role: 'secretariat' }).expect(201);
    const userId = created.body.user.id;
    const before = await auditCount();
    await as(secB).post(users(councilA)).send({ email: 'sneaky@test.protempore.org', fullName: 'Sneaky', role: 'secretariat' }).expect(403);
    await as(secB).get(users(councilA)).expect(403);
    await as(secB)
      .delete(users(councilA, `/${userId}`))
      .expect(403);
    await as(secB)
      .post(users(councilA, `/${userId}/setup-link`))
      .expect(403);
    await ctx.anonymous().get(users(councilA)).expect(401);
    // Through its own council's routes, B cannot reach A's roles either.
    await as(secB)
      .delete(users(councilB, `/${userId}`))
      .expect(404);
    await as(secB)
      .post(users(councilB, `/${userId}/setup-link`))
      .expect(404);
    expect(await auditCount()).toBe(before);
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM council_roles WHERE user_id = $1`, [userId]);
    expect(n).toBe(1);
  });

  it('refuses a second role in the same council with 409, and a seat already linked to someone', async () => {
    const delegateId = await seat(councilA, delegationA);
    await as(secA).post(users(councilA)).send({ email: 'twice@test.protempore.org', fullName: 'Twice', role: 'delegate', delegateId }).expect(201);
    const before = await auditCount();
    const dup = await as(secA).post(users(councilA)).send({ email: 'TWICE@test.protempore.org', fullName: 'Twice', role: 'secretariat' }).expect(409);
    expect(dup.body.code).toBe('ROLE_EXISTS');
    const taken = await as(secA)
      .post(users(councilA))
      .send({ email: 'other@test.protempore.org', fullName: 'Other', role: 'delegate', delegateId })
      .expect(409);
    expect(taken.body.code).toBe('DELEGATE_SEAT_TAKEN');
    expect(await auditCount()).toBe(before);
    expect(await ctx.db.query(`SELECT 1 FROM users WHERE email = 'other@test.protempore.org'`)).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, string, number]>([
    ['an unknown field', { email: 'x1@test.protempore.org', fullName: 'X', role: 'secretariat', isAdmin: true }, 'isAdmin', 400],
    ['a bad email', { email: 'not-an-email', fullName: 'X', role: 'secretariat' }, 'email', 400],
    ['a blank name', { email: 'x2@test.protempore.org', fullName: '   ', role: 'secretariat' }, 'fullName', 400],
    ['an unknown role', { email: 'x3@test.protempore.org', fullName: 'X', role: 'chair' }, 'role', 400],
    ['a delegate without delegateId', { email: 'x4@test.protempore.org', fullName: 'X', role: 'delegate' }, 'delegateId', 400],
    ['a secretariat with delegateId', { email: 'x5@test.protempore.org', fullName: 'X', role: 'secretariat', delegateId: randomUUID() }, 'delegateId', 400],
    ['a malformed delegateId', { email: 'x6@test.protempore.org', fullName: 'X', role: 'delegate', delegateId: 'seat-1' }, 'delegateId', 400],
  ])('refuses %s with 400 naming the field', async (_what, body, field, status) => {
    const before = await auditCount();
    const res = await as(secA).post(users(councilA)).send(body).expect(status);
    expect(fields(res)).toContain(field);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a delegate seat of another council (404), changing nothing', async () => {
    const { delegationId } = await delegation(councilB, 'CA');
    const seatB = await seat(councilB, delegationId);
    const before = await auditCount();
    const res = await as(secA)
      .post(users(councilA))
      .send({ email: 'wrong-seat@test.protempore.org', fullName: 'X', role: 'delegate', delegateId: seatB })
      .expect(404);
    expect(res.body.details).toMatchObject({ entity: 'delegate' });
    expect(await auditCount()).toBe(before);
    expect(await ctx.db.query(`SELECT 1 FROM users WHERE email = 'wrong-seat@test.protempore.org'`)).toHaveLength(0);
  });

  it('reuses the account of a person serving two councils; removing one role keeps the other; no link through a second council', async () => {
    const a = await as(secA).post(users(councilA)).send({ email: 'both@test.protempore.org', fullName: 'Both Councils', role: 'secretariat' }).expect(201);
    expect(a.body).toMatchObject({ linkEmailed: true, setupLink: null });
    const aLink = await mailedLink('both@test.protempore.org', 1);
    const b = await as(secB).post(users(councilB)).send({ email: 'Both@test.protempore.org', fullName: 'Another Name', role: 'secretariat' }).expect(201);
    expect(b.body.user.id).toBe(a.body.user.id);
    expect(b.body.user.fullName).toBe('Both Councils');
    // The account now belongs to two councils: neither council's staff may take over its password.
    expect(b.body).toMatchObject({ linkEmailed: false, setupLink: null });
    const refused = await as(secA)
      .post(users(councilA, `/${a.body.user.id}/setup-link`))
      .expect(409);
    expect(refused.body.code).toBe('LINK_NEEDS_ADMINISTRATOR');
    // A's earlier link still works (it was handed out while the account was A's alone) — until a newer one replaces it.
    await ctx.http().post(`/users/${a.body.user.id}/setup-link`).expect(201);
    const adminLink = await mailedLink('both@test.protempore.org', 2);
    await ctx
      .anonymous()
      .post('/auth/password')
      .send({ token: tokenOf(aLink), password: 'superseded link pw' })
      .expect(400);
    await ctx
      .anonymous()
      .post('/auth/password')
      .send({ token: tokenOf(adminLink), password: 'two councils, one pw' })
      .expect(200);

    await as(secA)
      .delete(users(councilA, `/${a.body.user.id}`))
      .expect(204);
    await as(secA)
      .delete(users(councilA, `/${a.body.user.id}`))
      .expect(404);
    const login = await ctx.anonymous().post('/auth/login').send({ email: 'both@test.protempore.org', password: 'two councils, one pw' }).expect(200);
    const me = await ctx.anonymous().get('/auth/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body.councils.map((c: { councilId: string }) => c.councilId)).toEqual([councilB]);
    const [revoked] = await ctx.db.query(`SELECT council_id, before FROM audit_log WHERE action = 'council_role.revoked' AND entity_id = $1`, [a.body.user.id]);
    expect(revoked).toMatchObject({ council_id: councilA, before: { role: 'secretariat', councilId: councilA } });
  });

  it('issues a fresh link that replaces older unused ones; none once the password is set', async () => {
    const created = await as(secA).post(users(councilA)).send({ email: 'relink@test.protempore.org', fullName: 'Re Link', role: 'secretariat' }).expect(201);
    const first = await mailedLink('relink@test.protempore.org', 1);
    const fresh = await as(secA)
      .post(users(councilA, `/${created.body.user.id}/setup-link`))
      .expect(201);
    expect(fresh.body).toEqual({ linkEmailed: true, email: 'relink@test.protempore.org', expiresAt: expect.any(String) });
    const second = await mailedLink('relink@test.protempore.org', 2);
    await ctx
      .anonymous()
      .post('/auth/password')
      .send({ token: tokenOf(first), password: 'old link password' })
      .expect(400);
    await ctx
      .anonymous()
      .post('/auth/password')
      .send({ token: tokenOf(second), password: 'new link password' })
      .expect(200);
    const again = await as(secA)
      .post(users(councilA, `/${created.body.user.id}/setup-link`))
      .expect(409);
    expect(again.body.code).toBe('PASSWORD_ALREADY_SET');
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.setup_link_issued' AND entity_id = $1`, [
      created.body.user.id,
    ]);
    expect(n).toBe(2);
  });

  it('403 for a council where the caller has no role (so also an unknown one), 400 for malformed ids, 404 for an unknown user', async () => {
    await ctx.http().get(users(randomUUID())).expect(403);
    await ctx.http().get('/councils/not-a-uuid/users').expect(400);
    await as(secA).delete(users(councilA, '/not-a-uuid')).expect(400);
    await as(secA)
      .delete(users(councilA, `/${randomUUID()}`))
      .expect(404);
  });

  describe('disabling and enabling (system administrator)', () => {
    it('disables: 200 with the user, sessions end, the access token is refused at once; enables again; audited without council', async () => {
      const created = await as(secA)
        .post(users(councilA))
        .send({ email: 'to-disable@test.protempore.org', fullName: 'To Disable', role: 'secretariat' })
        .expect(201);
      const userId = created.body.user.id;
      await ctx
        .anonymous()
        .post('/auth/password')
        .send({ token: tokenOf(await mailedLink('to-disable@test.protempore.org')), password: 'before disabling' })
        .expect(200);
      const session = await ctx.anonymous().post('/auth/login').send({ email: 'to-disable@test.protempore.org', password: 'before disabling' }).expect(200);
      const bearer = { authorization: `Bearer ${session.body.accessToken}` };
      await ctx.anonymous().get(users(councilA)).set(bearer).expect(200);

      // Only an administrator: the secretariat, or the user, may not.
      await as(secA).post(`/users/${userId}/disable`).expect(403);
      await ctx.anonymous().post(`/users/${userId}/disable`).set(bearer).expect(403);

      const administrator = await admin(ctx);
      const disabled = await as(administrator).post(`/users/${userId}/disable`).expect(200);
      expect(disabled.body).toMatchObject({
        id: userId,
        email: 'to-disable@test.protempore.org',
        disabledAt: expect.any(String),
        hasPassword: true,
        isAdmin: false,
      });
      await ctx.anonymous().get(users(councilA)).set(bearer).expect(401);
      await ctx.anonymous().get('/auth/me').set(bearer).expect(401);
      await ctx.anonymous().post('/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(401);
      await ctx.anonymous().post('/auth/login').send({ email: 'to-disable@test.protempore.org', password: 'before disabling' }).expect(401);
      const [{ open }] = await ctx.db.query(`SELECT count(*)::int AS open FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      expect(open).toBe(0);
      // Disabling twice changes nothing more.
      await as(administrator).post(`/users/${userId}/disable`).expect(200);

      const enabled = await as(administrator).post(`/users/${userId}/enable`).expect(200);
      expect(enabled.body.disabledAt).toBeNull();
      await ctx.anonymous().post('/auth/login').send({ email: 'to-disable@test.protempore.org', password: 'before disabling' }).expect(200);

      const audit = await ctx.db.query(
        `SELECT council_id, actor_id, action FROM audit_log WHERE entity_id = $1 AND action IN ('user.disabled', 'user.enabled') ORDER BY id`,
        [userId],
      );
      expect(audit).toEqual([
        { council_id: null, actor_id: administrator.userId, action: 'user.disabled' },
        { council_id: null, actor_id: administrator.userId, action: 'user.enabled' },
      ]);
    });

    it('refuses disabling oneself (409) and unknown users (404)', async () => {
      const administrator = await admin(ctx);
      expect((await as(administrator).post(`/users/${administrator.userId}/disable`).expect(409)).body.code).toBe('CANNOT_DISABLE_SELF');
      await as(administrator).post(`/users/${randomUUID()}/disable`).expect(404);
      await as(administrator).post(`/users/${randomUUID()}/enable`).expect(404);
      await as(administrator).post('/users/nope/enable').expect(400);
    });
  });
});
