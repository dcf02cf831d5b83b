import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';

describe.each<QueueKind>(['postgres', 'redis'])('the system on the %s queue backend', (queue) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ queue, worker: true });
  });
  afterAll(() => ctx.close());

  it('reports database and queue up on /health', async () => {
    const res = await ctx.http().get('/health').expect(200);
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.queue).toEqual({ status: 'up', backend: queue });
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await ctx.http().get('/health').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await ctx.http().get('/health').set('x-request-id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the Swagger UI and the OpenAPI document', async () => {
    await ctx.http().get('/docs').expect(200);
    const doc = await ctx.http().get('/docs/openapi.json').expect(200);
    expect(doc.body.paths['/health']).toBeDefined();
  });

  it('answers unknown routes with a 404 error body', async () => {
    const res = await ctx.http().get('/no-such-route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
