import { jest } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/core/auth/access-token.service.js';
import { PasswordHasher } from '../src/modules/identity/password-hasher.service.js';
import { tokenFor } from './support/actors.js';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// Password links arrive by email through the worker: allow for a loaded machine.
jest.setTimeout(60_000);

describe('sign-in, sessions and password links', () => {
  let ctx: TestContext;
  let councilId: string;
  let delegationId: string;
  let participantId: string;

  beforeAll(async () => {
    // Many sign-ins here: the sign-in rate limit has its own test (auth-rate-limit).
    // The worker emails one-time password links.
    ctx = await createTestContext({ worker: true, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', OUTBOX_RELAY_INTERVAL_MS: '100' } });
    [{ id: councilId }] = await ctx.db.query(`INSERT INTO councils (slug, name) VALUES ('auth-c', 'Auth Council') RETURNING id`);
    ({ participantId, delegationId } = await given(ctx)
      .inCouncil(councilId)
      .memberState('Mexico', { iso: 'MX', position: 1, delegation: 'Delegation of Mexico' }));
  });
  afterAll(() => ctx.close());

  let n = 0;
  /** An account with a password, optionally seated as a delegate of the test council. */
  async function person(password = 'correct horse battery staple', opts: { delegate?: boolean } = {}) {
    const email = `person-${++n}-${randomBytes(3).toString('hex')}@test.protempore.org`;
    const hash = await ctx.app.get(PasswordHasher).hash(password);
    const [{ id }] = await ctx.db.query(`INSERT INTO users (email, full_name, password_hash) VALUES ($1, 'Ana Person', $2) RETURNING id`, [email, hash]);
    if (opts.delegate) {
      const [{ id: delegateId }] = await ctx.db.query(
        `INSERT INTO delegates (council_id, delegation_id, full_name, email, role) VALUES ($1, $2, 'Ana Person', $3, 'adviser') RETURNING id`,
        [councilId, delegationId, email],
      );
      await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role, delegate_id) VALUES ($1, $2, 'delegate', $3)`, [id, councilId, delegateId]);
    }
    return { id: id as string, email, password };
  }

  const login = (email: string, password: string) => ctx.anonymous().post('/auth/login').send({ email, password });
  const refresh = (refreshToken: string) => ctx.anonymous().post('/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) => ctx.anonymous().get('/auth/me').set('authorization', `Bearer ${accessToken}`);

  describe('login, refresh and logout', () => {
    it('signs in, reads /auth/me, rotates the refresh token, detects reuse and revokes the family, signs out', async () => {
      const p = await person(undefined, { delegate: true });
      const signedIn = await login(p.email.toUpperCase(), p.password).expect(200);
      expect(signedIn.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String) });
      expect(Buffer.from(signedIn.body.refreshToken, 'base64url').length).toBeGreaterThanOrEqual(32);

      const profile = await me(signedIn.body.accessToken).expect(200);
      expect(profile.body).toEqual({
        id: p.id,
        email: p.email,
        fullName: 'Ana Person',
        isAdmin: false,
        preferredLanguage: 'en',
        timeZone: 'UTC',
        councils: [{ councilId, councilName: 'Auth Council', role: 'delegate', delegateId: expect.any(String), delegationId, participantId }],
      });

      // Only the SHA-256 of the refresh token is stored.
      const [stored] = await ctx.db.query(`SELECT token_hash, family_id FROM refresh_tokens WHERE user_id = $1`, [p.id]);
      expect(stored.token_hash).toBe(sha256(signedIn.body.refreshToken));
      const raw = await ctx.db.query(`SELECT 1 FROM refresh_tokens WHERE token_hash = $1`, [signedIn.body.refreshToken]);
      expect(raw).toHaveLength(0);

      const first = signedIn.body.refreshToken as string;
      const rotated = await refresh(first).expect(200);
      expect(rotated.body.refreshToken).not.toBe(first);
      await me(rotated.body.accessToken).expect(200);
      const rows = await ctx.db.query(`SELECT id, token_hash, family_id, revoked_at, replaced_by FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`, [
        p.id,
      ]);
      expect(rows).toHaveLength(2);
      expect(rows[0].revoked_at).not.toBeNull();
      expect(rows[0].replaced_by).toBe(rows[1].id);
      expect(rows[1].family_id).toBe(rows[0].family_id);
      expect(rows[1].revoked_at).toBeNull();

      // The old token again: refused, and the whole family (the new token too) is revoked.
      const reused = await refresh(first).expect(401);
      expect(reused.body.code).toBe('UNAUTHENTICATED');
      const [{ open }] = await ctx.db.query(`SELECT count(*)::int AS open FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL`, [
        rows[0].family_id,
      ]);
      expect(open).toBe(0);
      await refresh(rotated.body.refreshToken).expect(401);
      const audit = await ctx.db.query(`SELECT council_id, after FROM audit_log WHERE action = 'session.refresh_token_reused' AND entity_id = $1`, [p.id]);
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0].after)).not.toContain(first);

      // A new session, then sign out: its refresh token no longer works.
      const again = await login(p.email, p.password).expect(200);
      await ctx.anonymous().post('/auth/logout').send({ refreshToken: again.body.refreshToken }).expect(204);
      await refresh(again.body.refreshToken).expect(401);
      // Signing out twice, or with an unknown token, is harmless.
      await ctx.anonymous().post('/auth/logout').send({ refreshToken: again.body.refreshToken }).expect(204);
      await ctx.anonymous().post('/auth/logout').send({ refreshToken: 'not-a-token' }).expect(204);
    });

    it('refuses an unknown email, a wrong password, no password yet and a disabled account with one message', async () => {
      const p = await person();
      const unknown = await login('nobody@test.protempore.org', p.password).expect(401);
      const wrong = await login(p.email, 'wrong password, surely').expect(401);
      const [{ id: noPassword }] = await ctx.db.query(`INSERT INTO users (email, full_name) VALUES ('nopass@test.protempore.org', 'No Pass') RETURNING id`);
      const none = await login('nopass@test.protempore.org', p.password).expect(401);
      await ctx.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [p.id]);
      const disabled = await login(p.email, p.password).expect(401);
      for (const res of [wrong, none, disabled]) expect(res.body.message).toBe(unknown.body.message);
      expect(unknown.body.message).toBe('the email or password is wrong');
      const [{ n: sessions }] = await ctx.db.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id IN ($1, $2)`, [p.id, noPassword]);
      expect(sessions).toBe(0);
    });

    it('refuses an expired refresh token, and any refresh of a disabled account', async () => {
      const p = await person();
      const a = await login(p.email, p.password).expect(200);
      await ctx.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(a.body.refreshToken)]);
      await refresh(a.body.refreshToken).expect(401);
      const b = await login(p.email, p.password).expect(200);
      await ctx.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [p.id]);
      await refresh(b.body.refreshToken).expect(401);
    });

    it('validates the bodies: missing or unknown fields are 400', async () => {
      await ctx.anonymous().post('/auth/login').send({ email: 'a@b.c' }).expect(400);
      const extra = await ctx.anonymous().post('/auth/login').send({ email: 'a@b.c', password: 'x', remember: true }).expect(400);
      expect(extra.body.errors.map((e: { field: string }) => e.field)).toContain('remember');
      await ctx.anonymous().post('/auth/refresh').send({}).expect(400);
      await ctx.anonymous().post('/auth/refresh').send({ refreshToken: 42 }).expect(400);
    });
  });

  describe('access tokens', () => {
    const key = new TextEncoder().encode('test-secret-for-access-tokens-0123456789abcdef');
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (sub: string) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(sub).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setIssuedAt();
    let victim: { id: string };

    beforeAll(async () => {
      victim = await person();
    });

    it('accepts a token made the way the service makes them (the fixtures below differ in one thing each)', async () => {
      await me(await claims(victim.id).setExpirationTime('5m').sign(key)).expect(200);
    });

    it.each<[string, () => Promise<string>]>([
      [
        'alg none',
        async () =>
          new UnsecuredJWT({}).setSubject(victim.id).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setIssuedAt().setExpirationTime('5m').encode(),
      ],
      ['a wrong key', async () => claims(victim.id).setExpirationTime('5m').sign(new TextEncoder().encode('another-secret-another-secret-0123456789'))],
      [
        'expired',
        async () =>
          claims(victim.id)
            .setIssuedAt(now() - 3600)
            .setExpirationTime(now() - 60)
            .sign(key),
      ],
      ['a wrong audience', async () => claims(victim.id).setAudience('someone-else').setExpirationTime('5m').sign(key)],
      ['a wrong issuer', async () => claims(victim.id).setIssuer('evil').setExpirationTime('5m').sign(key)],
      ['no expiry', async () => claims(victim.id).sign(key)],
      ['a subject that is not a user id', async () => claims('admin').setExpirationTime('5m').sign(key)],
      ['a subject of no user', async () => claims(randomUUID()).setExpirationTime('5m').sign(key)],
      [
        'a tampered payload (sub changed, signature kept)',
        async () => {
          const other = await person();
          const [header, , signature] = (await tokenFor(ctx, victim.id)).token.split('.');
          const payload = { sub: other.id, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now(), exp: now() + 300, jti: randomUUID() };
          return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
        },
      ],
    ])('refuses a token with %s', async (_what, make) => {
      const res = await me(await make()).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'bearer abc.def.ghi', 'Bearer abc def', 'Bearer <script>', 'Token abc'])(
      'refuses the malformed Authorization header %j',
      async (header) => {
        const res = await ctx.anonymous().get('/auth/me').set('authorization', header).expect(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      },
    );

    it('refuses a disabled user’s still-valid token at once, and accepts it again once enabled', async () => {
      const p = await person();
      const { body } = await login(p.email, p.password).expect(200);
      await me(body.accessToken).expect(200);
      await ctx.http().post(`/users/${p.id}/disable`).expect(200);
      await me(body.accessToken).expect(401);
      await ctx.http().post(`/users/${p.id}/enable`).expect(200);
      await me(body.accessToken).expect(200);
    });

    it('PATCH /auth/me sets your own language and time zone (audited once per change); bad values are 400 naming the field', async () => {
      const p = await person();
      const token = (await login(p.email, p.password).expect(200)).body.accessToken as string;
      const patch = (body: Record<string, unknown>) => ctx.anonymous().patch('/auth/me').set('authorization', `Bearer ${token}`).send(body);
      const res = await patch({ preferredLanguage: 'fr', timeZone: 'America/Guatemala' }).expect(200);
      expect(res.body).toMatchObject({ id: p.id, preferredLanguage: 'fr', timeZone: 'America/Guatemala' });
      expect((await me(token).expect(200)).body).toMatchObject({ preferredLanguage: 'fr', timeZone: 'America/Guatemala' });
      await patch({ preferredLanguage: 'fr' }).expect(200); // no change: no audit row
      await patch({ preferredLanguage: 'pt' }).expect(200);
      const audit = await ctx.db.query(`SELECT before, after FROM audit_log WHERE action = 'user.profile_updated' AND entity_id = $1 ORDER BY id`, [p.id]);
      expect(audit).toEqual([
        { before: { preferredLanguage: 'en', timeZone: 'UTC' }, after: { preferredLanguage: 'fr', timeZone: 'America/Guatemala' } },
        { before: { preferredLanguage: 'fr', timeZone: 'America/Guatemala' }, after: { preferredLanguage: 'pt', timeZone: 'America/Guatemala' } },
      ]);
      const field = async (body: Record<string, unknown>) => ((await patch(body).expect(400)).body.errors as { field: string }[]).map((e) => e.field);
      expect(await field({ preferredLanguage: 'de' })).toEqual(['preferredLanguage']);
      expect(await field({ preferredLanguage: null })).toEqual(['preferredLanguage']);
      expect(await field({ timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
      expect(await field({ isAdmin: true })).toEqual(['isAdmin']);
      const [row] = await ctx.db.query(`SELECT preferred_language, time_zone, is_admin FROM users WHERE id = $1`, [p.id]);
      expect(row).toEqual({ preferred_language: 'pt', time_zone: 'America/Guatemala', is_admin: false });
      await ctx.anonymous().patch('/auth/me').send({ preferredLanguage: 'es' }).expect(401);
    });

    it('needs a token for /auth/me', async () => {
      await ctx.anonymous().get('/auth/me').expect(401);
    });
  });

  describe('one-time password links', () => {
    /** Issues a link (the API answers without it) and reads it from the email the person receives. */
    async function link(userId: string): Promise<string> {
      const [{ email }] = await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [userId]);
      const mailsTo = () => ctx.mail.messages.filter((m) => m.to.includes(email));
      const before = mailsTo().length;
      const res = await ctx.http().post(`/users/${userId}/setup-link`).expect(201);
      expect(res.body).toEqual({ linkEmailed: true, email, expiresAt: expect.any(String) });
      const expected = Date.now() + ctx.config.auth.passwordLinkTtlHours * 3600_000;
      expect(Math.abs(new Date(res.body.expiresAt).getTime() - expected)).toBeLessThan(60_000);
      await ctx.mail.waitFor(() => mailsTo().length > before, 30_000);
      const url = /(\S+\/set-password\?token=\S+)/.exec(mailsTo()[before]!.text)![1]!;
      expect(url.startsWith(`${ctx.config.publicUrl}/app/set-password?token=`)).toBe(true);
      return new URL(url).searchParams.get('token')!;
    }
    const setPassword = (token: string, password: string) => ctx.anonymous().post('/auth/password').send({ token, password });
    const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

    it('sets the password once; the link then fails; sign-in works; earlier sessions end; the audit row holds no secret', async () => {
      const p = await person('the old password 123');
      const old = await login(p.email, p.password).expect(200);
      const token = await link(p.id);
      const [stored] = await ctx.db.query(`SELECT token_hash FROM password_setup_tokens WHERE user_id = $1 AND used_at IS NULL`, [p.id]);
      expect(stored.token_hash).toBe(sha256(token));

      const password = 'a brand new password';
      // The link signs the person in: a new session, as from login; the earlier ones end.
      const signedIn = await setPassword(token, password).expect(200);
      expect(signedIn.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: expect.any(Number), refreshToken: expect.any(String) });
      await ctx.anonymous().get('/auth/me').set('authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
      await refresh(signedIn.body.refreshToken).expect(200);
      const again = await setPassword(token, 'another new password').expect(400);
      expect(fields(again)).toEqual(['token']);

      await login(p.email, 'the old password 123').expect(401);
      await login(p.email, password).expect(200);
      await refresh(old.body.refreshToken).expect(401);

      const audit = await ctx.db.query(`SELECT council_id, actor_id, before, after FROM audit_log WHERE action = 'user.password_set' AND entity_id = $1`, [
        p.id,
      ]);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ council_id: null, actor_id: p.id, before: { hasPassword: true }, after: { hasPassword: true } });
      const text = JSON.stringify(audit);
      for (const secret of [password, token, sha256(token), 'argon2']) expect(text).not.toContain(secret);
    });

    it('refuses an unknown, an expired and a superseded link with 400 naming token, changing nothing', async () => {
      const p = await person('unchanged password!');
      expect(fields(await setPassword(randomBytes(32).toString('base64url'), 'long enough password').expect(400))).toEqual(['token']);

      const expired = await link(p.id);
      await ctx.db.query(`UPDATE password_setup_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(expired)]);
      expect(fields(await setPassword(expired, 'long enough password').expect(400))).toEqual(['token']);

      const older = await link(p.id);
      const newer = await link(p.id);
      expect(fields(await setPassword(older, 'long enough password').expect(400))).toEqual(['token']);
      await login(p.email, 'unchanged password!').expect(200);
      await setPassword(newer, 'long enough password').expect(200);
    });

    it.each([
      ['too short', 'short pw 11'],
      ['too long', 'x'.repeat(201)],
    ])('refuses a password %s with 400 naming password, without using the link', async (_what, password) => {
      const p = await person();
      const token = await link(p.id);
      const res = await setPassword(token, password).expect(400);
      expect(fields(res)).toEqual(['password']);
      await setPassword(token, 'twelve chars').expect(200);
    });

    it('refuses unknown fields', async () => {
      await ctx.anonymous().post('/auth/password').send({ token: 'x', password: 'long enough password', userId: randomUUID() }).expect(400);
    });
  });
});
