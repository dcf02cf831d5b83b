import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface World {
  councilId: string;
  bodyId: string;
}

/** A council through the API (working groups: 20 days' notice), with one working group (by SQL). */
async function world(ctx: TestContext, slug: string): Promise<World> {
  const c = await given(ctx).council(slug);
  return { councilId: c.id, bodyId: await c.body('Working Group on Labour Migration') };
}

type Occurrence = { occurrenceDate: string; ruleStartsAt: string; moved: boolean; meeting: Record<string, any> };

describe('meeting series', () => {
  let ctx: TestContext;
  let w: World;
  let other: World;

  const base = () => `/councils/${w.councilId}/series`;
  const meetings = () => `/councils/${w.councilId}/meetings`;
  const counts = async () =>
    (
      (await ctx.db.query(
        `SELECT (SELECT count(*)::int FROM meeting_series) AS series, (SELECT count(*)::int FROM meetings) AS meetings, (SELECT count(*)::int FROM audit_log) AS audit`,
      )) as Record<string, number>[]
    )[0]!;

  /** Every other week on Tuesday at 09:00 in Toronto, from Monday 25 February 2030 (DST starts on 10 March 2030). */
  const everyOtherTuesday = (over: Record<string, unknown> = {}) => ({
    kind: 'working_group',
    title: 'Working group, regular meeting',
    bodyId: w.bodyId,
    startTime: '09:00',
    durationMinutes: 120,
    timeZone: 'America/Toronto',
    recurrence: { frequency: 'weekly', interval: 2, weekday: 'TU' },
    firstDate: '2030-02-25',
    count: 6,
    ...over,
  });

  async function create(body: Record<string, unknown>): Promise<Record<string, any>> {
    const res = await ctx.http().post(base()).send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  }

  const byDate = (s: { occurrences: Occurrence[] }) => Object.fromEntries(s.occurrences.map((o) => [o.occurrenceDate, o]));

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx, 'series');
    other = await world(ctx, 'series-other');
  });
  afterAll(() => ctx.close());

  describe('"every second Tuesday", both readings, DST-correct', () => {
    it('every other week on Tuesday: six draft meetings of the body at 09:00 Toronto time on both sides of the DST change, audited', async () => {
      const s = await create(everyOtherTuesday({ venue: 'Toronto', onlineUrl: 'https://meet.example.org/wg' }));
      expect(s).toMatchObject({
        councilId: w.councilId,
        bodyId: w.bodyId,
        kind: 'working_group',
        startTime: '09:00',
        durationMinutes: 120,
        timeZone: 'America/Toronto',
        recurrence: { frequency: 'weekly', interval: 2, weekday: 'TU', weekOfMonth: null },
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6',
        firstDate: '2030-02-25',
        untilDate: null,
        count: 6,
        status: 'active',
        version: 1,
      });
      const occ = s.occurrences as Occurrence[];
      expect(occ.map((o) => [o.occurrenceDate, o.meeting.startsAt, o.meeting.endsAt])).toEqual([
        ['2030-02-26', '2030-02-26T14:00:00.000Z', '2030-02-26T16:00:00.000Z'], // EST, UTC-5
        ['2030-03-12', '2030-03-12T13:00:00.000Z', '2030-03-12T15:00:00.000Z'], // EDT, UTC-4
        ['2030-03-26', '2030-03-26T13:00:00.000Z', '2030-03-26T15:00:00.000Z'],
        ['2030-04-09', '2030-04-09T13:00:00.000Z', '2030-04-09T15:00:00.000Z'],
        ['2030-04-23', '2030-04-23T13:00:00.000Z', '2030-04-23T15:00:00.000Z'],
        ['2030-05-07', '2030-05-07T13:00:00.000Z', '2030-05-07T15:00:00.000Z'],
      ]);
      for (const o of occ) {
        expect(o.moved).toBe(false);
        expect(o.ruleStartsAt).toBe(o.meeting.startsAt);
        expect(o.meeting).toMatchObject({
          bodyId: w.bodyId,
          status: 'draft',
          title: 'Working group, regular meeting',
          timeZone: 'America/Toronto',
          venue: 'Toronto',
          onlineUrl: 'https://meet.example.org/wg',
          seriesId: s.id,
          occurrenceDate: o.occurrenceDate,
          chair: null,
          deadlines: { noticeDays: 20 },
        });
      }
      // The meeting routes show the occurrence too.
      const one = await ctx.http().get(`${meetings()}/${occ[0]!.meeting.id}`).expect(200);
      expect(one.body).toMatchObject({ seriesId: s.id, occurrenceDate: '2030-02-26' });
      const listed = await ctx.http().get(meetings()).query({ seriesId: s.id }).expect(200);
      expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual(occ.map((o) => o.meeting.id));

      const audit = (await ctx.db.query(
        `SELECT action, entity_type AS "entityType", entity_id AS "entityId" FROM audit_log WHERE council_id = $1 AND (entity_id = $2 OR entity_id = ANY($3)) ORDER BY id`,
        [w.councilId, s.id, occ.map((o) => o.meeting.id)],
      )) as { action: string; entityType: string }[];
      expect(audit.map((a) => a.action)).toEqual([...occ.map(() => 'meeting.created'), 'meeting_series.created']);
    });

    it('the second Tuesday of each month until a date: 09:00 Toronto time before and after the November DST change', async () => {
      const s = await create(
        everyOtherTuesday({
          recurrence: { frequency: 'monthly', weekday: 'TU', weekOfMonth: 2 },
          firstDate: '2030-09-01',
          count: undefined,
          untilDate: '2030-12-31',
        }),
      );
      expect(s).toMatchObject({
        rrule: 'FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20301231',
        recurrence: { frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 2 },
        count: null,
        untilDate: '2030-12-31',
      });
      expect((s.occurrences as Occurrence[]).map((o) => [o.occurrenceDate, o.meeting.startsAt])).toEqual([
        ['2030-09-10', '2030-09-10T13:00:00.000Z'],
        ['2030-10-08', '2030-10-08T13:00:00.000Z'],
        ['2030-11-12', '2030-11-12T14:00:00.000Z'], // DST ended on 3 November
        ['2030-12-10', '2030-12-10T14:00:00.000Z'],
      ]);
    });

    it('reads one series and the list, each with its occurrences', async () => {
      const s = await create(everyOtherTuesday({ count: 2 }));
      const one = await ctx.http().get(`${base()}/${s.id}`).expect(200);
      expect(one.body).toEqual(s);
      const list = await ctx.http().get(base()).expect(200);
      expect(list.body.items.find((x: { id: string }) => x.id === s.id)).toEqual(s);
      await ctx.http().get(`/councils/${other.councilId}/series/${s.id}`).expect(404);
      await ctx.http().get(`${base()}/not-a-uuid`).expect(400);
    });

    it('lists in keyset pages by first date then id, each series whole (as read alone); a foreign cursor or a page over 200 is a 400', async () => {
      const c = (await given(ctx).council('series-paged')).id;
      const made: Record<string, any>[] = [];
      for (const firstDate of ['2030-06-03', '2030-04-01', '2030-06-03', '2030-05-06', '2030-06-03']) {
        const res = await ctx
          .http()
          .post(`/councils/${c}/series`)
          .send({ ...everyOtherTuesday({ firstDate, count: 3 }), bodyId: undefined });
        expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
        made.push(res.body);
      }
      const expected = [...made].sort((a, b) => a.firstDate.localeCompare(b.firstDate) || a.id.localeCompare(b.id));
      const seen: Record<string, any>[] = [];
      let cursor: string | undefined;
      for (let n = 0; n < 5; n++) {
        const res = await ctx
          .http()
          .get(`/councils/${c}/series`)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        seen.push(...res.body.items);
        if (res.body.nextCursor === null) break;
        cursor = res.body.nextCursor;
      }
      expect(seen.map((x) => x.id)).toEqual(expected.map((x) => x.id));
      for (const x of seen) expect(x).toEqual((await ctx.http().get(`/councils/${c}/series/${x.id}`).expect(200)).body);
      expect(seen.every((x) => x.occurrences.length === 3)).toBe(true);
      expect((await ctx.http().get(`/councils/${c}/series`).query({ limit: 5 }).expect(200)).body.nextCursor).toBeNull();
      expect((await ctx.http().get(`/councils/${other.councilId}/series`).expect(200)).body).toEqual({ items: [], nextCursor: null });

      const bad = await ctx
        .http()
        .get(`/councils/${c}/series`)
        .query({ cursor: Buffer.from('2030-02-30|x').toString('base64url') })
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      const big = await ctx.http().get(`/councils/${c}/series`).query({ limit: 201 }).expect(400);
      expect(big.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    });
  });

  describe('single occurrences, then changes to the series', () => {
    it('moves one occurrence and cancels another with the meeting routes; a series change reaches only the drafts that still follow it; ending cancels the future drafts', async () => {
      const s = await create(everyOtherTuesday());
      const occ = s.occurrences as Occurrence[];
      const [first, second, third, fourth] = occ;

      // Move the second one by an hour (a meeting PATCH): it stays in the series, flagged as moved.
      const moved = await ctx
        .http()
        .patch(`${meetings()}/${second!.meeting.id}`)
        .send({ version: second!.meeting.version, startsAt: '2030-03-12T14:00:00.000Z', endsAt: '2030-03-12T16:00:00.000Z' })
        .expect(200);
      expect(moved.body).toMatchObject({ seriesId: s.id, occurrenceDate: '2030-03-12', startsAt: '2030-03-12T14:00:00.000Z' });
      // Cancel the third one (a meeting transition).
      await ctx.http().post(`${meetings()}/${third!.meeting.id}/transitions`).send({ to: 'cancelled', version: third!.meeting.version }).expect(200);
      // Convene the fourth one: no longer a draft.
      await ctx.http().post(`${meetings()}/${fourth!.meeting.id}/transitions`).send({ to: 'convened', version: fourth!.meeting.version }).expect(200);

      let now = byDate((await ctx.http().get(`${base()}/${s.id}`).expect(200)).body);
      expect(now['2030-03-12']).toMatchObject({ moved: true, ruleStartsAt: '2030-03-12T13:00:00.000Z', meeting: { status: 'draft' } });
      expect(now['2030-03-26']).toMatchObject({ moved: false, meeting: { status: 'cancelled' } });
      expect(now['2030-04-09']).toMatchObject({ moved: false, meeting: { status: 'convened' } });
      expect(Object.keys(now)).toHaveLength(6);

      // Move the series to 10:00 for 90 minutes at another venue.
      const stale = await ctx.http().patch(`${base()}/${s.id}`).send({ version: 99, startTime: '10:00' });
      expect(stale.status).toBe(409);
      const changed = await ctx.http().patch(`${base()}/${s.id}`).send({ version: 1, startTime: '10:00', durationMinutes: 90, venue: 'Ottawa' }).expect(200);
      expect(changed.body).toMatchObject({ startTime: '10:00', durationMinutes: 90, venue: 'Ottawa', version: 2 });
      now = byDate(changed.body);
      // Drafts that followed the series: 10:00 local (DST-correct), 90 minutes, the new venue.
      for (const date of ['2030-02-26', '2030-04-23', '2030-05-07']) expect(now[date]!.moved).toBe(false);
      expect(now['2030-02-26']!.meeting).toMatchObject({
        startsAt: '2030-02-26T15:00:00.000Z',
        endsAt: '2030-02-26T16:30:00.000Z',
        venue: 'Ottawa',
        status: 'draft',
      });
      expect(now['2030-04-23']!.meeting).toMatchObject({ startsAt: '2030-04-23T14:00:00.000Z', endsAt: '2030-04-23T15:30:00.000Z', venue: 'Ottawa' });
      // The moved one keeps its own time (so it is still flagged), the cancelled and the convened ones are untouched.
      expect(now['2030-03-12']).toMatchObject({
        moved: true,
        ruleStartsAt: '2030-03-12T14:00:00.000Z',
        meeting: { startsAt: '2030-03-12T14:00:00.000Z', endsAt: '2030-03-12T16:00:00.000Z' },
      });
      expect(now['2030-03-26']!.meeting).toMatchObject({
        status: 'cancelled',
        startsAt: third!.meeting.startsAt,
        venue: null,
        version: third!.meeting.version + 1,
      });
      expect(now['2030-04-09']!.meeting).toMatchObject({ status: 'convened', startsAt: fourth!.meeting.startsAt, venue: null });
      // …and now differs from the new rule: flagged, for the secretariat to move it on its own.
      expect(now['2030-04-09']!.moved).toBe(true);
      const seriesAudit = (await ctx.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [s.id])) as {
        action: string;
        after: any;
      }[];
      expect(seriesAudit.map((a) => a.action)).toEqual(['meeting_series.created', 'meeting_series.updated']);
      expect([...seriesAudit[1]!.after.updatedMeetingIds].sort()).toEqual(
        [first!.meeting.id, second!.meeting.id, occ[4]!.meeting.id, occ[5]!.meeting.id].sort(), // the moved one took the venue only
      );
      expect(now['2030-03-12']!.meeting.venue).toBe('Ottawa');

      // End the series: the future drafts are cancelled, the convened one is kept.
      const ended = await ctx.http().post(`${base()}/${s.id}/end`).send({ version: 2 }).expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', version: 3 });
      expect(ended.body.endedAt).not.toBeNull();
      const statuses = Object.fromEntries((ended.body.occurrences as Occurrence[]).map((o) => [o.occurrenceDate, o.meeting.status]));
      expect(statuses).toEqual({
        '2030-02-26': 'cancelled',
        '2030-03-12': 'cancelled',
        '2030-03-26': 'cancelled',
        '2030-04-09': 'convened',
        '2030-04-23': 'cancelled',
        '2030-05-07': 'cancelled',
      });
      const again = await ctx.http().patch(`${base()}/${s.id}`).send({ version: 3, venue: 'Mexico City' });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'SERIES_ENDED' });
      await ctx.http().post(`${base()}/${s.id}/end`).send({ version: 3 }).expect(409);
    });

    it('a refused series change (bad input) leaves the series and every occurrence as they were', async () => {
      const s = await create(everyOtherTuesday({ count: 2 }));
      const before = await counts();
      const res = await ctx.http().patch(`${base()}/${s.id}`).send({ version: 1, startTime: '25:00' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'startTime' })]);
      expect(await counts()).toEqual(before);
      expect((await ctx.http().get(`${base()}/${s.id}`).expect(200)).body).toEqual(s);
    });
  });

  describe('bad input → 400 naming the field, nothing written', () => {
    it.each([
      ['an unknown zone', { timeZone: 'America/Atlantis' }, 'timeZone'],
      ['an offset instead of a zone', { timeZone: '+02:00' }, 'timeZone'],
      ['count 0', { count: 0 }, 'count'],
      ['count beyond 60', { count: 61 }, 'count'],
      ['until before the first date', { count: undefined, untilDate: '2030-02-01' }, 'untilDate'],
      ['until more than 24 months on', { count: undefined, untilDate: '2032-06-01' }, 'untilDate'],
      ['both until and count', { untilDate: '2030-06-01' }, 'untilDate'],
      ['neither until nor count', { count: undefined }, 'untilDate'],
      ['a date that does not exist', { firstDate: '2030-02-30' }, 'firstDate'],
      ['a first date in the past', { firstDate: '2020-02-25' }, 'firstDate'],
      ['a bad start time', { startTime: '9am' }, 'startTime'],
      ['a zero duration', { durationMinutes: 0 }, 'durationMinutes'],
      ['an unknown weekday', { recurrence: { frequency: 'weekly', weekday: 'XX' } }, 'recurrence.weekday'],
      ['a monthly rule without weekOfMonth', { recurrence: { frequency: 'monthly', weekday: 'TU' } }, 'recurrence.weekOfMonth'],
      ['weekOfMonth on a weekly rule', { recurrence: { frequency: 'weekly', weekday: 'TU', weekOfMonth: 2 } }, 'recurrence.weekOfMonth'],
      ['a fifth weekday of the month', { recurrence: { frequency: 'monthly', weekday: 'TU', weekOfMonth: 5 } }, 'recurrence.weekOfMonth'],
      ['interval 0', { recurrence: { frequency: 'weekly', weekday: 'TU', interval: 0 } }, 'recurrence.interval'],
      ['an unknown field', { colour: 'blue' }, 'colour'],
    ])('%s', async (_name, over, field) => {
      const before = await counts();
      const res = await ctx.http().post(base()).send(everyOtherTuesday(over));
      expect({ status: res.status, fields: (res.body.errors as { field: string }[]).map((e) => e.field) }).toEqual({
        status: 400,
        fields: expect.arrayContaining([field]),
      });
      expect(await counts()).toEqual(before);
    });

    it("another council's body → 404; nothing written", async () => {
      const before = await counts();
      const res = await ctx
        .http()
        .post(base())
        .send(everyOtherTuesday({ bodyId: other.bodyId }));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(await counts()).toEqual(before);
    });

    it('60 occurrences are accepted; a weekly rule giving more before its end date is refused', async () => {
      const weekly = { frequency: 'weekly', weekday: 'TU' };
      const many = await create(everyOtherTuesday({ recurrence: weekly, count: 60 }));
      expect(many.occurrences).toHaveLength(60);
      const res = await ctx
        .http()
        .post(base())
        .send(everyOtherTuesday({ recurrence: weekly, count: undefined, untilDate: '2031-12-31' }));
      expect({ status: res.status, errors: res.body.errors }).toEqual({
        status: 400,
        errors: [expect.objectContaining({ field: 'untilDate', rule: 'max_occurrences' })],
      });
    });
  });
});
