import { type Actor, admin, delegateOf } from './support/actors.js';
import { newCouncil, newDelegation } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/** The in-app inbox under /me/notifications: always the caller's own. */
describe('inbox', () => {
  let ctx: TestContext;
  let councilId: string;
  let me: Actor;
  let other: Actor;

  /** A notification straight in the table (the worker's dispatch writes them the same way). */
  async function notify(userId: string, title: string, kind = 'council.reminder'): Promise<string> {
    const [{ id }] = await ctx.db.query(
      `INSERT INTO notifications (user_id, council_id, kind, subject_type, subject_id, title, body)
       VALUES ($1, $2, $3, 'council_reminder', gen_random_uuid()::text, $4, $5) RETURNING id::text AS id`,
      [userId, councilId, kind, title, `Body of ${title}`],
    );
    return id;
  }
  const get = (url: string, actor: Actor = me) => ctx.anonymous().get(url).set(actor.auth);
  const post = (url: string, actor: Actor = me) => ctx.anonymous().post(url).set(actor.auth);

  beforeAll(async () => {
    ctx = await createTestContext();
    councilId = await newCouncil(ctx);
    const delegationId = await newDelegation(ctx, councilId, 'Mexico', 'MX');
    me = await delegateOf(ctx, councilId, delegationId, 'head');
    other = await admin(ctx);
  });
  afterAll(() => ctx.close());

  it('lists my notifications newest first, pages by cursor, filters unread, counts unread', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await notify(me.userId, `N${i}`));
    await notify(other.userId, 'Not mine');

    const all = await get('/me/notifications').expect(200);
    expect(all.body).toEqual({
      items: [5, 4, 3, 2, 1].map((i) => ({
        id: ids[i - 1],
        councilId,
        kind: 'council.reminder',
        subjectType: 'council_reminder',
        subjectId: expect.any(String),
        title: `N${i}`,
        body: `Body of N${i}`,
        createdAt: expect.any(String),
        readAt: null,
      })),
      nextCursor: null,
      unreadCount: 5,
    });

    const page1 = await get('/me/notifications?limit=2').expect(200);
    expect(page1.body.items.map((n: { title: string }) => n.title)).toEqual(['N5', 'N4']);
    expect(page1.body.nextCursor).toBe(ids[3]);
    const page2 = await get(`/me/notifications?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    expect(page2.body.items.map((n: { title: string }) => n.title)).toEqual(['N3', 'N2']);
    const page3 = await get(`/me/notifications?limit=2&cursor=${page2.body.nextCursor}`).expect(200);
    expect(page3.body.items.map((n: { title: string }) => n.title)).toEqual(['N1']);
    expect(page3.body.nextCursor).toBeNull();

    await post(`/me/notifications/${ids[3]}/read`).expect(204);
    // Reading twice is fine, and keeps the first reading time.
    const [{ read_at: first }] = await ctx.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [ids[3]]);
    await post(`/me/notifications/${ids[3]}/read`).expect(204);
    const [{ read_at: second }] = await ctx.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [ids[3]]);
    expect(second).toEqual(first);

    const unread = await get('/me/notifications?unread=true').expect(200);
    expect(unread.body.items.map((n: { title: string }) => n.title)).toEqual(['N5', 'N3', 'N2', 'N1']);
    expect(unread.body.unreadCount).toBe(4);
    const withRead = await get('/me/notifications?unread=false').expect(200);
    expect(withRead.body.items.find((n: { id: string }) => n.id === ids[3]).readAt).toEqual(expect.any(String));

    const all2 = await post('/me/notifications/read-all').expect(200);
    expect(all2.body).toEqual({ updated: 4 });
    expect((await post('/me/notifications/read-all').expect(200)).body).toEqual({ updated: 0 });
    const after = await get('/me/notifications?unread=true').expect(200);
    expect(after.body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    // The other person's notification is untouched.
    const [{ read_at: theirs }] = await ctx.db.query(`SELECT read_at FROM notifications WHERE user_id = $1`, [other.userId]);
    expect(theirs).toBeNull();
    expect((await get('/me/notifications', other).expect(200)).body).toMatchObject({ unreadCount: 1, items: [{ title: 'Not mine' }] });
  });

  it("someone else's notification is not found (404), and stays unread", async () => {
    const theirs = await notify(other.userId, 'Private');
    const res = await post(`/me/notifications/${theirs}/read`).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    await post('/me/notifications/999999999/read').expect(404);
    const [{ read_at }] = await ctx.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [theirs]);
    expect(read_at).toBeNull();
  });

  it.each([
    ['/me/notifications?limit=0', 'limit'],
    ['/me/notifications?limit=201', 'limit'],
    ['/me/notifications?limit=abc', 'limit'],
    ['/me/notifications?unread=yes', 'unread'],
    ['/me/notifications?cursor=abc', 'cursor'],
    ['/me/notifications?cursor=-1', 'cursor'],
    ['/me/notifications?userId=x', 'userId'],
  ])('%s → 400 naming %s', async (url, field) => {
    const res = await get(url).expect(400);
    expect((res.body.errors ?? []).map((e: { field: string }) => e.field)).toContain(field);
  });

  it('400 for a malformed id; 401 without a token', async () => {
    await post('/me/notifications/abc/read').expect(400);
    await post('/me/notifications/1e3/read').expect(400);
    await ctx.anonymous().get('/me/notifications').expect(401);
    await ctx.anonymous().post('/me/notifications/read-all').expect(401);
    await ctx.anonymous().post('/me/notifications/1/read').expect(401);
  });
});
