import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { delegateOf, secretariat } from './support/actors.js';
import { given } from './support/given.js';
import { LogCapture } from './support/log-capture.js';
import { meetingsCouncil } from './support/meetings.js';
import { newDelegation } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface MeetingSpec {
  title: string;
  kind?: string;
  status?: string;
  /** Local wall time in `zone`, e.g. '2030-07-15T10:00'. */
  local: string;
  /** The same instant in UTC (checked independently of the code under test). */
  utc: string;
  hours?: number;
  zone: string;
  bodyId?: string | null;
  venue?: string | null;
  onlineUrl?: string | null;
  version?: number;
}

/** A parsed feed: its VEVENTs by UID, and its VTIMEZONEs by TZID. */
function parse(text: string): { events: Map<string, ICAL.Event>; zones: Map<string, ICAL.Component> } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  const zones = new Map(calendar.getAllSubcomponents('vtimezone').map((z) => [String(z.getFirstPropertyValue('tzid')), z]));
  const events = new Map(
    calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return [e.uid, e] as const;
    }),
  );
  return { events, zones };
}

/**
 * Calendar feeds end to end: created by signed-in people with a role in the council, fetched anonymously
 * by the secret URL (as a calendar client would), parsed with a real iCalendar parser (Mozilla's ical.js).
 */
describe('calendar feeds', () => {
  let ctx: TestContext;
  const logs = new LogCapture();
  let councilId: string;
  let otherCouncilId: string;
  let bodyId: string;
  let otherBodyId: string;
  let delegate: Awaited<ReturnType<typeof delegateOf>>;
  let colleague: Awaited<ReturnType<typeof delegateOf>>;
  const ids: Record<string, string> = {};

  async function meeting(council: string, m: MeetingSpec): Promise<string> {
    const status = m.status ?? 'convened';
    const endsAt = new Date(new Date(m.utc).getTime() + (m.hours ?? 2) * 3_600_000);
    const rows = (await ctx.db.query(
      `INSERT INTO meetings (council_id, body_id, kind, title, starts_at, ends_at, time_zone, venue, online_url, status, convened_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10 IN ('draft','cancelled') THEN NULL ELSE now() END, $11) RETURNING id`,
      [council, m.bodyId ?? null, m.kind ?? 'senior_officials', m.title, m.utc, endsAt, m.zone, m.venue ?? null, m.onlineUrl ?? null, status, m.version ?? 1],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  const uid = (id: string) => `meeting-${id}@${new URL(ctx.config.publicUrl).hostname}`;
  const pathOf = (url: string) => {
    expect(url.startsWith(`${ctx.config.publicUrl.replace(/\/+$/, '')}/calendar/`)).toBe(true);
    return new URL(url).pathname;
  };
  const tokenOf = (url: string) => /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;

  async function createFeed(actor: { auth: { authorization: string } }, body: Record<string, unknown>): Promise<{ id: string; url: string }> {
    const res = await ctx.anonymous().post('/me/calendar-feeds').set(actor.auth).send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as { id: string; url: string };
  }

  async function fetchFeed(url: string): Promise<string> {
    const res = await ctx
      .anonymous()
      .get(pathOf(url))
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => done(null, text));
      });
    expect({ status: res.status, text: String(res.body).slice(0, 300) }).toMatchObject({ status: 200 });
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    return res.body as string;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ env: { LOG_LEVEL: 'debug' }, logStream: logs });
    councilId = await meetingsCouncil(ctx, 'cal');
    otherCouncilId = await meetingsCouncil(ctx, 'cal-other');
    const [mexico, canada] = [await newDelegation(ctx, councilId, 'Mexico', 'MX'), await newDelegation(ctx, councilId, 'Canada', 'CA')];
    delegate = await delegateOf(ctx, councilId, mexico, 'head');
    colleague = await delegateOf(ctx, councilId, canada, 'head');
    bodyId = await given(ctx).inCouncil(councilId).body('Working Group on Labour Migration');
    otherBodyId = await given(ctx).inCouncil(councilId).body('Task force on statistics');

    // Madrid in summer (+02:00) and in winter (+01:00): the same zone on both sides of a DST change.
    ids.summit = await meeting(councilId, {
      title: 'Confidential: ministerial summit on returns',
      kind: 'ministerial',
      local: '2030-07-15T10:00',
      utc: '2030-07-15T08:00:00Z',
      zone: 'Europe/Madrid',
      venue: 'Palacio de Santa Cruz, Madrid',
      version: 4,
    });
    ids.winter = await meeting(councilId, {
      title: 'Senior officials, December',
      status: 'cancelled',
      local: '2030-12-02T09:30',
      utc: '2030-12-02T08:30:00Z',
      zone: 'Europe/Madrid',
    });
    ids.wg = await meeting(councilId, {
      title: 'Working group: secret item',
      kind: 'working_group',
      bodyId,
      local: '2030-03-12T09:00',
      utc: '2030-03-12T15:00:00Z',
      zone: 'America/Mexico_City',
      onlineUrl: 'https://meet.example.org/wg',
      version: 2,
    });
    ids.postponed = await meeting(councilId, {
      title: 'Postponed meeting',
      status: 'postponed',
      local: '2030-05-05T14:00',
      utc: '2030-05-05T18:00:00Z',
      zone: 'America/Toronto',
    });
    ids.draft = await meeting(councilId, {
      title: 'Draft meeting',
      status: 'draft',
      local: '2030-04-01T10:00',
      utc: '2030-04-01T08:00:00Z',
      zone: 'Europe/Madrid',
    });
    ids.otherBody = await meeting(councilId, {
      title: 'Task force meeting',
      kind: 'working_group',
      bodyId: otherBodyId,
      local: '2030-06-01T10:00',
      utc: '2030-06-01T14:00:00Z',
      zone: 'America/Santiago',
    });
    ids.otherCouncil = await meeting(otherCouncilId, {
      title: 'Another council',
      local: '2030-06-01T10:00',
      utc: '2030-06-01T08:00:00Z',
      zone: 'Europe/Madrid',
    });
  });

  afterAll(() => ctx.close());

  it('gives the URL once, stores only the hash of its token, and lists feeds without it', async () => {
    const feed = await createFeed(delegate, { councilId });
    expect(feed).toMatchObject({ councilId, scope: 'personal', bodyId: null, hideTitles: false, revokedAt: null });
    const token = tokenOf(feed.url);
    const rows = (await ctx.db.query(`SELECT to_jsonb(f)::text AS row, token_hash FROM calendar_feeds f WHERE id = $1`, [feed.id])) as {
      row: string;
      token_hash: string;
    }[];
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0]!.row).not.toContain(token);
    const audit = (await ctx.db.query(`SELECT action, after::text AS after FROM audit_log WHERE entity_type = 'calendar_feed' AND entity_id = $1`, [
      feed.id,
    ])) as {
      action: string;
      after: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['calendar_feed.created']);
    expect(audit[0]!.after).not.toContain(token);
    expect(audit[0]!.after).not.toContain(rows[0]!.token_hash);

    const list = await ctx.anonymous().get('/me/calendar-feeds').set(delegate.auth).expect(200);
    const mine = (list.body.items as Record<string, unknown>[]).find((i) => i.id === feed.id);
    expect(mine).toEqual({ id: feed.id, councilId, scope: 'personal', bodyId: null, hideTitles: false, createdAt: expect.any(String), revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(token);
    // Someone else's list does not show it.
    const theirs = await ctx.anonymous().get('/me/calendar-feeds').set(colleague.auth).expect(200);
    expect((theirs.body.items as { id: string }[]).map((i) => i.id)).not.toContain(feed.id);
  });

  it("a personal feed: the council's and its bodies' meetings, no drafts, times in each meeting's zone with its VTIMEZONE", async () => {
    const feed = await createFeed(delegate, { councilId });
    const text = await fetchFeed(feed.url);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const { events, zones } = parse(text);

    expect([...events.keys()].sort()).toEqual([ids.summit, ids.winter, ids.wg, ids.postponed, ids.otherBody].map((id) => uid(id!)).sort());
    expect(events.has(uid(ids.draft!))).toBe(false);
    expect(events.has(uid(ids.otherCouncil!))).toBe(false);
    expect([...zones.keys()].sort()).toEqual(['America/Mexico_City', 'America/Santiago', 'America/Toronto', 'Europe/Madrid']);

    const check = (id: string, zone: string, local: string, utc: string, hours = 2) => {
      const e = events.get(uid(id))!;
      const context = { id, zone, local };
      // DTSTART;TZID=<zone>: the wall time of the meeting's zone, resolved by the parser through the VTIMEZONE.
      expect({ ...context, tzid: e.startDate.zone?.tzid, local: e.startDate.toString().slice(0, 16) }).toEqual({ ...context, tzid: zone, local });
      expect({ ...context, tzid: e.endDate.zone?.tzid }).toEqual({ ...context, tzid: zone });
      expect({ ...context, utc: e.startDate.toJSDate().toISOString() }).toEqual({ ...context, utc: new Date(utc).toISOString() });
      expect({ ...context, end: e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime() }).toEqual({ ...context, end: hours * 3_600_000 });
      return e;
    };
    const summit = check(ids.summit!, 'Europe/Madrid', '2030-07-15T10:00', '2030-07-15T08:00:00Z');
    const winter = check(ids.winter!, 'Europe/Madrid', '2030-12-02T09:30', '2030-12-02T08:30:00Z');
    const wg = check(ids.wg!, 'America/Mexico_City', '2030-03-12T09:00', '2030-03-12T15:00:00Z');
    const postponed = check(ids.postponed!, 'America/Toronto', '2030-05-05T14:00', '2030-05-05T18:00:00Z');
    check(ids.otherBody!, 'America/Santiago', '2030-06-01T10:00', '2030-06-01T14:00:00Z');

    expect(summit.summary).toBe('Confidential: ministerial summit on returns');
    expect(summit.location).toBe('Palacio de Santa Cruz, Madrid');
    expect(summit.sequence).toBe(4);
    expect(summit.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(winter.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(postponed.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(wg.sequence).toBe(2);
    expect(wg.location).toBe('https://meet.example.org/wg');
    expect(wg.description).toContain('Working Group on Labour Migration');

    // Madrid's VTIMEZONE gives both offsets of 2030 (the parser computed the UTC instants above from it).
    const madrid = zones.get('Europe/Madrid')!;
    const offsets = [...madrid.getAllSubcomponents('daylight'), ...madrid.getAllSubcomponents('standard')].map((o) =>
      o.getFirstPropertyValue('tzoffsetto')?.toString(),
    );
    expect(new Set(offsets)).toEqual(new Set(['+02:00', '+01:00']));
  });

  it("a body feed with hidden titles: only that body's meetings, named by their kind", async () => {
    const feed = await createFeed(colleague, { councilId, bodyId, hideTitles: true });
    expect(feed).toMatchObject({ scope: 'body', bodyId, hideTitles: true });
    const text = await fetchFeed(feed.url);
    const { events, zones } = parse(text);
    expect([...events.keys()]).toEqual([uid(ids.wg!)]);
    expect([...zones.keys()]).toEqual(['America/Mexico_City']);
    const wg = events.get(uid(ids.wg!))!;
    expect(wg.summary).toBe('Working group meeting');
    expect(wg.startDate.toString().slice(0, 16)).toBe('2030-03-12T09:00');
    expect(text).not.toContain('secret item');
    expect(wg.description).toBe('Working Group on Labour Migration');

    // A personal feed with hidden titles hides every title.
    const personal = await fetchFeed((await createFeed(colleague, { councilId, hideTitles: true })).url);
    expect(personal).not.toMatch(/Confidential|secret item|December|Postponed meeting|Task force meeting/);
    expect(parse(personal).events.get(uid(ids.summit!))!.summary).toBe('Ministerial meeting');
  });

  it('refuses feeds outside the caller’s councils, unknown councils and bodies of another council, changing nothing', async () => {
    const count = async () => ((await ctx.db.query(`SELECT count(*)::int AS n FROM calendar_feeds`)) as { n: number }[])[0]!.n;
    const before = await count();
    const post = (actor: { auth: { authorization: string } }, body: Record<string, unknown>) =>
      ctx.anonymous().post('/me/calendar-feeds').set(actor.auth).send(body);
    // A council where the delegate holds no role (councils are public: 403, not 404).
    const noRole = await post(delegate, { councilId: otherCouncilId });
    expect({ status: noRole.status, code: noRole.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect((await post(delegate, { councilId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const otherBody = await given(ctx).inCouncil(otherCouncilId).body('Elsewhere');
    expect((await post(delegate, { councilId, bodyId: otherBody })).status).toBe(404);
    expect((await post(delegate, { councilId: 'nope' })).status).toBe(400);
    expect((await post(delegate, { councilId, token: 'mine' })).status).toBe(400);
    expect((await ctx.anonymous().post('/me/calendar-feeds').send({ councilId })).status).toBe(401);
    // The secretariat of that other council may.
    await createFeed(await secretariat(ctx, otherCouncilId), { councilId: otherCouncilId });
    expect(await count()).toBe(before + 1);
  });

  it('revoked and unknown tokens are the same 404; only the owner may revoke; a lost seat ends the feed', async () => {
    const feed = await createFeed(delegate, { councilId });
    await fetchFeed(feed.url);

    // Someone else's feed is not found, and keeps working.
    const foreign = await ctx.anonymous().delete(`/me/calendar-feeds/${feed.id}`).set(colleague.auth);
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    await fetchFeed(feed.url);
    expect((await ctx.anonymous().delete(`/me/calendar-feeds/${feed.id}`)).status).toBe(401);
    expect((await ctx.anonymous().delete('/me/calendar-feeds/not-a-uuid').set(delegate.auth)).status).toBe(400);

    const revoked = await ctx.anonymous().delete(`/me/calendar-feeds/${feed.id}`).set(delegate.auth).expect(200);
    expect(revoked.body).toMatchObject({ id: feed.id, revokedAt: expect.any(String) });
    const again = await ctx.anonymous().delete(`/me/calendar-feeds/${feed.id}`).set(delegate.auth).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_type = 'calendar_feed' AND entity_id = $1 ORDER BY id`, [feed.id])) as {
      action: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['calendar_feed.created', 'calendar_feed.revoked']);

    const gone = await ctx.anonymous().get(pathOf(feed.url));
    const unknown = await ctx.anonymous().get(`/calendar/${'A'.repeat(43)}.ics`);
    const malformed = await ctx.anonymous().get('/calendar/short.ics');
    for (const res of [gone, unknown, malformed]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    const sameness = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(sameness(gone.body)).toEqual(sameness(unknown.body));
    expect(sameness(malformed.body)).toEqual(sameness(unknown.body));

    // The owner's seat ends: their feeds stop answering (as a revoked one would).
    const other = await createFeed(colleague, { councilId });
    await fetchFeed(other.url);
    await ctx.db.query(`UPDATE delegates SET active = false WHERE id = $1`, [colleague.delegateId]);
    expect((await ctx.anonymous().get(pathOf(other.url))).status).toBe(404);
    await ctx.db.query(`UPDATE delegates SET active = true WHERE id = $1`, [colleague.delegateId]);
    await fetchFeed(other.url);
  });

  it('never logs the secret of a feed URL', async () => {
    const feed = await createFeed(delegate, { councilId });
    await fetchFeed(feed.url);
    const token = tokenOf(feed.url);
    expect(logs.text()).toContain('/calendar/');
    expect(logs.text()).not.toContain(token);
  });
});
