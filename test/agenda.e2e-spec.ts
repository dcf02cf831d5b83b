import { randomUUID } from 'node:crypto';
import type { Actor } from './support/actors.js';
import { given } from './support/given.js';
import { at, DAY, HOUR, meetingDayCome } from './support/meetings.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface World {
  councilId: string;
  mexico: string;
  canada: string;
  /** A delegate of Mexico, which holds the presidency now: the chair. */
  chair: Actor;
  /** A delegate of Canada. */
  delegate: Actor;
}

/** A council working in Spanish and English (working groups: 20 days' notice), Mexico presiding now, with a delegation each. */
async function world(ctx: TestContext, slug: string): Promise<World> {
  const c = await given(ctx).council(slug);
  const member = (name: string, iso: string, position: number) => c.memberState(name, { iso, position, timeZone: 'America/Mexico_City' });
  const mexico = await member('Mexico', 'MX', 1);
  const canada = await member('Canada', 'CA', 2);
  await c.presiding(mexico);
  const chair = await c.delegate(await c.delegation(mexico, 'Delegation of Mexico'), 'head');
  const delegate = await c.delegate(await c.delegation(canada, 'Delegation of Canada'), 'head');
  return { councilId: c.id, mexico: mexico.participantId, canada: canada.participantId, chair, delegate };
}

describe('meeting agendas', () => {
  let ctx: TestContext;
  let w: World;
  let other: World;

  const meetings = () => `/councils/${w.councilId}/meetings`;
  const agendaOf = (meetingId: string) => `${meetings()}/${meetingId}/agenda`;
  const item = (n: string, extra: Record<string, unknown> = {}) => ({ title: { es: `Punto ${n}`, en: `Item ${n}` }, purpose: 'discussion', ...extra });

  /** What a refused request must leave untouched. */
  const snapshot = async () =>
    ctx.db.query(
      `SELECT (SELECT count(*)::int FROM agenda_items) AS items, (SELECT count(*)::int FROM audit_log) AS audit,
              (SELECT coalesce(sum(version), 0)::int FROM meeting_agendas) AS agenda_versions,
              (SELECT coalesce(sum(version), 0)::int FROM agenda_items) AS item_versions,
              (SELECT coalesce(string_agg(id::text || ':' || position, ',' ORDER BY id), '') FROM agenda_items) AS positions`,
    );
  const auditOf = (entityType: string, id: string) =>
    ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [entityType, id]) as Promise<
      { action: string; before: Record<string, any> | null; after: Record<string, any> | null }[]
    >;
  const meetingRow = async (id: string) =>
    ((await ctx.db.query(`SELECT status, version, starts_at FROM meetings WHERE id = $1`, [id])) as { status: string; version: number; starts_at: Date }[])[0]!;

  /** A draft working-group meeting (100 days ahead unless told), through the API. */
  function draftMeeting(daysAhead = 100): Promise<string> {
    return given(ctx).inCouncil(w.councilId).meeting({ daysAhead });
  }

  async function transition(meetingId: string, to: string) {
    if (to === 'in_session') await meetingDayCome(ctx, meetingId);
    const { version } = await meetingRow(meetingId);
    const res = await ctx.http().post(`${meetings()}/${meetingId}/transitions`).send({ to, version });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  /** A convened meeting starting in two days unless told (by SQL: convening it so late would break the notice period). */
  async function convenedSoon(hoursAhead = 48): Promise<string> {
    const rows = (await ctx.db.query(
      `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
       VALUES ($1, 'working_group', 'Urgent meeting', now() + make_interval(hours => $2), now() + make_interval(hours => $2 + 3), 'UTC', 'convened', now()) RETURNING id`,
      [w.councilId, hoursAhead],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  function addItem(meetingId: string, body: Record<string, unknown>, actor?: Actor) {
    const req = actor
      ? ctx
          .anonymous()
          .post(`${agendaOf(meetingId)}/items`)
          .set(actor.auth)
      : ctx.http().post(`${agendaOf(meetingId)}/items`);
    return req.send(body);
  }

  async function agenda(meetingId: string): Promise<Record<string, any>> {
    return (await ctx.http().get(agendaOf(meetingId)).expect(200)).body;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx, 'agenda');
    other = await world(ctx, 'agenda-other');
  });
  afterAll(() => ctx.close());

  describe('building a draft agenda', () => {
    it('starts empty, appends items in order, each audited; the council’s delegates read it', async () => {
      const meetingId = await draftMeeting();
      expect(await agenda(meetingId)).toEqual({
        meetingId,
        councilId: w.councilId,
        status: 'draft',
        circulatedAt: null,
        adoptedAt: null,
        supplementaryDeadline: null,
        version: 1,
        items: [],
      });

      const first = await addItem(meetingId, {
        title: { es: '  Movilidad laboral ', en: 'Labour mobility' },
        purpose: 'decision',
        presenterParticipantId: w.canada,
        minutesAllotted: 45,
        concernsPermanentParticipants: true,
        documents: [{ title: 'Draft decision', url: 'https://docs.example.org/draft.pdf' }],
      });
      expect({ status: first.status, body: first.body }).toMatchObject({ status: 201 });
      expect(first.body).toMatchObject({
        meetingId,
        councilId: w.councilId,
        position: 1,
        title: { es: 'Movilidad laboral', en: 'Labour mobility' },
        purpose: 'decision',
        presenterParticipantId: w.canada,
        minutesAllotted: 45,
        concernsPermanentParticipants: true,
        supplementary: false,
        acceptedByChair: false,
        documents: [{ title: 'Draft decision', url: 'https://docs.example.org/draft.pdf' }],
        status: 'scheduled',
        version: 1,
      });
      const second = (await addItem(meetingId, item('2', { title: { en: 'Only English' }, purpose: 'information' })).expect(201)).body;
      const third = (await addItem(meetingId, item('3', { purpose: 'aob' })).expect(201)).body;
      expect([second.position, third.position]).toEqual([2, 3]);
      expect(second).toMatchObject({ presenterParticipantId: null, minutesAllotted: null, concernsPermanentParticipants: false, documents: [] });

      const read = await ctx.anonymous().get(agendaOf(meetingId)).set(w.delegate.auth).expect(200);
      expect(read.body.items.map((i: { id: string }) => i.id)).toEqual([first.body.id, second.id, third.id]);
      expect(read.body).toMatchObject({ status: 'draft', version: 4 });
      await ctx.anonymous().get(agendaOf(meetingId)).expect(401);

      const audit = await auditOf('agenda_item', first.body.id);
      expect(audit.map((a) => a.action)).toEqual(['agenda_item.created']);
      expect(audit[0]!.after).toMatchObject({ id: first.body.id, position: 1, title: { es: 'Movilidad laboral' } });
    });

    it('reorders every item in one go; a partial, duplicated or stale order is refused and changes nothing', async () => {
      const meetingId = await draftMeeting();
      const ids: string[] = [];
      for (const n of ['a', 'b', 'c', 'd']) ids.push((await addItem(meetingId, item(n)).expect(201)).body.id);
      const version = (await agenda(meetingId)).version as number;

      const before = await snapshot();
      const partial = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/reorder`)
        .send({ version, itemIds: ids.slice(0, 3) })
        .expect(400);
      expect(partial.body).toMatchObject({ errors: [expect.objectContaining({ field: 'itemIds' })], details: { missing: [ids[3]] } });
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/reorder`)
        .send({ version, itemIds: [...ids, ids[0]] })
        .expect(400);
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/reorder`)
        .send({ version, itemIds: [...ids.slice(0, 3), randomUUID()] })
        .expect(400);
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/reorder`)
        .send({ version, itemIds: ['nope'] })
        .expect(400);
      const stale = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/reorder`)
        .send({ version: version - 1, itemIds: [...ids].reverse() })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect(await snapshot()).toEqual(before);

      // Reversing swaps every position: the unique key on positions is checked at commit.
      const reversed = [...ids].reverse();
      const res = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/reorder`)
        .send({ version, itemIds: reversed })
        .expect(200);
      expect(res.body.items.map((i: { id: string; position: number }) => [i.id, i.position])).toEqual(reversed.map((id, k) => [id, k + 1]));
      expect(res.body.version).toBe(version + 1);
      expect(await auditOf('meeting_agenda', meetingId)).toEqual([{ action: 'agenda.reordered', before: { itemIds: ids }, after: { itemIds: reversed } }]);
    });

    it('items added at the same time each get their own place', async () => {
      const meetingId = await draftMeeting();
      const results = await Promise.all(Array.from({ length: 12 }, (_x, k) => addItem(meetingId, item(String(k)))));
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
      expect(results.map((r) => r.body.position as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_x, k) => k + 1));
      expect((await agenda(meetingId)).version).toBe(13);
    });

    it('deletes an item of a draft agenda (at its version) and closes the gap', async () => {
      const meetingId = await draftMeeting();
      const [a, b, c] = [
        (await addItem(meetingId, item('a')).expect(201)).body,
        (await addItem(meetingId, item('b')).expect(201)).body,
        (await addItem(meetingId, item('c')).expect(201)).body,
      ];
      await ctx
        .http()
        .delete(`${agendaOf(meetingId)}/items/${b.id}`)
        .query({ version: 2 })
        .expect(409);
      await ctx
        .http()
        .delete(`${agendaOf(meetingId)}/items/${b.id}`)
        .expect(400);
      const res = await ctx
        .http()
        .delete(`${agendaOf(meetingId)}/items/${b.id}`)
        .query({ version: 1 })
        .expect(200);
      expect(res.body.items.map((i: { id: string; position: number }) => [i.id, i.position])).toEqual([
        [a.id, 1],
        [c.id, 2],
      ]);
      expect((await auditOf('agenda_item', b.id)).map((x) => x.action)).toEqual(['agenda_item.created', 'agenda_item.deleted']);
      await ctx
        .http()
        .delete(`${agendaOf(meetingId)}/items/${b.id}`)
        .query({ version: 1 })
        .expect(404);
    });

    it('edits an item at its version; a stale version or a foreign presenter is refused', async () => {
      const meetingId = await draftMeeting();
      const it0 = (await addItem(meetingId, item('x')).expect(201)).body;
      const res = await ctx
        .http()
        .patch(`${agendaOf(meetingId)}/items/${it0.id}`)
        .send({ version: 1, title: { es: 'Nuevo', en: 'New' }, purpose: 'decision', minutesAllotted: 30, presenterParticipantId: w.mexico })
        .expect(200);
      expect(res.body).toMatchObject({
        title: { es: 'Nuevo', en: 'New' },
        purpose: 'decision',
        minutesAllotted: 30,
        presenterParticipantId: w.mexico,
        version: 2,
      });
      const cleared = await ctx
        .http()
        .patch(`${agendaOf(meetingId)}/items/${it0.id}`)
        .send({ version: 2, minutesAllotted: null, presenterParticipantId: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ minutesAllotted: null, presenterParticipantId: null, version: 3 });

      const before = await snapshot();
      expect(
        (
          await ctx
            .http()
            .patch(`${agendaOf(meetingId)}/items/${it0.id}`)
            .send({ version: 1, purpose: 'aob' })
            .expect(409)
        ).body.code,
      ).toBe('STALE_VERSION');
      await ctx
        .http()
        .patch(`${agendaOf(meetingId)}/items/${it0.id}`)
        .send({ version: 3, presenterParticipantId: other.mexico })
        .expect(404);
      await ctx
        .http()
        .patch(`${agendaOf(meetingId)}/items/${it0.id}`)
        .send({ version: 3, title: { pt: 'Novo' } })
        .expect(400);
      await ctx
        .http()
        .patch(`${agendaOf(meetingId)}/items/${it0.id}`)
        .send({ version: 3, supplementary: true })
        .expect(400);
      expect(await snapshot()).toEqual(before);
      expect((await auditOf('agenda_item', it0.id)).map((x) => x.action)).toEqual(['agenda_item.created', 'agenda_item.updated', 'agenda_item.updated']);
    });

    it('404s a meeting or an item of another council, and an unknown meeting; nothing is written', async () => {
      const meetingId = await draftMeeting();
      const mine = (await addItem(meetingId, item('m')).expect(201)).body;
      const otherMeeting = await draftMeeting();
      const before = await snapshot();
      await ctx.http().get(`/councils/${other.councilId}/meetings/${meetingId}/agenda`).expect(404);
      await ctx.http().post(`/councils/${other.councilId}/meetings/${meetingId}/agenda/items`).send(item('z')).expect(404);
      await ctx.http().get(`${meetings()}/${randomUUID()}/agenda`).expect(404);
      await addItem(randomUUID(), item('z')).expect(404);
      await ctx
        .http()
        .patch(`${agendaOf(otherMeeting)}/items/${mine.id}`)
        .send({ version: 1, purpose: 'aob' })
        .expect(404);
      await ctx.http().get(`${meetings()}/not-a-uuid/agenda`).expect(400);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('bad input → 400 naming the field, nothing written', () => {
    let meetingId: string;
    beforeAll(async () => {
      meetingId = await draftMeeting();
    });

    it.each([
      ['a language the council does not work in', { title: { es: 'Punto', fr: 'Point' } }, 'title.fr'],
      ['an unknown language code', { title: { xx: 'Point' } }, 'title.xx'],
      ['an empty title', { title: {} }, 'title'],
      ['a blank title', { title: { es: '   ' } }, 'title.es'],
      ['a title that is not text', { title: { es: 42 } }, 'title.es'],
      ['a title that is a string', { title: 'Punto' }, 'title'],
      ['no title', { title: undefined }, 'title'],
      ['an unknown purpose', { purpose: 'vote' }, 'purpose'],
      ['zero minutes', { minutesAllotted: 0 }, 'minutesAllotted'],
      ['a non-http document link', { documents: [{ title: 'Paper', url: 'ftp://docs.example.org/paper.pdf' }] }, 'documents.0.url'],
      ['a javascript: link', { documents: [{ title: 'Paper', url: 'javascript:alert(1)' }] }, 'documents.0.url'],
      ['a document without a title', { documents: [{ url: 'https://docs.example.org/p.pdf' }] }, 'documents.0.title'],
      ['an unknown field in a document', { documents: [{ title: 'P', url: 'https://docs.example.org/p.pdf', size: 3 }] }, 'documents.0.size'],
      ['an unknown field: position', { position: 1 }, 'position'],
      ['an unknown field: supplementary', { supplementary: true }, 'supplementary'],
      ['an unknown field: status', { status: 'withdrawn' }, 'status'],
      ['a presenter that is not a uuid', { presenterParticipantId: 'mexico' }, 'presenterParticipantId'],
    ])('%s', async (_name, patch, field) => {
      const before = await snapshot();
      const res = await addItem(meetingId, { ...item('bad'), ...patch });
      expect({ status: res.status, fields: (res.body.errors as { field: string }[] | undefined)?.map((e) => e.field) }).toEqual({
        status: 400,
        fields: expect.arrayContaining([field]),
      });
      expect(await snapshot()).toEqual(before);
    });

    it('a presenter of another council is a 404, nothing written', async () => {
      const before = await snapshot();
      const res = await addItem(meetingId, item('p', { presenterParticipantId: other.canada })).expect(404);
      expect(res.body.details).toMatchObject({ entity: 'participant' });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('circulation, supplementary items and adoption', () => {
    it('circulates the draft of a convened meeting, fixing the supplementary deadline; later items are supplementary', async () => {
      const meetingId = await draftMeeting();
      const empty = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/circulate`)
        .send({ version: 1 })
        .expect(409);
      expect(empty.body).toMatchObject({ code: 'MEETING_NOT_CONVENED', details: { meetingStatus: 'draft' } });
      const first = (await addItem(meetingId, item('1')).expect(201)).body;
      const second = (await addItem(meetingId, item('2')).expect(201)).body;
      await transition(meetingId, 'convened');

      const { version } = await agenda(meetingId);
      const before = await snapshot();
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/circulate`)
        .send({ version: version + 1 })
        .expect(409);
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/circulate`)
        .send({})
        .expect(400);
      expect(await snapshot()).toEqual(before);

      const res = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/circulate`)
        .send({ version })
        .expect(200);
      const startsAt = (await meetingRow(meetingId)).starts_at;
      expect(res.body).toMatchObject({
        status: 'circulated',
        version: version + 1,
        supplementaryDeadline: new Date(startsAt.getTime() - 72 * HOUR).toISOString(),
      });
      expect(Date.now() - new Date(res.body.circulatedAt).getTime()).toBeLessThan(60_000);
      // The meeting follows: convened → agenda_circulated.
      expect((await ctx.http().get(`${meetings()}/${meetingId}`).expect(200)).body.status).toBe('agenda_circulated');
      expect((await auditOf('meeting_agenda', meetingId)).map((a) => a.action)).toEqual(['agenda.circulated']);
      expect((await auditOf('meeting', meetingId)).map((a) => a.action)).toEqual(['meeting.created', 'meeting.convened', 'meeting.agenda_circulated']);

      const again = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/circulate`)
        .send({ version: version + 1 })
        .expect(409);
      expect(again.body.code).toBe('AGENDA_ALREADY_CIRCULATED');

      const late = (await addItem(meetingId, item('3')).expect(201)).body;
      expect(late).toMatchObject({ position: 3, supplementary: true, acceptedByChair: false });

      // Once circulated, items are withdrawn, not deleted.
      const del = await ctx
        .http()
        .delete(`${agendaOf(meetingId)}/items/${second.id}`)
        .query({ version: 1 })
        .expect(409);
      expect(del.body.code).toBe('AGENDA_NOT_DRAFT');
      const withdrawn = await ctx
        .http()
        .patch(`${agendaOf(meetingId)}/items/${second.id}`)
        .send({ version: 1, status: 'withdrawn' })
        .expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', position: 2 });
      expect((await auditOf('agenda_item', second.id)).map((a) => a.action)).toEqual(['agenda_item.created', 'agenda_item.withdrawn']);
      const final = await agenda(meetingId);
      expect(final.items.map((i: { id: string }) => i.id)).toEqual([first.id, second.id, late.id]);
    });

    it('refuses new items after the supplementary deadline (409 with the deadline) unless the chair accepts them', async () => {
      const meetingId = await convenedSoon();
      await addItem(meetingId, item('1')).expect(201);
      const circulated = (
        await ctx
          .http()
          .post(`${agendaOf(meetingId)}/circulate`)
          .send({ version: 2 })
          .expect(200)
      ).body;
      const deadline = circulated.supplementaryDeadline as string;
      expect(new Date(deadline).getTime()).toBeLessThan(Date.now()); // two days before the start is already past the 72 hours

      const before = await snapshot();
      const refused = await addItem(meetingId, item('late')).expect(409);
      expect(refused.body).toMatchObject({ code: 'SUPPLEMENTARY_DEADLINE_PASSED', details: { deadline } });
      expect(refused.body.message).toContain(deadline);
      // The secretariat cannot accept on the chair's behalf; the chair must ask for it.
      const notChair = await addItem(meetingId, item('late', { acceptedByChair: true })).expect(403);
      expect(notChair.body).toMatchObject({ code: 'CHAIR_ONLY', errors: [expect.objectContaining({ field: 'acceptedByChair' })] });
      await addItem(meetingId, item('late'), w.chair).expect(409);
      await addItem(meetingId, item('late', { acceptedByChair: true }), w.delegate).expect(403);
      expect(await snapshot()).toEqual(before);

      const accepted = await addItem(meetingId, item('late', { acceptedByChair: true, purpose: 'aob' }), w.chair);
      expect({ status: accepted.status, body: accepted.body }).toMatchObject({
        status: 201,
        body: { position: 2, supplementary: true, acceptedByChair: true, purpose: 'aob' },
      });
      const audit = await ctx.db.query(`SELECT actor_id AS "actorId", action FROM audit_log WHERE entity_id = $1`, [accepted.body.id]);
      expect(audit).toEqual([{ actorId: w.chair.userId, action: 'agenda_item.created' }]);
    });

    it('the chair adds items before the deadline like the secretariat; delegates cannot add or manage items', async () => {
      const meetingId = await draftMeeting();
      const byChair = (await addItem(meetingId, item('c'), w.chair).expect(201)).body;
      expect(byChair).toMatchObject({ supplementary: false, acceptedByChair: false });
      await addItem(meetingId, item('d'), w.delegate).expect(403);
      await ctx
        .anonymous()
        .patch(`${agendaOf(meetingId)}/items/${byChair.id}`)
        .set(w.chair.auth)
        .send({ version: 1, purpose: 'aob' })
        .expect(403);
      await ctx
        .anonymous()
        .post(`${agendaOf(meetingId)}/circulate`)
        .set(w.chair.auth)
        .send({ version: 2 })
        .expect(403);
    });

    it('adopts the circulated agenda once the meeting is in session', async () => {
      const meetingId = await draftMeeting();
      await addItem(meetingId, item('1')).expect(201);
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/adopt`)
        .send({ version: 2 })
        .expect(409);
      await transition(meetingId, 'convened');
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/circulate`)
        .send({ version: 2 })
        .expect(200);

      const early = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/adopt`)
        .send({ version: 3 })
        .expect(409);
      expect(early.body).toMatchObject({ code: 'MEETING_NOT_IN_SESSION', details: { meetingStatus: 'agenda_circulated' } });
      await transition(meetingId, 'in_session');
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/adopt`)
        .send({ version: 2 })
        .expect(409);
      const res = await ctx
        .http()
        .post(`${agendaOf(meetingId)}/adopt`)
        .send({ version: 3 })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'adopted', version: 4 });
      expect(res.body.adoptedAt).not.toBeNull();
      expect(
        (
          await ctx
            .http()
            .post(`${agendaOf(meetingId)}/adopt`)
            .send({ version: 4 })
            .expect(409)
        ).body.code,
      ).toBe('AGENDA_NOT_CIRCULATED');
      expect((await auditOf('meeting_agenda', meetingId)).map((a) => a.action)).toEqual(['agenda.circulated', 'agenda.adopted']);
    });

    it('a closed or cancelled meeting takes no new items and its agenda no longer changes', async () => {
      const closed = await draftMeeting();
      const kept = (await addItem(closed, item('1')).expect(201)).body;
      await transition(closed, 'convened');
      await transition(closed, 'in_session');
      await transition(closed, 'closed');
      const cancelled = await draftMeeting();
      await transition(cancelled, 'cancelled');

      const before = await snapshot();
      for (const meetingId of [closed, cancelled]) {
        const res = await addItem(meetingId, item('x')).expect(409);
        expect(res.body).toMatchObject({ code: 'AGENDA_CLOSED' });
        await addItem(meetingId, item('x', { acceptedByChair: true }), w.chair).expect(409);
      }
      await ctx
        .http()
        .patch(`${agendaOf(closed)}/items/${kept.id}`)
        .send({ version: 1, status: 'withdrawn' })
        .expect(409);
      await ctx
        .http()
        .delete(`${agendaOf(closed)}/items/${kept.id}`)
        .query({ version: 1 })
        .expect(409);
      await ctx
        .http()
        .post(`${agendaOf(closed)}/reorder`)
        .send({ version: 2, itemIds: [kept.id] })
        .expect(409);
      await ctx
        .http()
        .post(`${agendaOf(closed)}/circulate`)
        .send({ version: 2 })
        .expect(409);
      expect(await snapshot()).toEqual(before);
      // It can still be read.
      expect((await agenda(closed)).items.map((i: { id: string }) => i.id)).toEqual([kept.id]);
    });
  });

  describe('carrying items forward', () => {
    /** A convened meeting 60 days ahead whose circulated agenda holds two items. */
    async function circulatedSource(): Promise<{ meetingId: string; a: Record<string, any>; b: Record<string, any> }> {
      const meetingId = await draftMeeting(60);
      const a = (
        await addItem(
          meetingId,
          item('a', {
            purpose: 'decision',
            minutesAllotted: 20,
            presenterParticipantId: w.canada,
            documents: [{ title: 'Paper', url: 'https://docs.example.org/a.pdf' }],
          }),
        ).expect(201)
      ).body;
      const b = (await addItem(meetingId, item('b')).expect(201)).body;
      await transition(meetingId, 'convened');
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/circulate`)
        .send({ version: 3 })
        .expect(200);
      return { meetingId, a, b };
    }
    const carry = (meetingId: string, itemId: string, body: Record<string, unknown>) =>
      ctx
        .http()
        .post(`${agendaOf(meetingId)}/items/${itemId}/carry-forward`)
        .send(body);

    it('copies the item onto a later agenda and marks the original carried_forward; deleting the copy puts it back', async () => {
      const { meetingId, a, b } = await circulatedSource();
      const target = await draftMeeting(120);
      await addItem(target, item('t')).expect(201);

      const res = await carry(meetingId, a.id, { version: 1, toMeetingId: target });
      expect({ status: res.status, body: res.body }).toMatchObject({
        status: 201,
        body: {
          meetingId: target,
          position: 2,
          title: a.title,
          purpose: 'decision',
          minutesAllotted: 20,
          presenterParticipantId: w.canada,
          documents: a.documents,
          status: 'scheduled',
          supplementary: false,
          carriedFromItemId: a.id,
          version: 1,
        },
      });
      const source = await agenda(meetingId);
      expect(source.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
        [a.id, 'carried_forward'],
        [b.id, 'scheduled'],
      ]);
      const audit = await auditOf('agenda_item', a.id);
      expect(audit.map((x) => x.action)).toEqual(['agenda_item.created', 'agenda_item.carried_forward']);
      expect(audit[1]!.after).toMatchObject({ status: 'carried_forward', carriedTo: { meetingId: target, itemId: res.body.id } });

      const before = await snapshot();
      expect((await carry(meetingId, a.id, { version: 2, toMeetingId: target }).expect(409)).body.code).toBe('ITEM_NOT_SCHEDULED');
      expect((await carry(meetingId, a.id, { version: 1, toMeetingId: target }).expect(409)).body.code).toBe('STALE_VERSION');
      expect(
        (
          await ctx
            .http()
            .patch(`${agendaOf(meetingId)}/items/${a.id}`)
            .send({ version: 2, status: 'scheduled' })
            .expect(409)
        ).body.code,
      ).toBe('ITEM_CARRIED_FORWARD');
      await ctx
        .http()
        .patch(`${agendaOf(meetingId)}/items/${a.id}`)
        .send({ version: 2, status: 'carried_forward' })
        .expect(400);
      expect(await snapshot()).toEqual(before);

      // The target agenda is still a draft: deleting the copy undoes the carry.
      await ctx
        .http()
        .delete(`${agendaOf(target)}/items/${res.body.id}`)
        .query({ version: 1 })
        .expect(200);
      expect((await agenda(meetingId)).items[0]).toMatchObject({ id: a.id, status: 'scheduled', version: 3 });
      expect((await auditOf('agenda_item', a.id)).map((x) => x.action)).toEqual([
        'agenda_item.created',
        'agenda_item.carried_forward',
        'agenda_item.carry_forward_undone',
      ]);
    });

    it('carries from a closed meeting; onto a circulated agenda the copy is supplementary', async () => {
      const { meetingId, b } = await circulatedSource();
      await transition(meetingId, 'in_session');
      await transition(meetingId, 'closed');
      const target = await draftMeeting(120);
      await addItem(target, item('t')).expect(201);
      await transition(target, 'convened');
      await ctx
        .http()
        .post(`${agendaOf(target)}/circulate`)
        .send({ version: 2 })
        .expect(200);
      const res = await carry(meetingId, b.id, { version: 1, toMeetingId: target }).expect(201);
      expect(res.body).toMatchObject({ meetingId: target, supplementary: true, carriedFromItemId: b.id });
    });

    it('refuses an earlier, closed, foreign or same meeting, a draft source agenda, or a target past its deadline; nothing changes', async () => {
      const { meetingId, a } = await circulatedSource();
      const earlier = await draftMeeting(30);
      const cancelled = await draftMeeting(120);
      await transition(cancelled, 'cancelled');
      const draftSource = await draftMeeting(50);
      const draftItem = (await addItem(draftSource, item('d')).expect(201)).body;
      const later = await draftMeeting(120);
      const soon = await convenedSoon();
      await addItem(soon, item('s')).expect(201);
      await ctx
        .http()
        .post(`${agendaOf(soon)}/circulate`)
        .send({ version: 2 })
        .expect(200);
      const foreign = (
        await ctx
          .http()
          .post(`/councils/${other.councilId}/meetings`)
          .send({ kind: 'working_group', title: 'Other', startsAt: at(200 * DAY).toISOString(), endsAt: at(200 * DAY + HOUR).toISOString(), timeZone: 'UTC' })
          .expect(201)
      ).body.id as string;

      const before = await snapshot();
      const refusals: [string, string, Record<string, unknown>, number, string][] = [
        ['earlier', meetingId, { version: 1, toMeetingId: earlier }, 409, 'TARGET_NOT_LATER'],
        ['cancelled', meetingId, { version: 1, toMeetingId: cancelled }, 409, 'AGENDA_CLOSED'],
        ['foreign', meetingId, { version: 1, toMeetingId: foreign }, 404, 'NOT_FOUND'],
        ['same', meetingId, { version: 1, toMeetingId: meetingId }, 400, 'VALIDATION_FAILED'],
        ['not a uuid', meetingId, { version: 1, toMeetingId: 'later' }, 400, 'VALIDATION_FAILED'],
        ['draft source', draftSource, { version: 1, toMeetingId: later }, 409, 'AGENDA_NOT_CIRCULATED'],
      ];
      for (const [name, from, body, status, code] of refusals) {
        const itemId = from === draftSource ? draftItem.id : a.id;
        const res = await carry(from, itemId, body);
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
      }
      expect((await carry(meetingId, a.id, { version: 1, toMeetingId: soon }).expect(409)).body.code).toBe('TARGET_NOT_LATER');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a target whose supplementary deadline has passed (409 with the deadline)', async () => {
      const source = await convenedSoon(24);
      const first = (await addItem(source, item('1')).expect(201)).body;
      await ctx
        .http()
        .post(`${agendaOf(source)}/circulate`)
        .send({ version: 2 })
        .expect(200);
      const target = await convenedSoon(48);
      await addItem(target, item('t')).expect(201);
      const deadline = (
        await ctx
          .http()
          .post(`${agendaOf(target)}/circulate`)
          .send({ version: 2 })
          .expect(200)
      ).body.supplementaryDeadline as string;
      const before = await snapshot();
      const res = await carry(source, first.id, { version: 1, toMeetingId: target }).expect(409);
      expect(res.body).toMatchObject({
        code: 'SUPPLEMENTARY_DEADLINE_PASSED',
        details: { deadline },
        errors: [expect.objectContaining({ field: 'toMeetingId' })],
      });
      expect(await snapshot()).toEqual(before);
    });
  });
});
