import { jest } from '@jest/globals';
import { PasswordHasher } from '../src/modules/identity/password-hasher.service.js';
import { LogCapture } from './support/log-capture.js';
import { createTestContext, type TestContext } from './support/test-app.js';

// Password links arrive by email through the worker: allow for a loaded machine.
jest.setTimeout(60_000);

describe('secrets in the API logs', () => {
  let ctx: TestContext;
  const logs = new LogCapture();

  beforeAll(async () => {
    // The worker emails the one-time password link (its own logs are not captured here).
    ctx = await createTestContext({
      worker: true,
      env: { LOG_LEVEL: 'debug', LOGIN_RATE_LIMIT_PER_MINUTE: '100', OUTBOX_RELAY_INTERVAL_MS: '100' },
      logStream: logs,
    });
  });
  afterAll(() => ctx.close());

  it('never contain the password, the tokens or the Authorization header, through sign-in, refresh, set-password and authenticated requests', async () => {
    const password = 'Secret-Password-Do-Not-Log-42';
    const email = 'logged@test.protempore.org';
    const hash = await ctx.app.get(PasswordHasher).hash(password);
    const [{ id }] = await ctx.db.query(`INSERT INTO users (email, full_name, password_hash) VALUES ($1, 'Logged Person', $2) RETURNING id`, [email, hash]);
    const secrets: string[] = [password];

    const signedIn = await ctx.anonymous().post('/auth/login').send({ email, password }).expect(200);
    secrets.push(signedIn.body.accessToken, signedIn.body.refreshToken);
    await ctx
      .anonymous()
      .post('/auth/login')
      .send({ email, password: `${password}-wrong` })
      .expect(401);
    // Bad input: the validation error must not echo the value either.
    await ctx.anonymous().post('/auth/login').send({ email, password, extra: password }).expect(400);

    const authorization = `Bearer ${signedIn.body.accessToken}`;
    secrets.push(authorization);
    await ctx.anonymous().get('/auth/me').set('authorization', authorization).expect(200);
    await ctx.anonymous().get('/auth/me').set('authorization', `${authorization}x`).expect(401);

    const refreshed = await ctx.anonymous().post('/auth/refresh').send({ refreshToken: signedIn.body.refreshToken }).expect(200);
    secrets.push(refreshed.body.accessToken, refreshed.body.refreshToken);
    await ctx.anonymous().post('/auth/refresh').send({ refreshToken: signedIn.body.refreshToken }).expect(401);

    await ctx.http().post(`/users/${id}/setup-link`).expect(201);
    const mail = await ctx.mail.waitFor((m) => m.to.includes(email), 30_000);
    const linkToken = /set-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const newPassword = 'Another-Secret-Not-For-Logs-7';
    secrets.push(linkToken, newPassword, ctx.operator.token);
    // The page the link opens, and the old path: the token in their URLs is not logged either.
    await ctx.anonymous().get(`/app/set-password?token=${linkToken}&lang=en`).expect(200);
    await ctx.anonymous().get(`/set-password?token=${linkToken}`).expect(302);
    const linkSession = await ctx.anonymous().post('/auth/password').send({ token: linkToken, password: newPassword }).expect(200);
    secrets.push(linkSession.body.accessToken, linkSession.body.refreshToken);
    await ctx.anonymous().post('/auth/password').send({ token: linkToken, password: newPassword }).expect(400);
    const last = await ctx.anonymous().post('/auth/login').send({ email, password: newPassword }).expect(200);
    secrets.push(last.body.accessToken, last.body.refreshToken);
    await ctx.anonymous().post('/auth/logout').send({ refreshToken: last.body.refreshToken }).expect(204);

    const text = logs.text();
    // The capture works: every request above was logged, with its URL.
    const urls = logs.lines().map((l) => (l.req as { url?: string } | undefined)?.url);
    for (const url of ['/auth/login', '/auth/me', '/auth/refresh', '/auth/password', '/auth/logout', `/users/${id}/setup-link`]) expect(urls).toContain(url);
    expect(urls).toContain('/app/set-password?token=[redacted]&lang=en');
    for (const secret of secrets) expect(text).not.toContain(secret);
    // Nor the parts of a token on their own (a signature, a payload).
    for (const token of [signedIn.body.accessToken, refreshed.body.accessToken]) {
      for (const part of token.split('.').slice(1)) expect(text).not.toContain(part);
    }
    expect(text).not.toMatch(/argon2id\$/);
  });
});
