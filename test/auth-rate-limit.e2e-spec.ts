import { createTestContext, type TestContext } from './support/test-app.js';

describe('the sign-in rate limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => ctx.close());

  it('refuses the 4th attempt within the minute with 429, while other routes still answer', async () => {
    const attempt = () => ctx.anonymous().post('/auth/login').send({ email: 'someone@test.protempore.org', password: 'guess number one' });
    for (let i = 0; i < 3; i++) await attempt().expect(401);
    const limited = await attempt().expect(429);
    expect(limited.body.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // The limit is the sign-in route's own: refreshing or reading still works for this client.
    await ctx.anonymous().post('/auth/refresh').send({ refreshToken: 'unknown' }).expect(401);
    await ctx.http().get('/auth/me').expect(200);
  });
});
