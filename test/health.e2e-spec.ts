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

  it('answers the probes: /health/live, and /health/ready with the database, the queue and the migrations', async () => {
    await ctx.anonymous().get('/health/live').expect(200);
    const ready = await ctx.anonymous().get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, queue: { status: 'up', backend: queue }, migrations: { status: 'up' } });
  });

  it('reads the queue depth of every queue and the outbox for /metrics (an administrator here: closed outside development)', async () => {
    const text = (await ctx.http().get('/metrics').expect(200)).text;
    expect(text).toMatch(/^protempore_deployment_metrics_up\{process="api"\} 1$/m);
    for (const q of ['system', 'notify', 'mail'])
      expect(text).toMatch(new RegExp(`^protempore_queue_jobs\\{queue="${q}",state="waiting",process="api"\\} \\d+$`, 'm'));
    expect(text).toMatch(/^protempore_outbox_pending_rows\{due="now",process="api"\} \d+$/m);
    await ctx.anonymous().get('/metrics').expect(401);
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
