import { SWITCHABLE_KINDS } from '../src/modules/notifications/preferences.service.js';
import { type Actor, secretariat } from './support/actors.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/** Email preferences per notification kind under /me/notification-preferences. */
describe('notification preferences', () => {
  let ctx: TestContext;
  let me: Actor;
  let other: Actor;

  const url = (kind = '') => `/me/notification-preferences${kind ? `/${kind}` : ''}`;
  const get = (actor: Actor = me) => ctx.anonymous().get(url()).set(actor.auth);
  const put = (kind: string, body: unknown, actor: Actor = me) =>
    ctx
      .anonymous()
      .put(url(kind))
      .set(actor.auth)
      .send(body as object);
  const auditRows = () =>
    ctx.db.query(
      `SELECT council_id, actor_id, action, entity_type, entity_id, before, after FROM audit_log WHERE action LIKE 'notification_preference.%' ORDER BY id`,
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    const [{ id: councilId }] = await ctx.db.query(`INSERT INTO councils (slug, name) VALUES ('prefs', 'Prefs council') RETURNING id`);
    me = await secretariat(ctx, councilId);
    other = await secretariat(ctx, councilId);
  });
  afterAll(() => ctx.close());

  it('lists every kind that can be switched, immediate by default; never the digest or password links', async () => {
    const res = await get().expect(200);
    expect(res.body).toEqual({ items: SWITCHABLE_KINDS.map((kind) => ({ kind, mode: 'immediate' })) });
    const kinds = SWITCHABLE_KINDS;
    expect(kinds.slice(0, 2)).toEqual(['council.reminder', 'meeting.reminder']);
    expect(kinds).toEqual(expect.arrayContaining(['meeting.convened', 'meeting.agenda_circulated', 'meeting.papers_due', 'meeting.cancelled']));
    for (const never of ['digest.daily', 'account.password_link', 'notice', 'silence.circulated']) expect(kinds).not.toContain(never);
  });

  it('sets a mode (200), lists it, audits the change without a council; the same mode again changes nothing', async () => {
    expect((await put('council.reminder', { mode: 'digest' }).expect(200)).body).toEqual({ kind: 'council.reminder', mode: 'digest' });
    expect((await put('meeting.reminder', { mode: 'off' }).expect(200)).body).toEqual({ kind: 'meeting.reminder', mode: 'off' });
    expect((await get().expect(200)).body.items.slice(0, 2)).toEqual([
      { kind: 'council.reminder', mode: 'digest' },
      { kind: 'meeting.reminder', mode: 'off' },
    ]);
    // Someone else's stay as they were.
    expect((await get(other).expect(200)).body.items.every((p: { mode: string }) => p.mode === 'immediate')).toBe(true);
    expect(await ctx.db.query(`SELECT kind, mode FROM notification_preferences WHERE user_id = $1 ORDER BY kind`, [me.userId])).toEqual([
      { kind: 'council.reminder', mode: 'digest' },
      { kind: 'meeting.reminder', mode: 'off' },
    ]);

    await put('council.reminder', { mode: 'digest' }).expect(200);
    await put('council.reminder', { mode: 'immediate' }).expect(200);
    expect(await auditRows()).toEqual([
      {
        council_id: null,
        actor_id: me.userId,
        action: 'notification_preference.updated',
        entity_type: 'user',
        entity_id: me.userId,
        before: { kind: 'council.reminder', mode: 'immediate' },
        after: { kind: 'council.reminder', mode: 'digest' },
      },
      {
        council_id: null,
        actor_id: me.userId,
        action: 'notification_preference.updated',
        entity_type: 'user',
        entity_id: me.userId,
        before: { kind: 'meeting.reminder', mode: 'immediate' },
        after: { kind: 'meeting.reminder', mode: 'off' },
      },
      {
        council_id: null,
        actor_id: me.userId,
        action: 'notification_preference.updated',
        entity_type: 'user',
        entity_id: me.userId,
        before: { kind: 'council.reminder', mode: 'digest' },
        after: { kind: 'council.reminder', mode: 'immediate' },
      },
    ]);
  });

  it.each<[string, string, unknown, number, string]>([
    ['an unknown kind', 'no.such_kind', { mode: 'off' }, 404, 'NOT_FOUND'],
    ['the password link (cannot be switched off)', 'account.password_link', { mode: 'off' }, 400, 'kind'],
    ['the daily digest', 'digest.daily', { mode: 'immediate' }, 400, 'kind'],
    ['an unknown mode', 'council.reminder', { mode: 'weekly' }, 400, 'mode'],
    ['no mode', 'council.reminder', {}, 400, 'mode'],
    ['an extra field', 'council.reminder', { mode: 'off', userId: 'x' }, 400, 'userId'],
  ])('refuses %s, changing nothing', async (_what, kind, body, status, field) => {
    const before = JSON.stringify([await ctx.db.query(`SELECT * FROM notification_preferences ORDER BY user_id, kind`), await auditRows()]);
    const res = await put(kind, body).expect(status);
    if (status === 404) expect(res.body.code).toBe(field);
    else expect((res.body.errors ?? []).map((e: { field: string }) => e.field)).toContain(field);
    expect(JSON.stringify([await ctx.db.query(`SELECT * FROM notification_preferences ORDER BY user_id, kind`), await auditRows()])).toBe(before);
  });

  it('401 without a token', async () => {
    await ctx.anonymous().get(url()).expect(401);
    await ctx.anonymous().put(url('council.reminder')).send({ mode: 'off' }).expect(401);
  });
});
