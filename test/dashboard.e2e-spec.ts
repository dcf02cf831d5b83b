import { type Actor, admin, delegateOf, secretariat } from './support/actors.js';
import { newCouncil, newDelegation } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * The work-queue dashboard (bull-board) at /admin/queues: system
 * administrators and secretariat staff only, in every environment; read-only.
 */
describe('queue dashboard', () => {
  let ctx: TestContext;
  let councilId: string;
  let delegate: Actor;
  let sec: Actor;
  let adm: Actor;

  beforeAll(async () => {
    // Development: the API docs are public there, the dashboard never is.
    ctx = await createTestContext({ env: { NODE_ENV: 'development' } });
    councilId = await newCouncil(ctx);
    const delegationId = await newDelegation(ctx, councilId, 'Mexico', 'MX');
    delegate = await delegateOf(ctx, councilId, delegationId, 'head');
    sec = await secretariat(ctx, councilId);
    adm = await admin(ctx);
  });
  afterAll(() => ctx.close());

  const get = (url: string, actor?: Actor) => (actor ? ctx.anonymous().get(url).set(actor.auth) : ctx.anonymous().get(url));
  const pages = ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues', '/admin/queues/api/redis/stats', '/admin/queues/%61pi/queues'];

  it.each(pages)('%s: 401 without a token, 401 with a bad one, 403 for a delegate', async (url) => {
    expect((await get(url)).status).toBe(401);
    expect((await get(url)).body.code).toBe('UNAUTHENTICATED');
    expect((await ctx.anonymous().get(url).set('authorization', 'Bearer not.a.token')).status).toBe(401);
    const res = await get(url, delegate);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('a disabled administrator is refused (401)', async () => {
    const gone = await admin(ctx);
    await ctx.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [gone.userId]);
    expect((await get('/admin/queues/api/queues', gone)).status).toBe(401);
  });

  it.each([
    ['secretariat', () => sec],
    ['administrator', () => adm],
  ])('the %s sees the page and the three queues', async (_who, actor) => {
    const page = await get('/admin/queues', actor()).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('protempore queues');
    const res = await get('/admin/queues/api/queues', actor()).expect(200);
    const queues = res.body.queues as { name: string; displayName: string; readOnlyMode: boolean; counts: Record<string, number> }[];
    expect(queues.map((q) => q.displayName).sort()).toEqual(['mail', 'notify', 'system']);
    expect(queues.map((q) => q.name).sort()).toEqual(['mail', 'notify', 'system'].map((n) => `${ctx.config.queuePrefix}-${n}`));
    for (const q of queues) {
      expect(q.readOnlyMode).toBe(true);
      expect(q.counts).toEqual(expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }));
    }
    // The UI's assets come through the same gate.
    const html = page.text;
    const asset = /(?:src|href)="([^"]*static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const assetPath = asset!.startsWith('/') ? asset! : `/admin/queues/${asset!.replace(/^\.?\//, '')}`;
    await get(assetPath, actor()).expect(200);
    expect((await get(assetPath)).status).toBe(401);
  });

  it('offers nothing that changes a queue (read-only: those routes do not exist)', async () => {
    const name = `${ctx.config.queuePrefix}-mail`;
    for (const [method, url] of [
      ['put', `/admin/queues/api/queues/${name}/pause`],
      ['put', `/admin/queues/api/queues/${name}/clean/failed`],
      ['put', '/admin/queues/api/queues/pause'],
      ['post', `/admin/queues/api/queues/${name}/add`],
    ] as const) {
      const res = await ctx.anonymous()[method](url).set(adm.auth).send({});
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
    expect(
      await ctx.app
        .get((await import('../src/core/queue/queue.service.js')).QueueService)
        .queue('mail')
        .isPaused(),
    ).toBe(false);
  });
});
