import { randomUUID } from 'node:crypto';
import { delegateOf, secretariat } from './support/actors.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/** A council with a member state, and the delegation created with it. */
async function councilWithDelegation(ctx: TestContext): Promise<{ councilId: string; delegationId: string }> {
  const council = await ctx
    .http()
    .post('/councils')
    .send({ slug: `p-${randomUUID().slice(0, 8)}`, name: `Council ${randomUUID()}`, workingLanguages: ['en'], timeZone: 'UTC' })
    .expect(201);
  const participant = await ctx
    .http()
    .post(`/councils/${council.body.id}/participants`)
    .send({ kind: 'member_state', name: 'Chile', isoCode: 'CL' })
    .expect(201);
  const [d] = (await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [participant.body.id])) as { id: string }[];
  return { councilId: council.body.id, delegationId: d!.id };
}

describe('protection of the API', () => {
  describe('with the default (test) configuration', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext();
    });
    afterAll(() => ctx.close());

    it('sends security headers', async () => {
      const res = await ctx.anonymous().get('/councils').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      // On errors too.
      const missing = await ctx.anonymous().get('/no-such-route').expect(404);
      expect(missing.headers['x-content-type-options']).toBe('nosniff');
      expect(missing.headers['content-security-policy']).toBeDefined();
    });

    it('allows no browser origin when CORS_ORIGINS is empty', async () => {
      const res = await ctx.anonymous().get('/councils').set('origin', 'https://portal.example.org').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('does not rate-limit when RATE_LIMIT_PER_MINUTE=0', async () => {
      for (let i = 0; i < 12; i++) await ctx.anonymous().get('/councils').expect(200);
    });

    it('refuses a body over 1 MiB with a 413 error body, never a 500, and changes nothing', async () => {
      const [{ n: before }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM councils`)) as { n: number }[];
      const big = JSON.stringify({ slug: 'too-big', name: 'x'.repeat(1024 * 1024 + 10), workingLanguages: ['en'], timeZone: 'UTC' });
      const res = await ctx.http().post('/councils').set('content-type', 'application/json').send(big);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
      const anonymous = await ctx.anonymous().post('/councils').set('content-type', 'application/json').send(big);
      expect(anonymous.status).toBe(413);
      const [{ n: after }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM councils`)) as { n: number }[];
      expect(after).toBe(before);
    });

    it('accepts a body just under the limit (then validates it)', async () => {
      const res = await ctx
        .http()
        .post('/councils')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ slug: 'almost-too-big', name: 'x'.repeat(1000 * 1000), workingLanguages: ['en'], timeZone: 'UTC' }));
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain('name');
    });

    it('answers malformed JSON with a 400 error body', async () => {
      const res = await ctx.http().post('/councils').set('content-type', 'application/json').send('{"slug": "broken",');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', message: expect.any(String), requestId: expect.any(String) });
      const notAnObject = await ctx.http().post('/councils').set('content-type', 'application/json').send('"just a string"');
      expect(notAnObject.status).toBe(400);
      const proto = await ctx
        .http()
        .post('/councils')
        .set('content-type', 'application/json')
        .send('{"slug":"proto","name":"P","workingLanguages":["en"],"timeZone":"UTC","__proto__":{"admin":true}}');
      expect(proto.status).toBe(400);
    });

    it('answers an unsupported content type with a 415 error body', async () => {
      for (const type of ['application/xml', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/problem+json']) {
        const res = await ctx.http().post('/councils').set('content-type', type).send('<council slug="x"/>');
        expect(res.status).toBe(415);
        expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String), requestId: expect.any(String) });
      }
    });

    it('parses text/plain and form bodies (Fastify and Nest defaults) but they never pass validation as JSON would', async () => {
      // text/plain arrives as a string, not an object: every field is missing.
      const text = await ctx
        .http()
        .post('/councils')
        .set('content-type', 'text/plain')
        .send('{"slug":"plain","name":"P","workingLanguages":["en"],"timeZone":"UTC"}');
      expect(text.status).toBe(400);
      expect(text.body.code).toBe('VALIDATION_FAILED');
      // A form body's values are all strings: typed fields fail.
      const form = await ctx
        .http()
        .post('/councils')
        .set('content-type', 'application/x-www-form-urlencoded')
        .send('slug=form&name=F&workingLanguages=en&timeZone=UTC');
      expect(form.status).toBe(400);
      expect((form.body.errors as { field: string }[]).map((e) => e.field)).toContain('workingLanguages');
      // Both are held to the same size limit.
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const big = await ctx
          .http()
          .post('/councils')
          .set('content-type', type)
          .send(`slug=${'x'.repeat(1024 * 1024 + 10)}`);
        expect(big.status).toBe(413);
      }
      expect(await ctx.db.query(`SELECT 1 FROM councils WHERE slug IN ('plain', 'form')`)).toEqual([]);
    });

    describe('the API docs (DOCS_PUBLIC=false)', () => {
      let councilId: string;
      let delegationId: string;
      beforeAll(async () => {
        expect(ctx.config.docsPublic).toBe(false);
        ({ councilId, delegationId } = await councilWithDelegation(ctx));
      });

      it.each(['/docs', '/docs/openapi.json'])('%s needs a staff token: 401 anonymously, with a bad token and for a delegate', async (path) => {
        const anonymous = await ctx.anonymous().get(path).expect(401);
        expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
        expect(JSON.stringify(anonymous.body)).not.toMatch(/openapi|paths/);
        await ctx.anonymous().get(path).set('authorization', 'Bearer not-a-token').expect(401);
        const delegate = await delegateOf(ctx, councilId, delegationId);
        await ctx.anonymous().get(path).set(delegate.auth).expect(401);
      });

      it.each(['/docs', '/docs/openapi.json'])('%s is served to secretariat staff and administrators', async (path) => {
        const officer = await secretariat(ctx, councilId);
        const res = await ctx.anonymous().get(path).set(officer.auth).expect(200);
        if (path.endsWith('.json')) expect(res.body.paths['/councils/{councilId}/audit']).toBeDefined();
        await ctx.http().get(path).expect(200); // the operator: administrator
      });

      it('closes the docs’ sub-paths, query strings, assets, the YAML document and %-encoded spellings too', async () => {
        for (const path of [
          '/docs/',
          '/docs?x=1',
          '/docs/openapi.json?x=1',
          '/docs/openapi.yaml',
          '/docs/swagger-ui-init.js',
          '/docs/nonexistent',
          // The router decodes %-escapes: these ARE /docs/openapi.json and /docs (they were served anonymously before the gate looked at the matched route).
          '/%64ocs/openapi.json',
          '/docs/%6fpenapi.json',
          '/%64ocs',
        ]) {
          const res = await ctx.anonymous().get(path);
          expect([path, res.status]).toEqual([path, 401]);
        }
        await ctx.http().get('/docs/openapi.yaml').expect(200);
        // Swagger's default YAML address (outside /docs/) is not served at all.
        await ctx.anonymous().get('/docs-yaml').expect(404);
        await ctx.anonymous().get('/docs-json').expect(404);
        await ctx.anonymous().head('/docs/openapi.json').expect(401);
        await ctx
          .anonymous()
          .get('/DOCS/openapi.json')
          .expect((r) => expect([401, 404]).toContain(r.status));
      });
    });
  });

  describe('CORS with CORS_ORIGINS=https://portal.example.org', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext({ env: { CORS_ORIGINS: 'https://portal.example.org' } });
    });
    afterAll(() => ctx.close());

    it('answers the preflight of the allowed origin', async () => {
      const res = await ctx
        .anonymous()
        .options('/councils')
        .set('origin', 'https://portal.example.org')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization,content-type');
      expect(res.status).toBeLessThan(300);
      expect(res.headers['access-control-allow-origin']).toBe('https://portal.example.org');
      expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
      expect(res.headers['access-control-max-age']).toBe('600');
    });

    it('marks responses to the allowed origin', async () => {
      const res = await ctx.anonymous().get('/councils').set('origin', 'https://portal.example.org').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('https://portal.example.org');
      expect(res.headers.vary).toMatch(/origin/i);
    });

    it('does not allow another origin', async () => {
      for (const origin of ['https://evil.example.com', 'https://portal.example.org.evil.com', 'http://portal.example.org']) {
        const preflight = await ctx.anonymous().options('/councils').set('origin', origin).set('access-control-request-method', 'POST');
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
        const res = await ctx.anonymous().get('/councils').set('origin', origin).expect(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  describe('global rate limit with RATE_LIMIT_PER_MINUTE=5', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
    });
    afterAll(() => ctx.close());

    it('answers the 6th request within the minute with a 429 error body', async () => {
      for (let i = 1; i <= 5; i++) {
        const res = await ctx.anonymous().get('/councils').expect(200);
        expect(res.headers['x-ratelimit-limit']).toBe('5');
        expect(res.headers['x-ratelimit-remaining']).toBe(String(5 - i));
      }
      const res = await ctx.anonymous().get('/councils').expect(429);
      expect(res.body).toMatchObject({ statusCode: 429, message: expect.any(String) });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Across routes and with credentials too: the limit is per client, not per route.
      await ctx.http().get('/health').expect(429);
    });
  });

  describe('with DOCS_PUBLIC=true', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext({ env: { DOCS_PUBLIC: 'true' } });
    });
    afterAll(() => ctx.close());

    it('serves /docs and /docs/openapi.json anonymously', async () => {
      await ctx.anonymous().get('/docs').expect(200);
      const doc = await ctx.anonymous().get('/docs/openapi.json').expect(200);
      expect(doc.body.paths['/health']).toBeDefined();
    });
  });
});
