import type { Actor } from './support/actors.js';
import { sessionWorld as world, type SessionWorld as World } from './support/meetings.js';
import { createTestContext, type TestContext } from './support/test-app.js';

describe('meetings in session: attendance, quorum and decisions', () => {
  let ctx: TestContext;
  let w: World;

  const base = (meetingId: string) => `/councils/${w.councilId}/meetings/${meetingId}`;
  const as = (actor: Actor, method: 'get' | 'post' | 'put' | 'delete', path: string) => ctx.anonymous()[method](path).set(actor.auth);

  /** A meeting of the council in the given status (by SQL), with one scheduled agenda item. */
  async function meeting(status = 'in_session'): Promise<{ meetingId: string; itemId: string }> {
    const meetingId = (
      (await ctx.db.query(
        `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
       VALUES ($1, 'senior_officials', 'Senior officials', now() - interval '1 hour', now() + interval '5 hours', 'UTC', $2, CASE WHEN $2 <> 'draft' THEN now() - interval '90 days' END) RETURNING id`,
        [w.councilId, status],
      )) as { id: string }[]
    )[0]!.id;
    const itemId = (
      (await ctx.db.query(
        `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose) VALUES ($1, $2, 1, '{"es":"Plan de trabajo","en":"Work plan"}', 'decision') RETURNING id`,
        [w.councilId, meetingId],
      )) as { id: string }[]
    )[0]!.id;
    return { meetingId, itemId };
  }

  async function attend(meetingId: string, delegations: string[], present = true) {
    for (const d of delegations) {
      const res = await as(w.secretariat, 'put', `${base(meetingId)}/attendance/${d}`).send({ present, representedBy: present ? 'head' : null });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    }
  }

  async function propose(meetingId: string, itemId: string, actor: Actor = w.chair): Promise<Record<string, any>> {
    const res = await as(actor, 'post', `${base(meetingId)}/agenda/items/${itemId}/decisions`).send({
      text: { es: 'Se aprueba el plan', en: 'The plan is approved' },
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  }

  const close = (meetingId: string, decisionId: string, body: Record<string, unknown>, actor: Actor = w.secretariat) =>
    as(actor, 'post', `${base(meetingId)}/decisions/${decisionId}/close`).send(body);

  const snapshot = async () =>
    ctx.db.query(
      `SELECT (SELECT count(*)::int FROM audit_log) AS audit, (SELECT coalesce(sum(version), 0)::int FROM decisions) AS decision_versions,
              (SELECT count(*)::int FROM decisions WHERE status = 'closed') AS closed, (SELECT count(*)::int FROM decision_objections) AS objections,
              (SELECT count(*)::int FROM meeting_attendance) AS attendance, (SELECT coalesce(sum(version), 0)::int FROM meeting_attendance) AS attendance_versions`,
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx, 'session');
  });
  afterAll(() => ctx.close());

  describe('attendance and quorum', () => {
    it('records attendance per delegation and computes quorum from the member states present (observers and permanent participants do not count)', async () => {
      const { meetingId } = await meeting();
      const empty = await as(w.canada, 'get', `${base(meetingId)}/attendance`).expect(200);
      expect(empty.body).toEqual({
        items: [],
        quorum: expect.objectContaining({ memberStatesPresent: 0, activeMemberStates: 4, required: 3, quorumRatio: 0.75, met: false }),
      });

      const first = await as(w.secretariat, 'put', `${base(meetingId)}/attendance/${w.mx}`)
        .send({ present: true, representedBy: 'alternate' })
        .expect(200);
      expect(first.body).toMatchObject({
        meetingId,
        delegationId: w.mx,
        participantKind: 'member_state',
        present: true,
        representedBy: 'alternate',
        version: 1,
      });
      await attend(meetingId, [w.ca, w.pp, w.obs]);
      await attend(meetingId, [w.gt], false);
      let list = await ctx
        .http()
        .get(`${base(meetingId)}/attendance`)
        .expect(200);
      expect(list.body.items).toHaveLength(5);
      expect(list.body.quorum).toMatchObject({ memberStatesPresent: 2, activeMemberStates: 4, required: 3, met: false });
      expect(list.body.quorum.rule).toContain('75%');

      await attend(meetingId, [w.gt]);
      list = await ctx
        .http()
        .get(`${base(meetingId)}/attendance`)
        .expect(200);
      expect(list.body.quorum).toMatchObject({ memberStatesPresent: 3, required: 3, met: true });
      expect(list.body.items.find((i: { delegationId: string }) => i.delegationId === w.gt)).toMatchObject({ present: true, version: 2 });

      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_type = 'meeting_attendance' AND entity_id = $1`, [
        `${meetingId}:${w.gt}`,
      ])) as unknown[];
      expect(audit).toHaveLength(2);
    });

    it('only while the meeting is in session: 409 naming the allowed state, nothing changed', async () => {
      const { meetingId } = await meeting('convened');
      const before = await snapshot();
      const res = await as(w.secretariat, 'put', `${base(meetingId)}/attendance/${w.mx}`)
        .send({ present: true })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'MEETING_NOT_IN_SESSION', details: { meetingStatus: 'convened', allowedMeetingStatuses: ['in_session'] } });
      expect(await snapshot()).toEqual(before);
    });

    it('bad input is a 400 naming the field; a delegation of another council is a 404; delegates cannot record attendance', async () => {
      const { meetingId } = await meeting();
      const other = await world(ctx, 'session-other');
      const before = await snapshot();
      const cases: [Record<string, unknown>, string][] = [
        [{ present: 'yes' }, 'present'],
        [{}, 'present'],
        [{ present: true, representedBy: 'minister' }, 'representedBy'],
        [{ present: false, representedBy: 'head' }, 'representedBy'],
      ];
      for (const [body, field] of cases) {
        const res = await as(w.secretariat, 'put', `${base(meetingId)}/attendance/${w.mx}`).send(body);
        expect({ body, status: res.status, fields: [...new Set((res.body.errors as { field: string }[]).map((e) => e.field))] }).toEqual({
          body,
          status: 400,
          fields: [field],
        });
      }
      await as(w.secretariat, 'put', `${base(meetingId)}/attendance/${other.ca}`)
        .send({ present: true })
        .expect(404);
      await as(w.secretariat, 'put', `${base(meetingId)}/attendance/not-a-uuid`)
        .send({ present: true })
        .expect(400);
      await as(w.canada, 'put', `${base(meetingId)}/attendance/${w.ca}`)
        .send({ present: true })
        .expect(403);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('decisions by consensus', () => {
    it('is adopted when quorum is met and nobody objects; a permanent participant’s concern is recorded, not blocking; the public reads it', async () => {
      const { meetingId, itemId } = await meeting();
      await attend(meetingId, [w.mx, w.ca, w.gt, w.pp]);
      const decision = await propose(meetingId, itemId);
      expect(decision).toMatchObject({
        meetingId,
        agendaItemId: itemId,
        status: 'proposed',
        outcome: null,
        quorum: null,
        objections: [],
        positions: [],
        version: 1,
      });

      const position = await as(w.civilSociety, 'post', `${base(meetingId)}/decisions/${decision.id}/positions`)
        .send({ position: 'concern', note: '  Consult migrant groups  ' })
        .expect(201);
      expect(position.body).toMatchObject({
        delegationId: w.pp,
        participantKind: 'permanent_participant',
        position: 'concern',
        note: 'Consult migrant groups',
      });
      // Restating replaces the position.
      await as(w.civilSociety, 'post', `${base(meetingId)}/decisions/${decision.id}/positions`)
        .send({ position: 'neutral' })
        .expect(201);
      // A permanent participant does not object: it states a position.
      const ppObjects = await as(w.civilSociety, 'post', `${base(meetingId)}/decisions/${decision.id}/objections`)
        .send({ reason: 'No' })
        .expect(409);
      expect(ppObjects.body.code).toBe('OBJECTION_MEMBER_STATES_ONLY');

      const closed = await close(meetingId, decision.id, { version: 1 }, w.chair).expect(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        outcome: 'adopted',
        quorum: { memberStatesPresent: 3, activeMemberStates: 4, required: 3 },
        positions: [expect.objectContaining({ position: 'neutral', note: null })],
        version: 2,
      });
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_type = 'decision' AND entity_id = $1 ORDER BY id`, [decision.id])) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['decision.proposed', 'decision.position_stated', 'decision.position_stated', 'decision.closed']);

      const published = await ctx.anonymous().get(`/councils/${w.councilId}/decisions`).query({ outcome: 'adopted' }).expect(200);
      expect(published.body.items).toContainEqual({
        id: decision.id,
        procedure: 'meeting',
        text: { es: 'Se aprueba el plan', en: 'The plan is approved' },
        outcome: 'adopted',
        adoptedAt: closed.body.closedAt,
        meeting: { id: meetingId, title: 'Senior officials', startsAt: expect.any(String) },
        agendaItem: { id: itemId, position: 1, title: { es: 'Plan de trabajo', en: 'Work plan' } },
        body: null,
      });
    });

    it('is not adopted while a member state present objects; a withdrawn objection no longer blocks; only its delegation withdraws it', async () => {
      const { meetingId, itemId } = await meeting();
      await attend(meetingId, [w.mx, w.ca, w.gt, w.hn]);
      const blocked = await propose(meetingId, itemId, w.secretariat);
      const objection = await as(w.canada, 'post', `${base(meetingId)}/decisions/${blocked.id}/objections`)
        .send({ reason: 'Needs a budget' })
        .expect(201);
      expect(objection.body).toMatchObject({ delegationId: w.ca, reason: 'Needs a budget', withdrawnAt: null });
      // One standing objection per delegation.
      expect(
        (
          await as(w.canada, 'post', `${base(meetingId)}/decisions/${blocked.id}/objections`)
            .send({ reason: 'Again' })
            .expect(409)
        ).body.code,
      ).toBe('DUPLICATE');
      const res = await close(meetingId, blocked.id, { version: 1 }).expect(200);
      expect(res.body).toMatchObject({ outcome: 'not_adopted', objections: [expect.objectContaining({ delegationId: w.ca, withdrawnAt: null })] });

      const second = await propose(meetingId, itemId);
      const o2 = await as(w.guatemala, 'post', `${base(meetingId)}/decisions/${second.id}/objections`)
        .send({ reason: 'Too soon' })
        .expect(201);
      await as(w.canada, 'delete', `${base(meetingId)}/decisions/${second.id}/objections/${o2.body.id}`).expect(404);
      await as(w.chair, 'delete', `${base(meetingId)}/decisions/${second.id}/objections/${o2.body.id}`).expect(404);
      const withdrawn = await as(w.guatemala, 'delete', `${base(meetingId)}/decisions/${second.id}/objections/${o2.body.id}`).expect(200);
      expect(withdrawn.body.objections).toEqual([expect.objectContaining({ id: o2.body.id, withdrawnAt: expect.any(String) })]);
      expect((await close(meetingId, second.id, { version: 1 }).expect(200)).body.outcome).toBe('adopted');

      const published = await ctx.anonymous().get(`/councils/${w.councilId}/decisions`).expect(200);
      const ids = published.body.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(second.id);
      expect(ids).not.toContain(blocked.id);
    });

    it('observers cannot object (403); an absent member state cannot object (409); nothing changes', async () => {
      const { meetingId, itemId } = await meeting();
      await attend(meetingId, [w.mx, w.ca, w.gt, w.obs]);
      const decision = await propose(meetingId, itemId);
      const before = await snapshot();
      const obs = await as(w.observer, 'post', `${base(meetingId)}/decisions/${decision.id}/objections`)
        .send({ reason: 'We disagree' })
        .expect(403);
      expect(obs.body.code).toBe('FORBIDDEN');
      await as(w.observer, 'post', `${base(meetingId)}/decisions/${decision.id}/positions`)
        .send({ position: 'concern' })
        .expect(403);
      const absent = await as(w.honduras, 'post', `${base(meetingId)}/decisions/${decision.id}/objections`)
        .send({ reason: 'Not here' })
        .expect(409);
      expect(absent.body.code).toBe('DELEGATION_NOT_PRESENT');
      // Delegates do not propose or close; the chair and the secretariat do.
      await as(w.canada, 'post', `${base(meetingId)}/agenda/items/${itemId}/decisions`)
        .send({ text: { en: 'Mine' } })
        .expect(403);
      await close(meetingId, decision.id, { version: 1 }, w.canada).expect(403);
      expect(await snapshot()).toEqual(before);
    });

    it('without quorum closing is refused with 409 naming the rule, nothing changed; it can be deferred', async () => {
      const { meetingId, itemId } = await meeting();
      await attend(meetingId, [w.mx, w.ca, w.pp, w.obs]);
      const decision = await propose(meetingId, itemId);
      const before = await snapshot();
      const res = await close(meetingId, decision.id, { version: 1 }).expect(409);
      expect(res.body).toMatchObject({ code: 'QUORUM_NOT_MET', details: { memberStatesPresent: 2, activeMemberStates: 4, required: 3, met: false } });
      expect(res.body.message).toContain('quorum');
      expect(await snapshot()).toEqual(before);
      expect((await ctx.db.query(`SELECT status, outcome, version FROM decisions WHERE id = $1`, [decision.id]))[0]).toEqual({
        status: 'proposed',
        outcome: null,
        version: 1,
      });

      const deferred = await close(meetingId, decision.id, { version: 1, outcome: 'deferred' }).expect(200);
      expect(deferred.body).toMatchObject({ status: 'closed', outcome: 'deferred', quorum: { memberStatesPresent: 2, required: 3 } });
    });

    it('is closed once only: a second close, a stale version, objections after closing and direct SQL are all refused', async () => {
      const { meetingId, itemId } = await meeting();
      await attend(meetingId, [w.mx, w.ca, w.gt]);
      const decision = await propose(meetingId, itemId);
      await close(meetingId, decision.id, { version: 2 })
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('STALE_VERSION'));
      await close(meetingId, decision.id, { version: 1 }).expect(200);
      const before = await snapshot();
      expect((await close(meetingId, decision.id, { version: 2, outcome: 'deferred' }).expect(409)).body.code).toBe('DECISION_CLOSED');
      expect((await close(meetingId, decision.id, { version: 1 }).expect(409)).body.code).toBe('DECISION_CLOSED');
      expect(
        (
          await as(w.canada, 'post', `${base(meetingId)}/decisions/${decision.id}/objections`)
            .send({ reason: 'Late' })
            .expect(409)
        ).body.code,
      ).toBe('DECISION_CLOSED');
      expect(await snapshot()).toEqual(before);
      await expect(ctx.db.query(`UPDATE decisions SET outcome = 'not_adopted' WHERE id = $1`, [decision.id])).rejects.toThrow('closed');
      await expect(ctx.db.query(`UPDATE decisions SET status = 'proposed', outcome = NULL, closed_at = NULL WHERE id = $1`, [decision.id])).rejects.toThrow(
        'closed',
      );
    });

    it('two concurrent closes: exactly one wins', async () => {
      const { meetingId, itemId } = await meeting();
      await attend(meetingId, [w.mx, w.ca, w.gt]);
      const decision = await propose(meetingId, itemId);
      const results = await Promise.all([close(meetingId, decision.id, { version: 1 }), close(meetingId, decision.id, { version: 1 }, w.chair)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'decision.closed'`, [decision.id]))[0].n).toBe(1);
    });

    it('bad input is a 400 naming the field, with nothing changed', async () => {
      const { meetingId, itemId } = await meeting();
      const decision = await propose(meetingId, itemId);
      const before = await snapshot();
      const cases: [string, string, Record<string, unknown>, string][] = [
        ['post', `${base(meetingId)}/agenda/items/${itemId}/decisions`, { text: { de: 'Beschluss' } }, 'text.de'],
        ['post', `${base(meetingId)}/agenda/items/${itemId}/decisions`, { text: { en: '   ' } }, 'text.en'],
        ['post', `${base(meetingId)}/agenda/items/${itemId}/decisions`, { text: {} }, 'text'],
        ['post', `${base(meetingId)}/agenda/items/${itemId}/decisions`, { text: 'The plan' }, 'text'],
        ['post', `${base(meetingId)}/decisions/${decision.id}/close`, { version: 1, outcome: 'adopted' }, 'outcome'],
        ['post', `${base(meetingId)}/decisions/${decision.id}/close`, {}, 'version'],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await as(w.secretariat, method as 'post', path).send(body);
        expect({ body, status: res.status, fields: [...new Set((res.body.errors as { field: string }[] | undefined)?.map((e) => e.field))] }).toEqual({
          body,
          status: 400,
          fields: [field],
        });
      }
      const reason = await as(w.canada, 'post', `${base(meetingId)}/decisions/${decision.id}/objections`).send({ reason: '' });
      expect({ status: reason.status, field: reason.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'reason' });
      const position = await as(w.civilSociety, 'post', `${base(meetingId)}/decisions/${decision.id}/positions`).send({ position: 'maybe' });
      expect({ status: position.status, field: position.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'position' });
      await ctx.anonymous().get(`/councils/${w.councilId}/decisions`).query({ outcome: 'not_adopted' }).expect(400);
      expect(await snapshot()).toEqual(before);
    });

    it('a withdrawn agenda item takes no decision; a decision in another meeting or council is a 404; nothing outside a session', async () => {
      const { meetingId, itemId } = await meeting();
      await ctx.db.query(`UPDATE agenda_items SET status = 'withdrawn' WHERE id = $1`, [itemId]);
      expect(
        (
          await as(w.chair, 'post', `${base(meetingId)}/agenda/items/${itemId}/decisions`)
            .send({ text: { en: 'X' } })
            .expect(409)
        ).body.code,
      ).toBe('ITEM_NOT_SCHEDULED');
      const other = await meeting();
      const decision = await propose(other.meetingId, other.itemId);
      await close(meetingId, decision.id, { version: 1 }).expect(404);
      await as(w.chair, 'post', `${base(meetingId)}/agenda/items/${other.itemId}/decisions`)
        .send({ text: { en: 'X' } })
        .expect(404);
      const closedMeeting = await meeting('closed');
      expect(
        (
          await as(w.chair, 'post', `${base(closedMeeting.meetingId)}/agenda/items/${closedMeeting.itemId}/decisions`)
            .send({ text: { en: 'X' } })
            .expect(409)
        ).body.code,
      ).toBe('MEETING_NOT_IN_SESSION');
      await ctx.anonymous().get(`/councils/00000000-0000-4000-8000-000000000000/decisions`).expect(404);
      const list = await as(w.observer, 'get', `${base(other.meetingId)}/decisions`).expect(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([decision.id]);
    });
  });
});
