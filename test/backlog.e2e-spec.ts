import type { Actor } from './support/actors.js';
import { given } from './support/given.js';
import { at, DAY, HOUR } from './support/meetings.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface World {
  councilId: string;
  bodyId: string;
  otherBodyId: string;
  canada: string;
  canadaDelegation: string;
  /** A delegate of Canada. */
  canadian: Actor;
  /** A delegate of Mexico (which also chairs). */
  mexican: Actor;
}

/** A council working in Spanish and English (working groups: 20 days' notice), Mexico presiding, two delegations, two bodies. */
async function world(ctx: TestContext, slug: string): Promise<World> {
  const c = await given(ctx).council(slug);
  const member = (name: string, iso: string, position: number) => c.memberState(name, { iso, position, timeZone: 'America/Mexico_City' });
  const mexico = await member('Mexico', 'MX', 1);
  const canada = await member('Canada', 'CA', 2);
  await c.presiding(mexico);
  const mexicoDelegation = await c.delegation(mexico, 'Delegation of Mexico');
  const canadaDelegation = await c.delegation(canada, 'Delegation of Canada');
  return {
    councilId: c.id,
    bodyId: await c.body('Working Group on Labour Migration'),
    otherBodyId: await c.body('Working Group on Protection'),
    canada: canada.participantId,
    canadaDelegation,
    canadian: await c.delegate(canadaDelegation, 'head'),
    mexican: await c.delegate(mexicoDelegation, 'head'),
  };
}

describe('body backlogs and carrying an agenda forward', () => {
  let ctx: TestContext;
  let w: World;

  const backlog = (bodyId = w.bodyId) => `/councils/${w.councilId}/bodies/${bodyId}/backlog`;
  const meetings = () => `/councils/${w.councilId}/meetings`;
  const agendaOf = (meetingId: string) => `${meetings()}/${meetingId}/agenda`;
  const as = (actor: Actor, method: 'post' | 'patch' | 'get', path: string) => ctx.anonymous()[method](path).set(actor.auth);
  const item = (n: string, extra: Record<string, unknown> = {}) => ({ title: { es: `Punto ${n}`, en: `Item ${n}` }, purpose: 'discussion', ...extra });

  const backlogRow = async (id: string) =>
    ((await ctx.db.query(`SELECT status, version, agenda_item_id FROM backlog_items WHERE id = $1`, [id])) as Record<string, any>[])[0]!;
  const snapshot = async () =>
    ctx.db.query(
      `SELECT (SELECT count(*)::int FROM backlog_items) AS backlog, (SELECT count(*)::int FROM agenda_items) AS items, (SELECT count(*)::int FROM audit_log) AS audit,
              (SELECT coalesce(sum(version), 0)::int FROM backlog_items) AS backlog_versions, (SELECT coalesce(sum(version), 0)::int FROM agenda_items) AS item_versions,
              (SELECT coalesce(string_agg(id::text || status, ',' ORDER BY id), '') FROM agenda_items) AS item_statuses`,
    );

  /** A draft working-group meeting of the body (or the council when bodyId is null), `daysAhead` days from now. */
  async function draftMeeting(daysAhead: number, bodyId: string | null = w.bodyId, kind = 'working_group'): Promise<string> {
    const startsAt = at(daysAhead * DAY);
    const res = await ctx
      .http()
      .post(meetings())
      .send({
        kind,
        title: 'Meeting',
        ...(bodyId ? { bodyId } : {}),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString(),
        timeZone: 'America/Mexico_City',
      });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }

  async function transition(meetingId: string, to: string) {
    if (to === 'in_session') {
      // Opened by SQL: a session opens on the meeting's day (tested in meetings.e2e-spec), and these meetings
      // keep their dates far ahead, by which carrying forward finds the next meeting.
      await ctx.db.query(
        `UPDATE meetings SET status = 'in_session', opened_at = now(), version = version + 1 WHERE id = $1 AND status IN ('convened', 'agenda_circulated')`,
        [meetingId],
      );
      return;
    }
    const { version } = (await ctx.http().get(`${meetings()}/${meetingId}`).expect(200)).body;
    const res = await ctx.http().post(`${meetings()}/${meetingId}/transitions`).send({ to, version });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  async function circulate(meetingId: string) {
    const { version } = (await ctx.http().get(agendaOf(meetingId)).expect(200)).body;
    await ctx
      .http()
      .post(`${agendaOf(meetingId)}/circulate`)
      .send({ version })
      .expect(200);
  }

  async function addItem(meetingId: string, body: Record<string, unknown>): Promise<Record<string, any>> {
    return (
      await ctx
        .http()
        .post(`${agendaOf(meetingId)}/items`)
        .send(body)
        .expect(201)
    ).body;
  }

  async function propose(actor: Actor | null, body: Record<string, unknown> = item('x')): Promise<Record<string, any>> {
    const res = await (actor ? as(actor, 'post', backlog()) : ctx.http().post(backlog())).send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  }

  /** A decision on an agenda item, straight in the database: closed with an outcome, or still proposed. */
  async function decision(meetingId: string, itemId: string, outcome: 'adopted' | 'not_adopted' | 'deferred' | null) {
    await ctx.db.query(
      `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
       VALUES ($1, $2, $3, '{"en": "Decided"}', $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END, 2, 2, 2)`,
      [w.councilId, meetingId, itemId, outcome === null ? 'proposed' : 'closed', outcome],
    );
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx, 'backlog');
  });
  afterAll(() => ctx.close());

  describe('proposing, editing, withdrawing', () => {
    it("a delegate proposes an item for the body: recorded with the user and the delegation, audited; the secretariat's items have no delegation", async () => {
      const proposed = await propose(w.canadian, {
        title: { es: ' Vías laborales ', en: 'Labour pathways' },
        purpose: 'decision',
        description: 'Expand the pilot',
      });
      expect(proposed).toMatchObject({
        councilId: w.councilId,
        bodyId: w.bodyId,
        title: { es: 'Vías laborales', en: 'Labour pathways' },
        purpose: 'decision',
        description: 'Expand the pilot',
        proposedBy: w.canadian.userId,
        proposedByDelegationId: w.canadaDelegation,
        status: 'proposed',
        agendaItemId: null,
        meetingId: null,
        version: 1,
      });
      const bySecretariat = await propose(null, item('s'));
      expect(bySecretariat).toMatchObject({ proposedByDelegationId: null, status: 'proposed' });
      const audit = (await ctx.db.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [proposed.id])) as {
        action: string;
        actor_id: string;
      }[];
      expect(audit).toEqual([{ action: 'backlog_item.proposed', actor_id: w.canadian.userId }]);

      const list = await as(w.mexican, 'get', backlog()).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([proposed.id, bySecretariat.id]));
      const none = await ctx.http().get(backlog(w.otherBodyId)).expect(200);
      expect(none.body.items).toEqual([]);
    });

    it('refuses a title outside the working languages (400 naming it), an unknown body (404); nothing written', async () => {
      const before = await snapshot();
      const fr = await as(w.canadian, 'post', backlog()).send({ title: { fr: 'Point' }, purpose: 'discussion' });
      expect({ status: fr.status, errors: fr.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: 'title.fr' })] });
      const purpose = await as(w.canadian, 'post', backlog()).send({ title: { es: 'Punto' }, purpose: 'gossip' });
      expect(purpose.status).toBe(400);
      await as(w.canadian, 'post', `/councils/${w.councilId}/bodies/00000000-0000-4000-8000-000000000000/backlog`).send(item('y')).expect(404);
      expect(await snapshot()).toEqual(before);
    });

    it('the proposing delegation edits and withdraws its item; another delegation cannot (404, nothing changes); the secretariat can', async () => {
      const mine = await propose(w.canadian);
      const before = await snapshot();
      const edit = await as(w.mexican, 'patch', `${backlog()}/${mine.id}`).send({ version: 1, purpose: 'information' });
      expect({ status: edit.status, code: edit.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      const withdraw = await as(w.mexican, 'post', `${backlog()}/${mine.id}/withdraw`).send({ version: 1 });
      expect({ status: withdraw.status, code: withdraw.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(await snapshot()).toEqual(before);

      const edited = await as(w.canadian, 'patch', `${backlog()}/${mine.id}`)
        .send({ version: 1, title: { en: 'Renamed' }, description: 'Why' })
        .expect(200);
      expect(edited.body).toMatchObject({ title: { en: 'Renamed' }, description: 'Why', version: 2 });
      await as(w.canadian, 'patch', `${backlog()}/${mine.id}`).send({ version: 1, description: null }).expect(409);
      const gone = await as(w.canadian, 'post', `${backlog()}/${mine.id}/withdraw`).send({ version: 2 }).expect(200);
      expect(gone.body).toMatchObject({ status: 'withdrawn', version: 3 });
      const again = await as(w.canadian, 'patch', `${backlog()}/${mine.id}`).send({ version: 3, purpose: 'aob' });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'BACKLOG_ITEM_NOT_PROPOSED' });

      const theirs = await propose(w.mexican);
      await ctx.http().post(`${backlog()}/${theirs.id}/withdraw`).send({ version: 1 }).expect(200);
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [mine.id])) as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(['backlog_item.proposed', 'backlog_item.updated', 'backlog_item.withdrawn']);
    });
  });

  describe('scheduling onto a meeting of the body', () => {
    it('puts the item on the agenda, presented by the proposing delegation’s participant; deleting the agenda item puts it back in the backlog', async () => {
      const meetingId = await draftMeeting(60);
      const proposed = await propose(w.canadian, { title: { es: 'Movilidad', en: 'Mobility' }, purpose: 'decision' });
      const res = await ctx.http().post(`${backlog()}/${proposed.id}/schedule`).send({ version: 1, meetingId, minutesAllotted: 30 }).expect(201);
      expect(res.body.agendaItem).toMatchObject({
        meetingId,
        position: 1,
        title: { es: 'Movilidad', en: 'Mobility' },
        purpose: 'decision',
        presenterParticipantId: w.canada,
        minutesAllotted: 30,
        supplementary: false,
        status: 'scheduled',
      });
      expect(res.body.backlogItem).toMatchObject({ status: 'scheduled', agendaItemId: res.body.agendaItem.id, meetingId, version: 2 });
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = ANY($1) ORDER BY id`, [[proposed.id, res.body.agendaItem.id]])) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['backlog_item.proposed', 'agenda_item.created', 'backlog_item.scheduled']);
      // Already scheduled: 409.
      const twice = await ctx.http().post(`${backlog()}/${proposed.id}/schedule`).send({ version: 2, meetingId });
      expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'BACKLOG_ITEM_NOT_PROPOSED' });

      await ctx
        .http()
        .delete(`${agendaOf(meetingId)}/items/${res.body.agendaItem.id}`)
        .query({ version: 1 })
        .expect(200);
      expect(await backlogRow(proposed.id)).toEqual({ status: 'proposed', version: 3, agenda_item_id: null });
    });

    it('after circulation the item is supplementary; after the supplementary deadline it is refused and stays proposed', async () => {
      const meetingId = await draftMeeting(60);
      await addItem(meetingId, item('1'));
      await transition(meetingId, 'convened');
      await circulate(meetingId);
      const late = await propose(w.canadian);
      const res = await ctx.http().post(`${backlog()}/${late.id}/schedule`).send({ version: 1, meetingId }).expect(201);
      expect(res.body.agendaItem).toMatchObject({ supplementary: true, position: 2 });

      // A convened meeting starting in two days (by SQL: convening it so late breaks the notice), agenda circulated: deadline passed.
      const soon = (
        (await ctx.db.query(
          `INSERT INTO meetings (council_id, body_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
         VALUES ($1, $2, 'working_group', 'Urgent', now() + interval '48 hours', now() + interval '51 hours', 'UTC', 'convened', now()) RETURNING id`,
          [w.councilId, w.bodyId],
        )) as { id: string }[]
      )[0]!.id;
      await addItem(soon, item('1'));
      await circulate(soon);
      const tooLate = await propose(w.canadian);
      const before = await snapshot();
      const refused = await ctx.http().post(`${backlog()}/${tooLate.id}/schedule`).send({ version: 1, meetingId: soon });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SUPPLEMENTARY_DEADLINE_PASSED' });
      expect(await snapshot()).toEqual(before);
    });

    it("refuses another body's meeting or a council meeting (409 naming meetingId), a stale version; nothing changes", async () => {
      const proposed = await propose(w.canadian);
      const otherBody = await draftMeeting(60, w.otherBodyId);
      const council = await draftMeeting(60, null, 'senior_officials');
      const ofBody = await draftMeeting(61);
      const before = await snapshot();
      for (const meetingId of [otherBody, council]) {
        const res = await ctx.http().post(`${backlog()}/${proposed.id}/schedule`).send({ version: 1, meetingId });
        expect({ status: res.status, code: res.body.code, field: res.body.errors?.[0]?.field }).toEqual({
          status: 409,
          code: 'MEETING_OF_OTHER_BODY',
          field: 'meetingId',
        });
      }
      const stale = await ctx.http().post(`${backlog()}/${proposed.id}/schedule`).send({ version: 7, meetingId: ofBody });
      expect(stale.status).toBe(409);
      const delegate = await as(w.canadian, 'post', `${backlog()}/${proposed.id}/schedule`).send({ version: 1, meetingId: otherBody });
      expect(delegate.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('carrying a meeting’s open and undecided items forward in one call', () => {
    it('moves every open and undecided item to the next meeting of the same body that has not started, in one transaction; decided, withdrawn and excepted items stay', async () => {
      const source = await draftMeeting(100);
      const decided = await addItem(source, item('adopted', { purpose: 'decision' }));
      const rejected = await addItem(source, item('rejected', { purpose: 'decision' }));
      const deferred = await addItem(source, item('deferred', { purpose: 'decision' }));
      const pending = await addItem(source, item('pending', { purpose: 'decision' }));
      const open = await addItem(source, item('open'));
      const presented = await addItem(source, item('presented', { purpose: 'information' }));
      const withdrawn = await addItem(source, item('withdrawn'));
      await transition(source, 'convened');
      await circulate(source);
      await ctx
        .http()
        .patch(`${agendaOf(source)}/items/${withdrawn.id}`)
        .send({ version: 1, status: 'withdrawn' })
        .expect(200);
      await transition(source, 'in_session');
      await decision(source, decided.id, 'adopted');
      await decision(source, rejected.id, 'not_adopted');
      await decision(source, deferred.id, 'deferred');
      await decision(source, pending.id, null);

      // Candidates: an earlier meeting of another body, a cancelled one, a council meeting — and two later ones of the body.
      await draftMeeting(110, w.otherBodyId);
      const cancelled = await draftMeeting(111);
      await transition(cancelled, 'cancelled');
      await draftMeeting(112, null);
      const later = await draftMeeting(150);
      const next = await draftMeeting(120);

      const res = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({ exceptItemIds: [presented.id] })
        .expect(200);
      expect(res.body).toMatchObject({ fromMeetingId: source, toMeetingId: next });
      expect(res.body.items.map((i: any) => [i.fromItemId, i.reason, i.item.title.en, i.item.meetingId, i.item.carriedFromItemId])).toEqual([
        [deferred.id, 'undecided', 'Item deferred', next, deferred.id],
        [pending.id, 'undecided', 'Item pending', next, pending.id],
        [open.id, 'open', 'Item open', next, open.id],
      ]);

      const sourceAgenda = (await ctx.http().get(agendaOf(source)).expect(200)).body;
      expect(Object.fromEntries(sourceAgenda.items.map((i: any) => [i.title.en, i.status]))).toEqual({
        'Item adopted': 'scheduled',
        'Item rejected': 'scheduled',
        'Item deferred': 'carried_forward',
        'Item pending': 'carried_forward',
        'Item open': 'carried_forward',
        'Item presented': 'scheduled',
        'Item withdrawn': 'withdrawn',
      });
      const nextAgenda = (await ctx.http().get(agendaOf(next)).expect(200)).body;
      expect(nextAgenda.items.map((i: any) => [i.position, i.title.en, i.supplementary])).toEqual([
        [1, 'Item deferred', false],
        [2, 'Item pending', false],
        [3, 'Item open', false],
      ]);
      expect((await ctx.http().get(agendaOf(later)).expect(200)).body.items).toEqual([]);
      const audit = (await ctx.db.query(
        `SELECT action, after FROM audit_log WHERE entity_type = 'meeting_agenda' AND entity_id = $1 AND action = 'agenda.carried_forward'`,
        [source],
      )) as any[];
      expect(audit).toHaveLength(1);
      expect(audit[0].after.items).toHaveLength(3);

      // A second call finds nothing left to carry.
      const again = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({ exceptItemIds: [presented.id] })
        .expect(200);
      expect(again.body).toMatchObject({ toMeetingId: next, items: [] });

      // Closed meetings too: the excepted item moves now.
      await transition(source, 'closed');
      const closed = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({})
        .expect(200);
      expect(closed.body.items.map((i: any) => [i.fromItemId, i.reason])).toEqual([[presented.id, 'open']]);
    });

    it('is one transaction: when one item cannot move, none does', async () => {
      const source = await draftMeeting(300);
      const first = await addItem(source, item('first'));
      const second = await addItem(source, item('second'));
      await transition(source, 'convened');
      await circulate(source);
      await transition(source, 'in_session');
      const next = await draftMeeting(320);
      // A stray copy of the second item elsewhere (by SQL): carrying it again breaks agenda_items_carried_from_key.
      const elsewhere = await draftMeeting(330, w.otherBodyId);
      await ctx.db.query(
        `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose, carried_from_item_id) VALUES ($1, $2, 1, '{"en": "Stray copy"}', 'discussion', $3)`,
        [w.councilId, elsewhere, second.id],
      );
      const before = await snapshot();
      const res = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({});
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'DUPLICATE' });
      expect(await snapshot()).toEqual(before);
      expect((await ctx.http().get(agendaOf(next)).expect(200)).body.items).toEqual([]);
      expect((await ctx.http().get(agendaOf(source)).expect(200)).body.items.map((i: any) => [i.id, i.status])).toEqual([
        [first.id, 'scheduled'],
        [second.id, 'scheduled'],
      ]);
    });

    it('a council meeting carries to the next council meeting of the same kind', async () => {
      const source = await draftMeeting(200, null, 'senior_officials');
      const left = await addItem(source, item('left'));
      await transition(source, 'convened');
      await circulate(source);
      await transition(source, 'in_session');
      await draftMeeting(205, null, 'working_group');
      await draftMeeting(206, w.bodyId, 'senior_officials');
      const next = await draftMeeting(230, null, 'senior_officials');
      const res = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({})
        .expect(200);
      expect(res.body).toMatchObject({ toMeetingId: next, items: [{ fromItemId: left.id, reason: 'open' }] });
    });

    it('409 NO_NEXT_MEETING when the body has no later meeting, 409 MEETING_NOT_HELD before the session, 400 for an unknown excepted item; nothing changes', async () => {
      const lonelyBody = await given(ctx).inCouncil(w.councilId).body('Lonely group');
      const source = await draftMeeting(100, lonelyBody);
      await addItem(source, item('1'));
      const draft = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({});
      expect({ status: draft.status, code: draft.body.code }).toEqual({ status: 409, code: 'MEETING_NOT_HELD' });
      await transition(source, 'convened');
      await circulate(source);
      await transition(source, 'in_session');
      const before = await snapshot();
      const none = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({});
      expect({ status: none.status, code: none.body.code, details: none.body.details }).toEqual({
        status: 409,
        code: 'NO_NEXT_MEETING',
        details: expect.objectContaining({ bodyId: lonelyBody }),
      });
      // An earlier meeting of the body, or a cancelled later one, is no next meeting.
      const cancelled = await draftMeeting(130, lonelyBody);
      await transition(cancelled, 'cancelled');
      const still = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({});
      expect(still.body.code).toBe('NO_NEXT_MEETING');
      await draftMeeting(140, lonelyBody);
      const unknown = await ctx
        .http()
        .post(`${agendaOf(source)}/carry-forward`)
        .send({ exceptItemIds: ['00000000-0000-4000-8000-000000000000'] });
      expect({ status: unknown.status, field: unknown.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'exceptItemIds' });
      const snap = await snapshot();
      expect(snap[0].items).toBe(before[0].items);
      expect(snap[0].item_statuses).toBe(before[0].item_statuses);
      const delegate = await as(w.canadian, 'post', `${agendaOf(source)}/carry-forward`).send({});
      expect(delegate.status).toBe(403);
    });
  });
});
