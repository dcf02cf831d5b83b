import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { given } from './support/given.js';
import { at, DAY, HOUR, meetingDayCome } from './support/meetings.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface World {
  councilId: string;
  mexico: string;
  canada: string;
  guatemala: string;
  suspended: string;
  observer: string;
  bodyId: string;
}

/** A council through the API (working groups need 20 days' notice here, not the default 30), its participants and presidency by SQL. */
async function world(ctx: TestContext, slug: string): Promise<World> {
  const c = await given(ctx).council(slug);
  const mexico = await c.memberState('Mexico', { iso: 'MX', position: 1, timeZone: 'America/Mexico_City' });
  const canada = await c.memberState('Canada', { iso: 'CA', position: 2, timeZone: 'America/Toronto' });
  const guatemala = await c.memberState('Guatemala', { iso: 'GT', position: 3, timeZone: 'America/Guatemala' });
  const suspended = await c.memberState('Nicaragua', { iso: 'NI', position: 4, timeZone: 'America/Managua', status: 'suspended' });
  const observer = await c.observer('International Organization for Migration', { timeZone: 'Europe/Zurich' });
  // Mexico holds the presidency now, Canada from 300 days on.
  await c.presiding(mexico, { fromDays: -30, toDays: 300 });
  await c.presiding(canada, { fromDays: 300, toDays: 1000 });
  const bodyId = await c.body('Working Group on Labour Migration');
  return {
    councilId: c.id,
    mexico: mexico.participantId,
    canada: canada.participantId,
    guatemala: guatemala.participantId,
    suspended: suspended.participantId,
    observer: observer.participantId,
    bodyId,
  };
}

describe('meetings', () => {
  let ctx: TestContext;
  let w: World;
  let other: World;
  const base = () => `/councils/${w.councilId}/meetings`;

  const count = async (sql: string, params: unknown[]) => ((await ctx.db.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params)) as { n: number }[])[0]!.n;
  const auditOf = (id: string) =>
    ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_type = 'meeting' AND entity_id = $1 ORDER BY id`, [id]) as Promise<
      { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[]
    >;
  const rowOf = async (id: string) => ((await ctx.db.query(`SELECT * FROM meetings WHERE id = $1`, [id])) as Record<string, unknown>[])[0];

  async function create(body: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const startsAt = at(100 * DAY);
    const res = await ctx
      .http()
      .post(base())
      .send({
        kind: 'working_group',
        title: 'Working group meeting',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 6 * HOUR).toISOString(),
        timeZone: 'America/Mexico_City',
        ...body,
      });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  }

  async function move(id: string, to: string, extra: Record<string, unknown> = {}) {
    const version = ((await rowOf(id)) as { version: number }).version;
    return ctx
      .http()
      .post(`${base()}/${id}/transitions`)
      .send({ to, version, ...extra });
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx, 'meetings');
    other = await world(ctx, 'other');
  });
  afterAll(() => ctx.close());

  describe('creating and reading', () => {
    it('creates a draft with the chair of its start and the deadlines from the council rules, audited', async () => {
      const m = await create({
        kind: 'working_group',
        title: '  Labour pathways  ',
        startsAt: at(100 * DAY).toISOString(),
        endsAt: at(100 * DAY + 4 * HOUR).toISOString(),
        venue: 'Mexico City',
        onlineUrl: 'https://meet.example.org/wg',
        hostParticipantId: w.mexico,
      });
      expect(m).toMatchObject({
        councilId: w.councilId,
        bodyId: null,
        kind: 'working_group',
        title: 'Labour pathways',
        timeZone: 'America/Mexico_City',
        venue: 'Mexico City',
        onlineUrl: 'https://meet.example.org/wg',
        hostParticipantId: w.mexico,
        status: 'draft',
        convenedAt: null,
        consentRecorded: false,
        chair: { participantId: w.mexico, name: 'Mexico', isoCode: 'MX' },
        allowedTransitions: ['convened', 'cancelled'],
        version: 1,
      });
      // The council's own rule (20/15/5), not the default (30/21/10); Mexico City has no DST: days are 24 hours.
      const start = new Date(m.startsAt).getTime();
      expect(m.deadlines).toEqual({
        noticeDays: 20,
        agendaDays: 15,
        papersDays: 5,
        noticeBy: new Date(start - 20 * DAY).toISOString(),
        agendaBy: new Date(start - 15 * DAY).toISOString(),
        papersBy: new Date(start - 5 * DAY).toISOString(),
      });
      const audit = await auditOf(m.id);
      expect(audit.map((a) => a.action)).toEqual(['meeting.created']);
      expect(audit[0]!.after).toMatchObject({ id: m.id, status: 'draft' });
    });

    it('gets one meeting: the chair is whoever holds the presidency at its start; body meetings have none', async () => {
      const later = await create({ kind: 'ministerial', startsAt: at(400 * DAY).toISOString(), endsAt: at(401 * DAY).toISOString() });
      const res = await ctx.http().get(`${base()}/${later.id}`).expect(200);
      expect(res.body.chair).toMatchObject({ participantId: w.canada, name: 'Canada', isoCode: 'CA' });
      expect(res.body.deadlines).toMatchObject({ noticeDays: 120, agendaDays: 90, papersDays: 30 });

      const beyond = await create({ startsAt: at(2000 * DAY).toISOString(), endsAt: at(2001 * DAY).toISOString() });
      expect(beyond.chair).toBeNull();

      const bodyMeeting = await create({ bodyId: w.bodyId });
      expect(bodyMeeting).toMatchObject({ bodyId: w.bodyId, chair: null });
    });

    it('lists meetings by start with filters from/to, bodyId and status, in an envelope', async () => {
      const inBody = await create({ bodyId: w.bodyId, startsAt: at(50 * DAY).toISOString(), endsAt: at(50 * DAY + HOUR).toISOString() });
      const all = (await ctx.http().get(base()).expect(200)).body.items as { id: string; startsAt: string }[];
      expect(all.length).toBeGreaterThanOrEqual(5);
      const starts = all.map((m) => m.startsAt);
      expect([...starts].sort()).toEqual(starts);

      const byBody = (await ctx.http().get(base()).query({ bodyId: w.bodyId }).expect(200)).body.items as { bodyId: string }[];
      expect(byBody.length).toBeGreaterThanOrEqual(2);
      expect(byBody.every((m) => m.bodyId === w.bodyId)).toBe(true);

      const window = (
        await ctx
          .http()
          .get(base())
          .query({ from: at(49 * DAY).toISOString(), to: at(51 * DAY).toISOString() })
          .expect(200)
      ).body.items as { id: string }[];
      expect(window.map((m) => m.id)).toEqual([inBody.id]);

      await ctx.http().post(`${base()}/${inBody.id}/transitions`).send({ to: 'cancelled', version: 1 }).expect(200);
      const cancelled = (await ctx.http().get(base()).query({ status: 'cancelled' }).expect(200)).body.items as { id: string }[];
      expect(cancelled.map((m) => m.id)).toEqual([inBody.id]);

      // Another council sees none of them.
      expect((await ctx.http().get(`/councils/${other.councilId}/meetings`).expect(200)).body).toEqual({ items: [], nextCursor: null });
    });

    it('404s a meeting or a body of another council; nothing is written', async () => {
      const m = await create();
      await ctx.http().get(`/councils/${other.councilId}/meetings/${m.id}`).expect(404);
      const before = await count(`SELECT 1 FROM meetings`, []);
      const res = await ctx
        .http()
        .post(base())
        .send({
          kind: 'working_group',
          title: 'x',
          bodyId: other.bodyId,
          startsAt: at(100 * DAY).toISOString(),
          endsAt: at(101 * DAY).toISOString(),
          timeZone: 'UTC',
        })
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await ctx
        .http()
        .post(`/councils/${randomUUID()}/meetings`)
        .send({ kind: 'working_group', title: 'x', startsAt: at(100 * DAY).toISOString(), endsAt: at(101 * DAY).toISOString(), timeZone: 'UTC' })
        .expect(403); // nobody holds a role in a council that does not exist
      expect(await count(`SELECT 1 FROM meetings`, [])).toBe(before);
    });
  });

  describe('bad input → 400 naming the field, nothing written', () => {
    const valid = () => ({
      kind: 'working_group',
      title: 'Meeting',
      startsAt: at(100 * DAY).toISOString(),
      endsAt: at(100 * DAY + HOUR).toISOString(),
      timeZone: 'UTC',
    });

    it.each([
      ['end before start', { endsAt: at(99 * DAY).toISOString() }, 'endsAt'],
      ['end equal to start', { endsAt: 'same' }, 'endsAt'],
      ['unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['an offset instead of a zone', { timeZone: '+05:00' }, 'timeZone'],
      ['unknown kind', { kind: 'plenary' }, 'kind'],
      ['blank title', { title: '' }, 'title'],
      ['a date-time without its zone', { startsAt: '2030-01-01T10:00:00' }, 'startsAt'],
      ['a non-http link', { onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      ['an unknown field', { status: 'convened' }, 'status'],
      ['another unknown field', { consentRecorded: true }, 'consentRecorded'],
      ['an observer as host', { hostParticipantId: 'observer' }, 'hostParticipantId'],
    ])('%s', async (_name, patch, field) => {
      const body: Record<string, unknown> = { ...valid(), ...patch };
      if (body.endsAt === 'same') body.endsAt = body.startsAt;
      if (body.hostParticipantId === 'observer') body.hostParticipantId = w.observer;
      const before = await count(`SELECT 1 FROM meetings WHERE council_id = $1`, [w.councilId]);
      const audits = await count(`SELECT 1 FROM audit_log WHERE council_id = $1`, [w.councilId]);
      const res = await ctx.http().post(base()).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await count(`SELECT 1 FROM meetings WHERE council_id = $1`, [w.councilId])).toBe(before);
      expect(await count(`SELECT 1 FROM audit_log WHERE council_id = $1`, [w.councilId])).toBe(audits);
    });

    it('a malformed meeting id is a 400 naming it', async () => {
      const res = await ctx.http().get(`${base()}/not-a-uuid`).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'meetingId' })]);
    });
  });

  describe('convening and notice', () => {
    it('refuses a working group convened with less than its 20 days of notice, naming the earliest allowed start; nothing changes', async () => {
      const m = await create({ startsAt: at(10 * DAY).toISOString(), endsAt: at(10 * DAY + HOUR).toISOString(), timeZone: 'UTC' });
      const before = await rowOf(m.id);
      const t0 = Date.now();
      const res = await ctx.http().post(`${base()}/${m.id}/transitions`).send({ to: 'convened', version: 1 }).expect(409);
      expect(res.body).toMatchObject({
        code: 'NOTICE_TOO_SHORT',
        details: { kind: 'working_group', noticeDays: 20, startsAt: m.startsAt, consentPossible: false },
      });
      const earliest = new Date(res.body.details.earliestStart as string).getTime();
      expect(earliest).toBeGreaterThanOrEqual(t0 + 20 * DAY - 1000);
      expect(earliest).toBeLessThanOrEqual(Date.now() + 20 * DAY);
      expect(res.body.message).toContain(res.body.details.earliestStart);
      expect(await rowOf(m.id)).toEqual(before);
      expect((await auditOf(m.id)).map((a) => a.action)).toEqual(['meeting.created']);
    });

    it('convenes with enough notice: records when, audits the change, and the next steps follow', async () => {
      const m = await create({ startsAt: at(25 * DAY).toISOString(), endsAt: at(25 * DAY + HOUR).toISOString() });
      const res = await ctx.http().post(`${base()}/${m.id}/transitions`).send({ to: 'convened', version: 1 }).expect(200);
      expect(res.body).toMatchObject({
        status: 'convened',
        version: 2,
        consentRecorded: false,
        allowedTransitions: ['agenda_circulated', 'in_session', 'postponed', 'cancelled'],
      });
      expect(Date.now() - new Date(res.body.convenedAt as string).getTime()).toBeLessThan(60_000);
      const audit = await auditOf(m.id);
      expect(audit.map((a) => a.action)).toEqual(['meeting.created', 'meeting.convened']);
      expect(audit[1]).toMatchObject({ before: { status: 'draft' }, after: { status: 'convened' } });
    });

    it('an extraordinary meeting at short notice: refused without consent, convened with the consent recorded', async () => {
      const m = await create({ kind: 'extraordinary', startsAt: at(5 * DAY).toISOString(), endsAt: at(5 * DAY + 2 * HOUR).toISOString() });
      const refused = await ctx.http().post(`${base()}/${m.id}/transitions`).send({ to: 'convened', version: 1 }).expect(409);
      expect(refused.body).toMatchObject({ code: 'NOTICE_TOO_SHORT', details: { noticeDays: 14, consentPossible: true } });

      await ctx.http().post(`${base()}/${m.id}/transitions`).send({ to: 'convened', version: 1, consent: {} }).expect(400);
      const ok = await ctx
        .http()
        .post(`${base()}/${m.id}/transitions`)
        .send({ to: 'convened', version: 1, consent: { note: 'Consent of all member states by email, 3 March' } })
        .expect(200);
      expect(ok.body).toMatchObject({ status: 'convened', consentRecorded: true, consentNote: 'Consent of all member states by email, 3 March' });
      expect((await auditOf(m.id)).map((a) => a.action)).toEqual(['meeting.created', 'meeting.convened']);
    });

    it('consent is refused for other kinds or other transitions', async () => {
      const m = await create({ startsAt: at(5 * DAY).toISOString(), endsAt: at(5 * DAY + HOUR).toISOString() });
      const res = await ctx
        .http()
        .post(`${base()}/${m.id}/transitions`)
        .send({ to: 'convened', version: 1, consent: { note: 'please' } })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'consent' })]);
      expect(await rowOf(m.id)).toMatchObject({ status: 'draft', version: 1 });
    });

    it('a stale version is a 409', async () => {
      const m = await create();
      const res = await ctx.http().post(`${base()}/${m.id}/transitions`).send({ to: 'convened', version: 7 }).expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
    });
  });

  describe('the lifecycle', () => {
    it('refuses an illegal transition with 409 and the allowed next states', async () => {
      const m = await create();
      const before = await rowOf(m.id);
      const res = await ctx.http().post(`${base()}/${m.id}/transitions`).send({ to: 'in_session', version: 1 }).expect(409);
      expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'draft', to: 'in_session', allowed: ['convened', 'cancelled'] } });
      expect(await rowOf(m.id)).toEqual(before);
      expect((await auditOf(m.id)).length).toBe(1);
    });

    it('runs to closed; the minutes states are reached only through the minutes (409 naming the route); after approved minutes nothing follows', async () => {
      const m = await create();
      for (const to of ['convened', 'agenda_circulated', 'in_session', 'closed']) {
        if (to === 'in_session') await meetingDayCome(ctx, m.id);
        const res = await move(m.id, to);
        expect({ to, status: res.status }).toEqual({ to, status: 200 });
      }
      const direct = await move(m.id, 'minutes_circulated');
      expect(direct.status).toBe(409);
      expect(direct.body).toMatchObject({ code: 'MINUTES_ROUTE', details: { route: 'minutes/circulate' } });
      // As the minutes routes do (test/minutes.e2e-spec.ts covers them), in the same transaction as the minutes.
      for (const status of ['minutes_circulated', 'minutes_approved']) {
        await ctx.db.query(`UPDATE meetings SET status = $2, version = version + 1 WHERE id = $1`, [m.id, status]);
        await ctx.db.query(`INSERT INTO audit_log (council_id, action, entity_type, entity_id) VALUES ($1, $2, 'meeting', $3)`, [
          w.councilId,
          `meeting.${status}`,
          m.id,
        ]);
      }
      const res = await move(m.id, 'cancelled');
      expect(res.status).toBe(409);
      expect(res.body.details).toMatchObject({ from: 'minutes_approved', allowed: [] });
      expect((await auditOf(m.id)).map((a) => a.action)).toEqual([
        'meeting.created',
        'meeting.convened',
        'meeting.agenda_circulated',
        'meeting.in_session',
        'meeting.closed',
        'meeting.minutes_circulated',
        'meeting.minutes_approved',
      ]);
    });

    it('postpones and cancels only before the session', async () => {
      const draft = await create();
      expect((await move(draft.id, 'postponed')).body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { allowed: ['convened', 'cancelled'] } });

      const m = await create();
      await move(m.id, 'convened');
      expect((await move(m.id, 'postponed')).body).toMatchObject({ status: 'postponed', allowedTransitions: ['draft', 'cancelled'] });
      // Back to draft to move it, then convened again.
      expect((await move(m.id, 'draft')).status).toBe(200);
      const moved = await ctx
        .http()
        .patch(`${base()}/${m.id}`)
        .send({
          version: ((await rowOf(m.id)) as { version: number }).version,
          startsAt: at(150 * DAY).toISOString(),
          endsAt: at(150 * DAY + HOUR).toISOString(),
        })
        .expect(200);
      expect(moved.body.status).toBe('draft');
      expect((await move(m.id, 'convened')).status).toBe(200);
      await meetingDayCome(ctx, m.id);
      expect((await move(m.id, 'in_session')).status).toBe(200);
      const late = await move(m.id, 'cancelled');
      expect(late.status).toBe(409);
      expect(late.body.details).toEqual({ from: 'in_session', to: 'cancelled', allowed: ['closed'] });
      const lateP = await move(m.id, 'postponed');
      expect(lateP.body.details).toEqual({ from: 'in_session', to: 'postponed', allowed: ['closed'] });

      const c = await create();
      await move(c.id, 'convened');
      await move(c.id, 'agenda_circulated');
      expect((await move(c.id, 'cancelled')).body.status).toBe('cancelled');
      expect((await move(c.id, 'convened')).body.details).toMatchObject({ allowed: [] });
    });
  });

  describe('the list in keyset pages', () => {
    it('walks the pages by start then id — ties and microseconds included — with the filters kept; nextCursor null on the last page', async () => {
      const c = (await given(ctx).council('paged')).id;
      // Five meetings by SQL: three at the same instant (to the microsecond), so only the id orders them.
      const tie = '2031-03-04 15:00:00.123456+00';
      for (const [startsAt, status] of [
        [tie, 'draft'],
        [tie, 'draft'],
        ['2031-03-01 10:00:00+00', 'draft'],
        [tie, 'cancelled'],
        ['2031-05-01 10:00:00.5+00', 'draft'],
      ]) {
        await ctx.db.query(
          `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status) VALUES ($1, 'working_group', 'Paged', $2::timestamptz, $2::timestamptz + interval '1 hour', 'UTC', $3)`,
          [c, startsAt, status],
        );
      }
      const expected = ((await ctx.db.query(`SELECT id FROM meetings WHERE council_id = $1 ORDER BY starts_at, id`, [c])) as { id: string }[]).map((r) => r.id);
      const walk = async (query: Record<string, unknown>) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        for (let n = 0; n < 10; n++) {
          const res = await ctx
            .http()
            .get(`/councils/${c}/meetings`)
            .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
            .expect(200);
          expect(res.body.items.length).toBeLessThanOrEqual(2);
          ids.push(...res.body.items.map((m: { id: string }) => m.id));
          if (res.body.nextCursor === null) return ids;
          cursor = res.body.nextCursor as string;
        }
        throw new Error('no last page');
      };
      expect(await walk({})).toEqual(expected);
      const drafts = (
        (await ctx.db.query(`SELECT id FROM meetings WHERE council_id = $1 AND status = 'draft' ORDER BY starts_at, id`, [c])) as { id: string }[]
      ).map((r) => r.id);
      expect(await walk({ status: 'draft' })).toEqual(drafts);
      // Exactly a page's worth: no empty page after it.
      const full = await ctx.http().get(`/councils/${c}/meetings`).query({ limit: 5 }).expect(200);
      expect({ n: full.body.items.length, next: full.body.nextCursor }).toEqual({ n: 5, next: null });
      const dflt = await ctx.http().get(`/councils/${c}/meetings`).expect(200);
      expect(dflt.body.items).toHaveLength(5);
    });

    it('refuses a cursor it did not produce and a page larger than 200 (400 naming the field)', async () => {
      const bad = await ctx.http().get(base()).query({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      const big = await ctx.http().get(base()).query({ limit: 201 }).expect(400);
      expect(big.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    });
  });

  describe("the session opens on the meeting's day", () => {
    it('refuses to open before the day: 409 SESSION_TOO_EARLY with the earliest instant in UTC and in the zone; nothing changes', async () => {
      // 100 days ahead at 10:00 in Mexico City: the start of its day comes later than 60 minutes before its start
      // (a meeting in the day's first hour may open from the lead, on the day before).
      const start = DateTime.now().setZone('America/Mexico_City').plus({ days: 100 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
      const m = await create({ startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 6 }).toUTC().toISO() });
      await move(m.id, 'convened');
      const before = await rowOf(m.id);
      const res = await move(m.id, 'in_session');
      expect(res.status).toBe(409);
      const local = DateTime.fromISO(m.startsAt as string, { zone: 'America/Mexico_City' }).startOf('day');
      expect(res.body).toMatchObject({
        code: 'SESSION_TOO_EARLY',
        details: {
          startsAt: m.startsAt,
          timeZone: 'America/Mexico_City',
          earliestOpen: local.toUTC().toISO(),
          earliestOpenLocal: local.toISO(),
          leadMinutes: 60,
        },
        errors: [{ field: 'to' }],
      });
      expect(res.body.message).toContain(local.toUTC().toISO());
      expect(await rowOf(m.id)).toEqual(before);
      expect((await auditOf(m.id)).map((a) => a.action)).toEqual(['meeting.created', 'meeting.convened']);
      // A designated handover meeting cannot pass the presidency early that way either: it cannot even open.
      expect((await move(m.id, 'closed')).body).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    });

    it("opens on the meeting's day in its zone, hours before its start", async () => {
      const m = await create();
      await move(m.id, 'convened');
      // Late today in Mexico City (at least 2 hours ahead, so more than the 60-minute lead); in the day's last
      // two hours, 30 minutes ahead instead (then the lead allows it, even across midnight).
      const now = DateTime.now().setZone('America/Mexico_City');
      const lateToday = now.endOf('day').minus({ minutes: 5 }).startOf('minute');
      const startsAt = lateToday.toMillis() - now.toMillis() >= 2 * HOUR ? lateToday : now.plus({ minutes: 30 });
      await ctx.db.query(`UPDATE meetings SET starts_at = $2, ends_at = $3 WHERE id = $1`, [m.id, startsAt.toJSDate(), startsAt.plus({ hours: 2 }).toJSDate()]);
      const res = await move(m.id, 'in_session');
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { status: 'in_session', closedAt: null } });
      expect(Math.abs(new Date(res.body.openedAt as string).getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('closing records the real instants: opened_at and closed_at as they happened, the planned times unchanged', async () => {
      const m = await create();
      await move(m.id, 'convened');
      await meetingDayCome(ctx, m.id);
      const planned = (await rowOf(m.id)) as { starts_at: Date; ends_at: Date };
      const t0 = Date.now();
      const opened = (await move(m.id, 'in_session')).body;
      await new Promise((r) => setTimeout(r, 50));
      const closed = await move(m.id, 'closed');
      const t1 = Date.now();
      expect(closed.status).toBe(200);
      const openedAt = new Date(closed.body.openedAt as string).getTime();
      const closedAt = new Date(closed.body.closedAt as string).getTime();
      expect(closed.body.openedAt).toBe(opened.openedAt);
      expect(openedAt).toBeGreaterThanOrEqual(t0 - 1000);
      expect(closedAt).toBeGreaterThan(openedAt);
      expect(closedAt).toBeLessThanOrEqual(t1 + 1000);
      const row = (await rowOf(m.id)) as { opened_at: Date; closed_at: Date; starts_at: Date; ends_at: Date };
      expect([row.opened_at.toISOString(), row.closed_at.toISOString()]).toEqual([closed.body.openedAt, closed.body.closedAt]);
      expect([row.starts_at, row.ends_at]).toEqual([planned.starts_at, planned.ends_at]);
      const audit = await auditOf(m.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'meeting.closed',
        before: { closedAt: null },
        after: { openedAt: opened.openedAt, closedAt: closed.body.closedAt },
      });
      // The database holds the order of the two instants.
      await expect(ctx.db.query(`UPDATE meetings SET closed_at = opened_at - interval '1 second' WHERE id = $1`, [m.id])).rejects.toThrow(
        'meetings_closed_after_opened',
      );
    });
  });

  describe('editing', () => {
    it('edits a draft: moves it, renames it, clears optional fields; audited with before and after', async () => {
      const m = await create({ venue: 'Ottawa' });
      const res = await ctx
        .http()
        .patch(`${base()}/${m.id}`)
        .send({
          version: 1,
          title: 'Renamed',
          startsAt: at(120 * DAY).toISOString(),
          endsAt: at(120 * DAY + 2 * HOUR).toISOString(),
          venue: null,
          bodyId: w.bodyId,
        })
        .expect(200);
      expect(res.body).toMatchObject({ title: 'Renamed', venue: null, bodyId: w.bodyId, chair: null, version: 2 });
      const audit = await auditOf(m.id);
      expect(audit.map((a) => a.action)).toEqual(['meeting.created', 'meeting.updated']);
      expect(audit[1]).toMatchObject({ before: { title: 'Working group meeting', venue: 'Ottawa' }, after: { title: 'Renamed', venue: null } });
    });

    it('refuses a start after the current end (400 naming startsAt), a stale version, and unknown fields; nothing changes', async () => {
      const m = await create();
      const before = await rowOf(m.id);
      const late = await ctx
        .http()
        .patch(`${base()}/${m.id}`)
        .send({ version: 1, startsAt: at(300 * DAY).toISOString() })
        .expect(400);
      expect(late.body.errors).toEqual([expect.objectContaining({ field: 'startsAt' })]);
      expect((await ctx.http().patch(`${base()}/${m.id}`).send({ version: 9, title: 'x' }).expect(409)).body.code).toBe('STALE_VERSION');
      const unknown = await ctx.http().patch(`${base()}/${m.id}`).send({ version: 1, status: 'closed', convenedAt: new Date().toISOString() }).expect(400);
      expect((unknown.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['convenedAt', 'status']);
      await ctx.http().patch(`${base()}/${m.id}`).send({ title: 'no version' }).expect(400);
      await ctx.http().patch(`${base()}/${m.id}`).send({ version: 1, timeZone: 'Not/AZone' }).expect(400);
      expect(await rowOf(m.id)).toEqual(before);
      expect((await auditOf(m.id)).length).toBe(1);
    });

    it('a convened meeting moves later freely, but not earlier than its notice allows', async () => {
      const m = await create({ startsAt: at(30 * DAY).toISOString(), endsAt: at(30 * DAY + HOUR).toISOString() });
      await move(m.id, 'convened');
      const earlier = await ctx
        .http()
        .patch(`${base()}/${m.id}`)
        .send({ version: 2, startsAt: at(10 * DAY).toISOString(), endsAt: at(10 * DAY + HOUR).toISOString() })
        .expect(409);
      expect(earlier.body).toMatchObject({ code: 'NOTICE_TOO_SHORT', details: { noticeDays: 20 } });
      const later = await ctx
        .http()
        .patch(`${base()}/${m.id}`)
        .send({ version: 2, startsAt: at(40 * DAY).toISOString(), endsAt: at(40 * DAY + HOUR).toISOString() })
        .expect(200);
      expect(later.body).toMatchObject({ status: 'convened', version: 3 });
    });

    it('only a draft or convened meeting can be edited', async () => {
      const m = await create();
      await move(m.id, 'convened');
      await move(m.id, 'agenda_circulated');
      const res = await ctx.http().patch(`${base()}/${m.id}`).send({ version: 3, title: 'Too late' }).expect(409);
      expect(res.body).toMatchObject({ code: 'MEETING_NOT_EDITABLE', details: { status: 'agenda_circulated', editableStatuses: ['draft', 'convened'] } });
    });
  });

  describe('working hours', () => {
    const check = (start: string, end: string) => ctx.http().get(`${base()}/working-hours`).query({ start, end });

    it('shows the time in each active member state and flags it outside 08:00–18:00, across a DST change', async () => {
      // 14:00–22:30 UTC: a week before Toronto moves its clocks (8 March 2026) and the day after.
      const before = (await check('2026-03-02T14:00:00Z', '2026-03-02T22:30:00Z').expect(200)).body;
      expect(before).toMatchObject({ start: '2026-03-02T14:00:00.000Z', end: '2026-03-02T22:30:00.000Z', workingHours: '08:00–18:00' });
      expect(before.items).toEqual([
        {
          participantId: w.mexico,
          name: 'Mexico',
          isoCode: 'MX',
          timeZone: 'America/Mexico_City',
          localStart: '2026-03-02T08:00:00-06:00',
          localEnd: '2026-03-02T16:30:00-06:00',
          outsideWorkingHours: false,
        },
        {
          participantId: w.canada,
          name: 'Canada',
          isoCode: 'CA',
          timeZone: 'America/Toronto',
          localStart: '2026-03-02T09:00:00-05:00',
          localEnd: '2026-03-02T17:30:00-05:00',
          outsideWorkingHours: false,
        },
        {
          participantId: w.guatemala,
          name: 'Guatemala',
          isoCode: 'GT',
          timeZone: 'America/Guatemala',
          localStart: '2026-03-02T08:00:00-06:00',
          localEnd: '2026-03-02T16:30:00-06:00',
          outsideWorkingHours: false,
        },
      ]);
      const after = (await check('2026-03-09T14:00:00Z', '2026-03-09T22:30:00Z').expect(200)).body;
      expect(
        after.items.map((i: { isoCode: string; localEnd: string; outsideWorkingHours: boolean }) => [i.isoCode, i.localEnd, i.outsideWorkingHours]),
      ).toEqual([
        ['MX', '2026-03-09T16:30:00-06:00', false],
        ['CA', '2026-03-09T18:30:00-04:00', true],
        ['GT', '2026-03-09T16:30:00-06:00', false],
      ]);
    });

    it('a member state without a recorded zone is listed with nothing computed', async () => {
      const { participantId: id } = await given(ctx).inCouncil(other.councilId).memberState('Belize', { iso: 'BZ', position: 9 });
      const res = await ctx
        .http()
        .get(`/councils/${other.councilId}/meetings/working-hours`)
        .query({ start: '2026-03-02T14:00:00Z', end: '2026-03-02T15:00:00Z' })
        .expect(200);
      expect(res.body.items.find((i: { participantId: string }) => i.participantId === id)).toMatchObject({
        timeZone: null,
        localStart: null,
        outsideWorkingHours: null,
      });
    });

    it.each([
      ['end before start', { start: '2026-03-02T14:00:00Z', end: '2026-03-02T13:00:00Z' }, 'end'],
      ['a span over 14 days', { start: '2026-03-02T14:00:00Z', end: '2026-03-20T13:00:00Z' }, 'end'],
      ['no start', { end: '2026-03-02T13:00:00Z' }, 'start'],
      ['a start without zone', { start: '2026-03-02T14:00:00', end: '2026-03-02T15:00:00Z' }, 'start'],
      ['an unknown parameter', { start: '2026-03-02T14:00:00Z', end: '2026-03-02T15:00:00Z', zone: 'UTC' }, 'zone'],
    ])('%s → 400 naming the field', async (_n, query, field) => {
      const res = await ctx.http().get(`${base()}/working-hours`).query(query).expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });
  });
});
