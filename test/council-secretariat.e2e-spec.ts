import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, admin, secretariat } from './support/actors.js';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * A new council gets its first secretariat: the administrator creates the council and appoints a person who has
 * no account yet; the set-password link arrives by email (the real worker, through SMTP to the sink); the person
 * sets the password with it, signs in and runs the council — a participant, a delegate seat, a delegate account —
 * until the administrator removes them, and their access ends with the next request.
 */
jest.setTimeout(90_000);

describe('a council’s secretariat, appointed by the administrator', () => {
  let ctx: TestContext;
  let sysadmin: Actor;

  const tokenIn = (text: string) => /[?&]token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  const mailsTo = (email: string) => ctx.mail.messages.filter((m) => m.to.includes(email));
  async function nthMail(email: string, n: number) {
    await ctx.mail.waitFor(() => mailsTo(email).length >= n, 30_000);
    return mailsTo(email)[n - 1]!;
  }
  const auditOf = (councilId: string, userId: string) =>
    ctx.db.query(`SELECT action, before, after FROM audit_log WHERE council_id = $1 AND entity_id = $2 ORDER BY id`, [councilId, userId]) as Promise<
      { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]
    >;
  const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });

  async function newCouncil(name: string, workingLanguages = ['es', 'en']): Promise<string> {
    const res = await ctx
      .anonymous()
      .post('/councils')
      .set(sysadmin.auth)
      .send({ slug: `c-${randomUUID().slice(0, 8)}`, name, workingLanguages, timeZone: 'America/Mexico_City' });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true, env: { OUTBOX_RELAY_INTERVAL_MS: '100', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    // No test operator in the councils of this file: a new council has nobody, as in production.
    await ctx.db.query(`DROP TRIGGER test_grant_operator ON councils`);
    sysadmin = await admin(ctx);
  });
  afterAll(() => ctx?.close());

  it('the whole path: create → appoint a newcomer → the link by email → set the password → run the council → removed → no access', async () => {
    const name = `Consejo Nuevo ${randomUUID().slice(0, 6)}`;
    const councilId = await newCouncil(name);
    const base = `/councils/${councilId}`;

    // A new council has no secretariat, and the administrator cannot manage its accounts: the dead end this fixes.
    expect((await ctx.anonymous().get(`${base}/secretariat`).set(sysadmin.auth).expect(200)).body).toEqual({ items: [] });
    await ctx.anonymous().post(`${base}/users`).set(sysadmin.auth).send({ email: 'x@test.protempore.org', fullName: 'X', role: 'secretariat' }).expect(403);

    const email = `Elena.Ruiz.${randomUUID().slice(0, 6)}@Test.Protempore.org`;
    const lower = email.toLowerCase();
    const res = await ctx.anonymous().post(`${base}/secretariat`).set(sysadmin.auth).send({ email, fullName: '  Elena Ruiz ', preferredLanguage: 'es' });
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 201,
      body: {
        accountCreated: true,
        linkEmailed: true,
        user: { councilId, email: lower, fullName: 'Elena Ruiz', role: 'secretariat', delegateId: null, hasPassword: false, disabled: false },
      },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/token/i);
    const userId = res.body.user.id as string;
    expect((await ctx.anonymous().get(`${base}/secretariat`).set(sysadmin.auth).expect(200)).body.items).toEqual([res.body.user]);
    expect((await ctx.db.query(`SELECT preferred_language FROM users WHERE id = $1`, [userId]))[0].preferred_language).toBe('es');

    // The audit trail of the appointment, written with it.
    expect((await auditOf(councilId, userId)).map((a) => a.action)).toEqual(['user.created', 'secretariat.appointed', 'user.setup_link_issued']);
    const [, appointed] = await auditOf(councilId, userId);
    expect(appointed!.after).toMatchObject({ role: 'secretariat', email: lower, accountCreated: true });
    const [actor] = await ctx.db.query(`SELECT actor_id FROM audit_log WHERE council_id = $1 AND action = 'secretariat.appointed'`, [councilId]);
    expect(actor.actor_id).toBe(sysadmin.userId);

    // The email: in Spanish, naming the council, with the one-time link.
    const mail = await nthMail(lower, 1);
    expect(mail.subject).toBe(`Establezca su contraseña — ${name}`);
    expect(mail.text).toContain('Elena Ruiz');
    const token = tokenIn(mail.text)!;
    expect(token).toBeDefined();

    // The person sets the password with the link (signing in there too, or not: either way, signing in works after).
    const set = await ctx.anonymous().post('/auth/password').send({ token, password: 'la secretaría funciona' });
    expect([200, 204]).toContain(set.status);
    await ctx.anonymous().post('/auth/password').send({ token, password: 'otra vez la misma' }).expect(400);
    const login = await ctx.anonymous().post('/auth/login').send({ email: lower, password: 'la secretaría funciona' }).expect(200);
    const staff = bearer(login.body.accessToken as string);
    const me = await ctx.anonymous().get('/auth/me').set(staff).expect(200);
    expect(me.body.councils).toEqual([expect.objectContaining({ councilId, councilName: name, role: 'secretariat' })]);

    // …and runs the council: a member state (and its delegation), a head of delegation, and the head's account.
    const mx = await ctx
      .anonymous()
      .post(`${base}/participants`)
      .set(staff)
      .send({ kind: 'member_state', name: 'Mexico', isoCode: 'MX', timeZone: 'America/Mexico_City' });
    expect({ status: mx.status, body: mx.body }).toMatchObject({ status: 201 });
    const delegations = await ctx.anonymous().get(`${base}/delegations`).set(staff).expect(200);
    const delegationId = (delegations.body.items as { id: string; participantId: string }[]).find((d) => d.participantId === mx.body.id)!.id;
    const headEmail = `head.mx.${randomUUID().slice(0, 6)}@test.protempore.org`;
    const seat = await ctx
      .anonymous()
      .post(`${base}/delegations/${delegationId}/delegates`)
      .set(staff)
      .send({ fullName: 'Jefa MX', email: headEmail, role: 'head', preferredLanguage: 'es' });
    expect({ status: seat.status, body: seat.body }).toMatchObject({ status: 201 });
    const account = await ctx
      .anonymous()
      .post(`${base}/users`)
      .set(staff)
      .send({ email: headEmail, fullName: 'Jefa MX', role: 'delegate', delegateId: seat.body.id });
    expect({ status: account.status, body: account.body }).toMatchObject({
      status: 201,
      body: { linkEmailed: true, user: { role: 'delegate', delegateId: seat.body.id } },
    });
    expect(tokenIn((await nthMail(headEmail, 1)).text)).toBeDefined();
    // Only the administrator appoints through this route: the secretariat adds colleagues at /users.
    await ctx.anonymous().post(`${base}/secretariat`).set(staff).send({ email: 'colleague@test.protempore.org', fullName: 'Colleague' }).expect(403);
    await ctx.anonymous().get(`${base}/secretariat`).set(staff).expect(403);

    // The administrator removes them: the role is gone at once (roles are read per request); the account stays.
    await ctx.anonymous().delete(`${base}/secretariat/${userId}`).set(sysadmin.auth).expect(204);
    expect((await ctx.anonymous().get(`${base}/secretariat`).set(sysadmin.auth).expect(200)).body).toEqual({ items: [] });
    const removed = (await auditOf(councilId, userId)).at(-1)!;
    expect(removed).toMatchObject({ action: 'secretariat.removed', before: { role: 'secretariat', email: lower }, after: { remaining: 0 } });
    await ctx.anonymous().get(`${base}/users`).set(staff).expect(403);
    await ctx.anonymous().post(`${base}/participants`).set(staff).send({ kind: 'member_state', name: 'Canada', isoCode: 'CA' }).expect(403);
    expect((await ctx.anonymous().get('/auth/me').set(staff).expect(200)).body.councils).toEqual([]);
    await ctx.anonymous().delete(`${base}/secretariat/${userId}`).set(sysadmin.auth).expect(404);
    // The delegate account they made is no secretariat: not removable here.
    await ctx.anonymous().delete(`${base}/secretariat/${account.body.user.id}`).set(sysadmin.auth).expect(404);

    // Appointed again (an existing account with a password): the role comes back, no link is sent.
    const again = await ctx.anonymous().post(`${base}/secretariat`).set(sysadmin.auth).send({ email: lower, fullName: 'Ignored Name' }).expect(201);
    expect(again.body).toMatchObject({ accountCreated: false, linkEmailed: false, user: { id: userId, fullName: 'Elena Ruiz', hasPassword: true } });
    await ctx.anonymous().get(`${base}/users`).set(staff).expect(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(lower)).toHaveLength(1);
  });

  it('refuses a second role in the council, a disabled account, an unknown council and bad input', async () => {
    const councilId = await newCouncil(`Council ${randomUUID().slice(0, 6)}`, ['en']);
    const base = `/councils/${councilId}/secretariat`;
    const appoint = (body: Record<string, unknown>) => ctx.anonymous().post(base).set(sysadmin.auth).send(body);

    const first = await appoint({ email: `one-${randomUUID().slice(0, 6)}@test.protempore.org`, fullName: 'One' }).expect(201);
    // No language given: the council's first working language.
    expect((await ctx.db.query(`SELECT preferred_language FROM users WHERE id = $1`, [first.body.user.id]))[0].preferred_language).toBe('en');
    const dup = await appoint({ email: first.body.user.email, fullName: 'One' }).expect(409);
    expect(dup.body).toMatchObject({ code: 'ALREADY_SECRETARIAT', errors: [expect.objectContaining({ field: 'email' })] });

    const canada = given(ctx).inCouncil(councilId);
    const delegate = await canada.delegate(await canada.memberState('Canada', { iso: 'CA', position: 1, delegation: 'Canada' }), 'head');
    const [{ email: delegateEmail }] = await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [delegate.userId]);
    expect((await appoint({ email: delegateEmail, fullName: 'D' }).expect(409)).body.code).toBe('ROLE_EXISTS');

    const [{ id: disabledId, email: disabledEmail }] = await ctx.db.query(
      `INSERT INTO users (email, full_name, disabled_at) VALUES ($1, 'Gone', now()) RETURNING id, email`,
      [`gone-${randomUUID().slice(0, 6)}@test.protempore.org`],
    );
    expect((await appoint({ email: disabledEmail, fullName: 'Gone' }).expect(409)).body.code).toBe('USER_DISABLED');
    expect(await ctx.db.query(`SELECT 1 FROM council_roles WHERE user_id = $1`, [disabledId])).toEqual([]);

    await ctx.anonymous().post(`/councils/${randomUUID()}/secretariat`).set(sysadmin.auth).send({ email: 'n@test.protempore.org', fullName: 'N' }).expect(404);
    await ctx.anonymous().get(`/councils/${randomUUID()}/secretariat`).set(sysadmin.auth).expect(404);
    await ctx.anonymous().delete(`${base}/${randomUUID()}`).set(sysadmin.auth).expect(404);
    await ctx.anonymous().delete(`${base}/not-a-uuid`).set(sysadmin.auth).expect(400);

    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: 'not an email', fullName: 'A' }, 'email', 'isEmail'],
      [{ email: 'a@test.protempore.org', fullName: '   ' }, 'fullName', 'matches'],
      [{ email: 'a@test.protempore.org', fullName: 'A', preferredLanguage: 'de' }, 'preferredLanguage', 'isIn'],
      [{ email: 'a@test.protempore.org', fullName: 'A', role: 'delegate' }, 'role', 'unknown_field'],
    ];
    for (const [body, field, rule] of cases) {
      const bad = await appoint(body);
      expect({ field, status: bad.status, errors: bad.body.errors }).toEqual({
        field,
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field, rule })]),
      });
    }
    expect((await ctx.anonymous().get(base).set(sysadmin.auth).expect(200)).body.items.map((u: { id: string }) => u.id)).toEqual([first.body.user.id]);

    // Nobody but the administrator: another council's secretariat, this council's delegate, anonymous.
    const [{ id: otherCouncil }] = await ctx.db.query(`INSERT INTO councils (slug, name, working_languages) VALUES ($1, 'Other', '{en}') RETURNING id`, [
      `o-${randomUUID().slice(0, 8)}`,
    ]);
    const foreign = await secretariat(ctx, otherCouncil);
    await ctx.anonymous().post(base).set(foreign.auth).send({ email: 'f@test.protempore.org', fullName: 'F' }).expect(403);
    await ctx.anonymous().post(base).set(delegate.auth).send({ email: 'f@test.protempore.org', fullName: 'F' }).expect(403);
    await ctx.anonymous().post(base).send({ email: 'f@test.protempore.org', fullName: 'F' }).expect(401);
  });

  it('an account of another council with no password: the administrator’s link goes out; the new council’s staff still may not issue one', async () => {
    const [{ id: homeCouncil }] = await ctx.db.query(`INSERT INTO councils (slug, name, working_languages) VALUES ($1, 'Home', '{en}') RETURNING id`, [
      `h-${randomUUID().slice(0, 8)}`,
    ]);
    const email = `two-hats-${randomUUID().slice(0, 6)}@test.protempore.org`;
    const [{ id: userId }] = await ctx.db.query(`INSERT INTO users (email, full_name) VALUES ($1, 'Two Hats') RETURNING id`, [email]);
    await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [userId, homeCouncil]);

    const councilId = await newCouncil(`Second ${randomUUID().slice(0, 6)}`, ['en']);
    const res = await ctx.anonymous().post(`/councils/${councilId}/secretariat`).set(sysadmin.auth).send({ email, fullName: 'Two Hats' }).expect(201);
    expect(res.body).toMatchObject({ accountCreated: false, linkEmailed: true, user: { id: userId } });
    expect(tokenIn((await nthMail(email, 1)).text)).toBeDefined();

    // The cross-council guard holds for the councils' staff: neither council's secretariat may issue this account's link.
    const staff = await secretariat(ctx, councilId);
    const refused = await ctx.anonymous().post(`/councils/${councilId}/users/${userId}/setup-link`).set(staff.auth).expect(409);
    expect(refused.body.code).toBe('LINK_NEEDS_ADMINISTRATOR');
  });
});
