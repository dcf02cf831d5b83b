import type { Actor } from './support/actors.js';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface World {
  councilId: string;
  /** Delegation ids: Mexico (holds the presidency), Canada, Guatemala (leads the body), an observer. */
  mx: string;
  ca: string;
  gt: string;
  obs: string;
  bodyId: string;
  recommendationId: string;
  chair: Actor;
  canada: Actor;
  guatemala: Actor;
  observer: Actor;
  secretariat: Actor;
}

const DAY = 86_400_000;
/** A calendar day `days` from today (UTC); the council works in America/Panama (UTC−5), so ±2 days is safely past or future there. */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function world(ctx: TestContext, slug: string): Promise<World> {
  const c = await given(ctx).council(slug);
  const councilId = c.id;
  const state = (name: string, iso: string, position: number) => c.memberState(name, { iso, position, delegation: `Delegation ${name}` });
  const mx = await state('Mexico', 'MX', 1);
  const ca = await state('Canada', 'CA', 2);
  const gt = await state('Guatemala', 'GT', 3);
  const obs = await c.observer('IOM', { delegation: 'Delegation IOM' });
  await c.presiding(mx);
  const bodyId = await c.body('Working Group on Protection');
  await c.bodyLead(bodyId, gt, 400);
  const fa = (
    (await ctx.db.query(`INSERT INTO focus_areas (council_id, code, title) VALUES ($1, 'C', 'Pathways') RETURNING id`, [councilId])) as { id: string }[]
  )[0]!.id;
  const recommendationId = (
    (await ctx.db.query(
      `INSERT INTO recommendations (council_id, focus_area_id, number, title, body) VALUES ($1, $2, 5, 'Raise pathways', 'By 50,000 people') RETURNING id`,
      [councilId, fa],
    )) as { id: string }[]
  )[0]!.id;
  return {
    councilId,
    mx: mx.delegationId,
    ca: ca.delegationId,
    gt: gt.delegationId,
    obs: obs.delegationId,
    bodyId,
    recommendationId,
    chair: await c.delegate(mx, 'head'),
    canada: await c.delegate(ca, 'head'),
    guatemala: await c.delegate(gt, 'head'),
    observer: await c.delegate(obs, 'head'),
    secretariat: await c.secretariat(),
  };
}

describe('action items', () => {
  let ctx: TestContext;
  let w: World;

  const base = () => `/councils/${w.councilId}/action-items`;
  const as = (actor: Actor, method: 'get' | 'post' | 'patch', path: string) => ctx.anonymous()[method](path).set(actor.auth);

  async function create(body: Record<string, unknown>, actor: Actor = w.secretariat): Promise<{ id: string; version: number } & Record<string, unknown>> {
    const res = await as(actor, 'post', base()).send({
      title: { es: 'Tarea', en: 'Task' },
      ownerKind: 'delegation',
      ownerDelegationId: w.ca,
      dueDate: day(30),
      ...body,
    });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function row(id: string): Promise<Record<string, unknown>> {
    return ((await ctx.db.query(`SELECT * FROM action_items WHERE id = $1`, [id])) as Record<string, unknown>[])[0]!;
  }

  function move(actor: Actor, id: string, to: string, version: number, extra: Record<string, unknown> = {}) {
    return as(actor, 'post', `${base()}/${id}/transitions`).send({ to, version, ...extra });
  }

  /** A meeting in session with an agenda item and a decision in the given state (by SQL). */
  async function decision(outcome: 'adopted' | 'not_adopted' | null): Promise<{ meetingId: string; decisionId: string }> {
    const meetingId = (
      (await ctx.db.query(
        `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
       VALUES ($1, 'senior_officials', 'Senior officials', now() - interval '1 hour', now() + interval '5 hours', 'UTC', 'in_session', now() - interval '90 days') RETURNING id`,
        [w.councilId],
      )) as { id: string }[]
    )[0]!.id;
    const itemId = (
      (await ctx.db.query(
        `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose) VALUES ($1, $2, 1, '{"es":"Plan"}', 'decision') RETURNING id`,
        [w.councilId, meetingId],
      )) as { id: string }[]
    )[0]!.id;
    const decisionId = (
      (await ctx.db.query(
        outcome === null
          ? `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text) VALUES ($1, $2, $3, '{"es":"Se aprueba"}') RETURNING id`
          : `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
           VALUES ($1, $2, $3, '{"es":"Se aprueba"}', 'closed', '${outcome}', now(), 3, 3, 3) RETURNING id`,
        [w.councilId, meetingId, itemId],
      )) as { id: string }[]
    )[0]!.id;
    return { meetingId, decisionId };
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx, 'actions');
  });
  afterAll(() => ctx.close());

  describe('creating', () => {
    it('the secretariat creates an item for a delegation, with a target and the recommendation it serves; audited', async () => {
      const item = await create({
        priority: 'high',
        targetValue: 50000,
        targetUnit: 'people',
        recommendationId: w.recommendationId,
        description: { en: 'Pathways' },
      });
      expect(item).toMatchObject({
        ownerKind: 'delegation',
        ownerDelegationId: w.ca,
        ownerBodyId: null,
        status: 'open',
        priority: 'high',
        targetValue: 50000,
        targetUnit: 'people',
        sourceKind: 'recommendation',
        recommendationId: w.recommendationId,
        overdue: false,
        allowedTransitions: ['acknowledged', 'cancelled'],
        version: 1,
        createdBy: w.secretariat.userId,
      });
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_type = 'action_item' AND entity_id = $1`, [item.id])) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['action_item.created']);
      expect((await as(w.canada, 'get', `${base()}/${item.id}`).expect(200)).body.id).toBe(item.id);
    });

    it('the chair creates too; delegates and observers may not (403), and nothing is written', async () => {
      await create({}, w.chair);
      const before = (await ctx.db.query(`SELECT count(*)::int AS n FROM action_items`)) as { n: number }[];
      for (const actor of [w.canada, w.observer]) {
        const res = await as(actor, 'post', base())
          .send({ title: { es: 'x' }, ownerKind: 'delegation', ownerDelegationId: w.ca, dueDate: day(30) })
          .expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect((await ctx.db.query(`SELECT count(*)::int AS n FROM action_items`)) as { n: number }[]).toEqual(before);
    });

    it('an item of the presidency belongs to the current holder’s delegation, and its delegates move it', async () => {
      const item = await create({ ownerKind: 'presidency', ownerDelegationId: undefined });
      expect(item).toMatchObject({ ownerKind: 'presidency', ownerDelegationId: w.mx });
      await move(w.chair, item.id, 'acknowledged', 1).expect(200);
      await move(w.canada, item.id, 'in_progress', 2).expect(404);
    });

    it('refuses bad input with a 400 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ dueDate: day(-3) }, 'dueDate'],
        [{ dueDate: '2026-02-30' }, 'dueDate'],
        [{ title: { fr: 'Tâche' } }, 'title.fr'],
        [{ title: {} }, 'title'],
        [{ title: { es: '  ' } }, 'title.es'],
        [{ ownerKind: 'ministry' }, 'ownerKind'],
        [{ ownerDelegationId: undefined }, 'ownerDelegationId'],
        [{ ownerBodyId: w.bodyId }, 'ownerBodyId'],
        [{ targetValue: 50000 }, 'targetUnit'],
        [{ targetValue: -5, targetUnit: 'people' }, 'targetValue'],
        [{ priority: 'critical' }, 'priority'],
        [{ status: 'done' }, 'status'],
        [{ ownerUserId: w.guatemala.userId }, 'ownerUserId'],
      ];
      const before = (await ctx.db.query(`SELECT count(*)::int AS n FROM action_items`)) as { n: number }[];
      for (const [body, field] of cases) {
        const res = await as(w.secretariat, 'post', base()).send({
          title: { es: 'Tarea' },
          ownerKind: 'delegation',
          ownerDelegationId: w.ca,
          dueDate: day(30),
          ...body,
        });
        expect({ body, status: res.status, fields: (res.body.errors as { field: string }[] | undefined)?.map((e) => e.field) }).toEqual({
          body,
          status: 400,
          fields: [field],
        });
      }
      expect((await ctx.db.query(`SELECT count(*)::int AS n FROM action_items`)) as { n: number }[]).toEqual(before);
    });

    it('the owner must be of the council, the source must exist in it (404), a decision must be adopted (409)', async () => {
      const other = await given(ctx).council('other');
      const foreignBody = await other.body('Elsewhere');
      const send = (body: Record<string, unknown>) =>
        as(w.secretariat, 'post', base()).send({ title: { es: 'Tarea' }, ownerKind: 'delegation', ownerDelegationId: w.ca, dueDate: day(30), ...body });
      expect((await send({ ownerKind: 'body', ownerDelegationId: undefined, ownerBodyId: foreignBody })).status).toBe(404);
      expect((await send({ meetingId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      expect((await send({ recommendationId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      const proposed = await decision(null);
      const res = await send({ decisionId: proposed.decisionId });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DECISION_NOT_ADOPTED');
      const adopted = await decision('adopted');
      const ok = await create({ decisionId: adopted.decisionId });
      expect(ok).toMatchObject({ sourceKind: 'decision', decisionId: adopted.decisionId, meetingId: adopted.meetingId });
    });
  });

  describe('a decision creates items', () => {
    it('creates every item with the decision as source, in one transaction, one audit row each', async () => {
      const { meetingId, decisionId } = await decision('adopted');
      const res = await as(w.chair, 'post', `/councils/${w.councilId}/decisions/${decisionId}/action-items`)
        .send({
          items: [
            { title: { es: 'Ampliar vías' }, ownerKind: 'delegation', ownerDelegationId: w.ca, dueDate: day(60), targetValue: 50000, targetUnit: 'people' },
            { title: { es: 'Coordinar' }, ownerKind: 'body', ownerBodyId: w.bodyId, dueDate: day(90), recommendationId: w.recommendationId },
          ],
        })
        .expect(201);
      expect(res.body.items).toHaveLength(2);
      for (const item of res.body.items) expect(item).toMatchObject({ sourceKind: 'decision', decisionId, meetingId, status: 'open' });
      const audit = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'action_item.created' AND entity_id = ANY($1::text[])`, [
        res.body.items.map((i: { id: string }) => i.id),
      ])) as { n: number }[];
      expect(audit[0]!.n).toBe(2);
      const listed = await as(w.canada, 'get', `${base()}?decisionId=${decisionId}`).expect(200);
      expect(listed.body.items).toHaveLength(2);
    });

    it('is all or nothing: one bad item (naming items.1.dueDate) creates none; a decision not adopted → 409', async () => {
      const { decisionId } = await decision('adopted');
      const res = await as(w.secretariat, 'post', `/councils/${w.councilId}/decisions/${decisionId}/action-items`)
        .send({
          items: [
            { title: { es: 'Bien' }, ownerKind: 'delegation', ownerDelegationId: w.ca, dueDate: day(60) },
            { title: { es: 'Mal' }, ownerKind: 'delegation', ownerDelegationId: w.ca, dueDate: day(-5) },
          ],
        })
        .expect(400);
      expect(res.body.errors[0].field).toBe('items.1.dueDate');
      expect(((await ctx.db.query(`SELECT count(*)::int AS n FROM action_items WHERE decision_id = $1`, [decisionId])) as { n: number }[])[0]!.n).toBe(0);
      const rejected = await decision('not_adopted');
      const refused = await as(w.secretariat, 'post', `/councils/${w.councilId}/decisions/${rejected.decisionId}/action-items`)
        .send({ items: [{ title: { es: 'x' }, ownerKind: 'delegation', ownerDelegationId: w.ca, dueDate: day(60) }] })
        .expect(409);
      expect(refused.body.code).toBe('DECISION_NOT_ADOPTED');
    });
  });

  describe('the owner’s journey', () => {
    it('acknowledges, reports progress, blocks, resumes, completes; the secretariat verifies; the history keeps it all', async () => {
      const item = await create({});
      let v = 1;
      const step = async (to: string, extra: Record<string, unknown> = {}, actor: Actor = w.canada) => {
        const res = await move(actor, item.id, to, v, extra);
        expect({ to, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ to, status: 200, body: null });
        v = res.body.version;
        return res.body;
      };
      const acknowledged = await step('acknowledged');
      expect(acknowledged.acknowledgedAt).not.toBeNull();
      const early = await as(w.canada, 'post', `${base()}/${item.id}/updates`).send({ version: v, text: 'Drafting', percent: 10, rag: 'green' }).expect(201);
      expect(early.body.item).toMatchObject({ progressPercent: 10, progressRag: 'green', version: v + 1 });
      v = early.body.item.version;
      await step('in_progress');
      const noReason = await move(w.canada, item.id, 'blocked', v).expect(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      await step('blocked', { reason: 'Waiting for the budget' });
      const report = await as(w.canada, 'post', `${base()}/${item.id}/updates`)
        .send({ version: v, text: 'Budget delayed', percent: 40, rag: 'red', attachmentUrl: 'https://example.org/memo.pdf' })
        .expect(201);
      v = report.body.item.version;
      await step('in_progress');
      const done = await step('done');
      expect(done.doneAt).not.toBeNull();
      // The owner cannot verify its own item (the secretariat or a body lead verifies) …
      const selfVerify = await move(w.canada, item.id, 'verified', v).expect(404);
      expect(selfVerify.body.code).toBe('NOT_FOUND');
      // … and progress is no longer reported once done.
      expect((await as(w.canada, 'post', `${base()}/${item.id}/updates`).send({ version: v, text: 'More' }).expect(409)).body.code).toBe(
        'ITEM_NOT_IN_PROGRESS',
      );
      const verified = await step('verified', {}, w.secretariat);
      expect(verified).toMatchObject({ status: 'verified', verifiedBy: w.secretariat.userId, allowedTransitions: [] });
      const illegal = await move(w.secretariat, item.id, 'cancelled', v, { reason: 'Too late' }).expect(409);
      expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'verified', to: 'cancelled', allowed: [] } });

      const history = await as(w.observer, 'get', `${base()}/${item.id}/updates`).expect(200);
      expect(history.body.items.map((u: { kind: string; statusTo: string | null; percent: number | null }) => [u.kind, u.statusTo ?? u.percent])).toEqual([
        ['transition', 'acknowledged'],
        ['progress', 10],
        ['transition', 'in_progress'],
        ['transition', 'blocked'],
        ['progress', 40],
        ['transition', 'in_progress'],
        ['transition', 'done'],
        ['transition', 'verified'],
      ]);
      expect(history.body.items[3]).toMatchObject({ text: 'Waiting for the budget', statusFrom: 'in_progress', authorId: w.canada.userId });
      expect(history.body.items[4]).toMatchObject({ rag: 'red', attachmentUrl: 'https://example.org/memo.pdf' });
      const actions = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_type = 'action_item' AND entity_id = $1 ORDER BY id`, [item.id])) as {
        action: string;
      }[];
      expect(actions.map((a) => a.action)).toEqual([
        'action_item.created',
        'action_item.acknowledged',
        'action_item.progress_reported',
        'action_item.in_progress',
        'action_item.blocked',
        'action_item.progress_reported',
        'action_item.in_progress',
        'action_item.done',
        'action_item.verified',
      ]);
    });

    it('illegal moves are 409 with the allowed ones; a verifier returns a done item to work with a reason', async () => {
      const item = await create({});
      const res = await move(w.canada, item.id, 'done', 1).expect(409);
      expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'open', to: 'done', allowed: ['acknowledged', 'cancelled'] } });
      await ctx.db.query(`UPDATE action_items SET status = 'done', acknowledged_at = now(), done_at = now() WHERE id = $1`, [item.id]);
      expect((await move(w.secretariat, item.id, 'in_progress', 1).expect(400)).body.errors[0].field).toBe('reason');
      const back = await move(w.secretariat, item.id, 'in_progress', 1, { reason: 'The report is missing' }).expect(200);
      expect(back.body).toMatchObject({ status: 'in_progress', doneAt: null });
      expect((await move(w.canada, item.id, 'bogus', 2).expect(400)).body.errors[0].field).toBe('to');
    });

    it("a body's item is moved forward and verified by its lead's delegates; other delegations find no such item", async () => {
      const item = await create({ ownerKind: 'body', ownerDelegationId: undefined, ownerBodyId: w.bodyId, ownerUserId: w.guatemala.userId });
      expect(item).toMatchObject({ ownerKind: 'body', ownerBodyId: w.bodyId, ownerUserId: w.guatemala.userId });
      await move(w.canada, item.id, 'acknowledged', 1).expect(404);
      let v = 1;
      for (const to of ['acknowledged', 'in_progress', 'done', 'verified']) {
        const res = await move(w.guatemala, item.id, to, v);
        expect({ to, status: res.status }).toEqual({ to, status: 200 });
        v = res.body.version;
      }
      const mine = await as(w.guatemala, 'get', `/councils/${w.councilId}/me/action-items?status=verified`).expect(200);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
      const theirs = await as(w.canada, 'get', `/councils/${w.councilId}/me/action-items?status=verified`).expect(200);
      expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    });

    it('another delegation cannot touch the item (404) and the row is unchanged; observers and staff are refused', async () => {
      const item = await create({});
      const before = await row(item.id);
      for (const actor of [w.guatemala, w.observer, w.chair]) {
        expect((await move(actor, item.id, 'acknowledged', 1)).status).toBe(404);
        expect((await as(actor, 'post', `${base()}/${item.id}/updates`).send({ version: 1, text: 'Not mine' })).status).toBe(404);
      }
      expect((await move(w.secretariat, item.id, 'acknowledged', 1)).status).toBe(403);
      expect((await as(w.secretariat, 'post', `${base()}/${item.id}/updates`).send({ version: 1, text: 'Staff' })).status).toBe(403);
      expect((await as(w.canada, 'patch', `${base()}/${item.id}`).send({ version: 1, priority: 'low' })).status).toBe(403);
      expect((await move(w.canada, item.id, 'cancelled', 1, { reason: 'Not ours' })).status).toBe(403);
      expect((await as(w.observer, 'post', `${base()}/${item.id}/reassign`).send({ version: 1, reason: 'x', dueDate: day(40) })).status).toBe(403);
      expect(await row(item.id)).toEqual(before);
      expect(((await ctx.db.query(`SELECT count(*)::int AS n FROM action_item_updates WHERE action_item_id = $1`, [item.id])) as { n: number }[])[0]!.n).toBe(
        0,
      );
    });

    it('progress: percent 140, a bad rag or link → 400 naming the field; an open item must be acknowledged first (409)', async () => {
      const item = await create({});
      expect((await as(w.canada, 'post', `${base()}/${item.id}/updates`).send({ version: 1, text: 'x' }).expect(409)).body).toMatchObject({
        code: 'ITEM_NOT_IN_PROGRESS',
        details: { status: 'open' },
      });
      await move(w.canada, item.id, 'acknowledged', 1).expect(200);
      for (const [body, field] of [
        [{ percent: 140 }, 'percent'],
        [{ percent: -1 }, 'percent'],
        [{ rag: 'blue' }, 'rag'],
        [{ attachmentUrl: 'ftp://example.org/x' }, 'attachmentUrl'],
        [{ text: '' }, 'text'],
        [{ colour: 'red' }, 'colour'],
      ] as const) {
        const res = await as(w.canada, 'post', `${base()}/${item.id}/updates`).send({ version: 2, text: 'Report', ...body });
        expect({ body, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ body, status: 400, field });
      }
      expect((await row(item.id)).version).toBe(2);
    });
  });

  describe('editing, reassigning, cancelling', () => {
    it('two concurrent edits at the same version: one succeeds, the other is a 409', async () => {
      const item = await create({});
      const results = await Promise.all([
        as(w.secretariat, 'patch', `${base()}/${item.id}`).send({ version: 1, priority: 'urgent' }),
        as(w.chair, 'patch', `${base()}/${item.id}`).send({ version: 1, title: { es: 'Otra', en: 'Another' } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('STALE_VERSION');
      expect((await row(item.id)).version).toBe(2);
    });

    it('the chair reassigns with a reason (audited, in the history): the new owner acts, the former gets 404', async () => {
      const item = await create({ ownerUserId: w.canada.userId });
      expect(
        (await as(w.chair, 'post', `${base()}/${item.id}/reassign`).send({ version: 1, ownerKind: 'delegation', ownerDelegationId: w.gt }).expect(400)).body
          .errors[0].field,
      ).toBe('reason');
      expect(
        (
          await as(w.chair, 'post', `${base()}/${item.id}/reassign`)
            .send({ version: 1, reason: 'x', dueDate: day(-4) })
            .expect(400)
        ).body.errors[0].field,
      ).toBe('dueDate');
      const res = await as(w.chair, 'post', `${base()}/${item.id}/reassign`)
        .send({ version: 1, ownerKind: 'delegation', ownerDelegationId: w.gt, dueDate: day(45), reason: 'Guatemala leads this now' })
        .expect(200);
      expect(res.body).toMatchObject({ ownerDelegationId: w.gt, ownerUserId: null, dueDate: day(45), version: 2 });
      await move(w.canada, item.id, 'acknowledged', 2).expect(404);
      await move(w.guatemala, item.id, 'acknowledged', 2).expect(200);
      const [audit] = (await ctx.db.query(`SELECT before, after FROM audit_log WHERE action = 'action_item.reassigned' AND entity_id = $1`, [item.id])) as {
        before: { ownerDelegationId: string };
        after: { ownerDelegationId: string; reason: string };
      }[];
      expect(audit).toMatchObject({ before: { ownerDelegationId: w.ca }, after: { ownerDelegationId: w.gt, reason: 'Guatemala leads this now' } });
      const history = await as(w.canada, 'get', `${base()}/${item.id}/updates`).expect(200);
      expect(history.body.items[0]).toMatchObject({ kind: 'reassignment', text: 'Guatemala leads this now', authorId: w.chair.userId });
    });

    it('the secretariat cancels with a reason, citing an adopted decision; a proposed one is refused', async () => {
      const item = await create({});
      expect((await move(w.secretariat, item.id, 'cancelled', 1).expect(400)).body.errors[0].field).toBe('reason');
      const proposed = await decision(null);
      expect((await move(w.secretariat, item.id, 'cancelled', 1, { reason: 'Superseded', decisionId: proposed.decisionId }).expect(409)).body.code).toBe(
        'DECISION_NOT_ADOPTED',
      );
      const adopted = await decision('adopted');
      const res = await move(w.secretariat, item.id, 'cancelled', 1, { reason: 'Superseded', decisionId: adopted.decisionId }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Superseded', cancelDecisionId: adopted.decisionId, allowedTransitions: [] });
      expect((await as(w.secretariat, 'patch', `${base()}/${item.id}`).send({ version: 2, priority: 'low' }).expect(409)).body.code).toBe('ITEM_CLOSED');
    });
  });

  describe('lists and counts', () => {
    let councilId: string;
    let delegation: string;
    let lead: Actor;
    let ids: string[];

    beforeAll(async () => {
      // A council of its own, so the numbers are exact.
      const v = await world(ctx, 'lists');
      councilId = v.councilId;
      delegation = v.ca;
      lead = v.canada;
      await ctx.db.query(
        `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status, acknowledged_at, done_at, verified_at, source_kind, recommendation_id)
         SELECT $1, jsonb_build_object('es', 'Tarea ' || g), 'delegation', CASE WHEN g % 3 = 0 THEN $3::uuid ELSE $2::uuid END,
                current_date + (g % 7) * 10,
                (ARRAY['open','acknowledged','in_progress','blocked','done','verified'])[1 + g % 6],
                CASE WHEN g % 6 <> 0 THEN now() END, CASE WHEN g % 6 IN (4, 5) THEN now() END, CASE WHEN g % 6 = 5 THEN now() END,
                CASE WHEN g % 4 = 0 THEN 'recommendation' ELSE 'none' END, CASE WHEN g % 4 = 0 THEN $4::uuid END
           FROM generate_series(1, 57) g`,
        [councilId, v.ca, v.gt, v.recommendationId],
      );
      ids = ((await ctx.db.query(`SELECT id FROM action_items WHERE council_id = $1 ORDER BY due_date, id`, [councilId])) as { id: string }[]).map((r) => r.id);
    });

    it('keyset pages walk the whole list due first, without duplicates or gaps; a bad cursor or limit is a 400', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { items: { id: string; dueDate: string }[]; nextCursor: string | null } } = await ctx
          .http()
          .get(`/councils/${councilId}/action-items`)
          .query({ limit: '8', ...(cursor ? { cursor } : {}) })
          .expect(200);
        seen.push(...res.body.items.map((i: { id: string }) => i.id));
        const dues = res.body.items.map((i: { dueDate: string }) => i.dueDate);
        expect(dues).toEqual([...dues].sort());
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(pages).toBe(8);
      expect(seen).toEqual(ids);
      expect((await ctx.http().get(`/councils/${councilId}/action-items?cursor=nonsense`).expect(400)).body.errors[0].field).toBe('cursor');
      expect((await ctx.http().get(`/councils/${councilId}/action-items?limit=201`).expect(400)).body.errors[0].field).toBe('limit');
      expect((await ctx.http().get(`/councils/${councilId}/action-items?status=open,finished`).expect(400)).body.errors[0].field).toBe('status');
      expect((await ctx.http().get(`/councils/${councilId}/action-items?overdue=maybe`).expect(400)).body.errors[0].field).toBe('overdue');
      await ctx.http().get(`/councils/00000000-0000-4000-8000-000000000000/action-items`).expect(404);
    });

    it('filters and counts agree with the rows', async () => {
      const sql = async (where: string, params: unknown[] = []) =>
        (
          (await ctx.db.query(`SELECT count(*)::int AS n FROM action_items a WHERE a.council_id = $1 AND ${where}`, [councilId, ...params])) as { n: number }[]
        )[0]!.n;
      const listed = async (query: Record<string, string>) => {
        const res = await ctx
          .http()
          .get(`/councils/${councilId}/action-items`)
          .query({ limit: '200', ...query })
          .expect(200);
        return res.body.items as { id: string; status: string; ownerDelegationId: string }[];
      };
      const open = await listed({ status: 'open,in_progress' });
      expect(open.length).toBe(await sql(`status IN ('open','in_progress')`));
      expect(new Set(open.map((i) => i.status))).toEqual(new Set(['open', 'in_progress']));
      expect((await listed({ status: 'open', ownerDelegationId: delegation })).length).toBe(
        await sql(`status = 'open' AND owner_delegation_id = $2`, [delegation]),
      );
      expect((await listed({ dueBefore: day(25) })).length).toBe(await sql(`due_date < $2::date`, [day(25)]));
      expect((await listed({ source: 'recommendation' })).length).toBe(await sql(`source_kind = 'recommendation'`));
      const counts = await ctx.http().get(`/councils/${councilId}/action-items/counts`).expect(200);
      expect(counts.body.total).toBe(57);
      for (const s of ['open', 'acknowledged', 'in_progress', 'blocked', 'done', 'verified', 'cancelled']) {
        expect({ s, n: counts.body.byStatus[s] }).toEqual({ s, n: await sql(`status = $2`, [s]) });
      }
      const mine = await ctx.anonymous().get(`/councils/${councilId}/me/action-items/counts?status=open,acknowledged`).set(lead.auth).expect(200);
      expect(mine.body.total).toBe(await sql(`status IN ('open','acknowledged') AND owner_delegation_id = $2`, [delegation]));
      const myPage = await ctx.anonymous().get(`/councils/${councilId}/me/action-items?limit=200`).set(lead.auth).expect(200);
      expect(myPage.body.items.every((i: { ownerDelegationId: string }) => i.ownerDelegationId === delegation)).toBe(true);
      expect(
        (await ctx.anonymous().get(`/councils/${councilId}/me/action-items?ownerDelegationId=${delegation}`).set(lead.auth).expect(400)).body.errors[0].field,
      ).toBe('ownerDelegationId');
    });

    it("overdue is derived in the council's time zone: past due and not done, verified or cancelled", async () => {
      const one = async (status: string) =>
        (
          (await ctx.db.query(`SELECT id FROM action_items WHERE council_id = $1 AND status = $2 ORDER BY id LIMIT 1`, [councilId, status])) as { id: string }[]
        )[0];
      const openItem = await one('in_progress');
      const doneItem = await one('done');
      await ctx.db.query(`UPDATE action_items SET due_date = (now() AT TIME ZONE 'America/Panama')::date - 1 WHERE id = ANY($1::uuid[])`, [
        [openItem!.id, doneItem!.id],
      ]);
      expect((await ctx.http().get(`/councils/${councilId}/action-items/${openItem!.id}`).expect(200)).body.overdue).toBe(true);
      expect((await ctx.http().get(`/councils/${councilId}/action-items/${doneItem!.id}`).expect(200)).body.overdue).toBe(false);
      // Due today (council time) is not overdue yet.
      await ctx.db.query(`UPDATE action_items SET due_date = (now() AT TIME ZONE 'America/Panama')::date WHERE id = $1`, [doneItem!.id]);
      const overdue = await ctx.http().get(`/councils/${councilId}/action-items?overdue=true`).expect(200);
      expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([openItem!.id]);
      const counts = await ctx.http().get(`/councils/${councilId}/action-items/counts`).expect(200);
      expect(counts.body.overdue).toBe(1);
      const notOverdue = await ctx.http().get(`/councils/${councilId}/action-items/counts?overdue=false`).expect(200);
      expect(notOverdue.body.total).toBe(56);
    });
  });

  describe("my items: the caller's roles are resolved by the page query itself (one statement)", () => {
    it('refuses as the guard does, from the very next request (a disabled account, a seat given up), and 401/403 before a 400', async () => {
      const v = await world(ctx, 'mine-in-one');
      const mine = (actor: Actor, query = '', councilId = v.councilId) => ctx.anonymous().get(`/councils/${councilId}/me/action-items${query}`).set(actor.auth);
      const item = await ctx.db.query(
        `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, source_kind) VALUES ($1, '{"es":"Tarea"}', 'delegation', $2, current_date + 5, 'none') RETURNING id`,
        [v.councilId, v.ca],
      );
      const itemId = (item as { id: string }[])[0]!.id;
      expect((await mine(v.canada).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([itemId]);
      // Guatemala's delegate sees only Guatemala's (and its body's) items; the observer's delegation has none.
      expect((await mine(v.guatemala).expect(200)).body.items).toEqual([]);
      expect((await mine(v.observer).expect(200)).body.items).toEqual([]);
      // Staff hold the permission but have no delegation (403), whatever the query; an unknown council is 403 for them
      // (no role there) as it was with the guard; a delegate's bad cursor is a 400, a bad query 400 naming the field.
      expect((await mine(v.secretariat).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await mine(v.secretariat, '?cursor=nonsense').expect(403)).body.code).toBe('FORBIDDEN');
      expect((await mine(v.canada, '?cursor=nonsense').expect(400)).body.errors[0].field).toBe('cursor');
      expect((await mine(v.canada, '?limit=201').expect(400)).body.errors[0].field).toBe('limit');
      expect((await mine(v.canada, '', '00000000-0000-4000-8000-000000000000').expect(403)).body.code).toBe('FORBIDDEN');
      await ctx.anonymous().get(`/councils/${v.councilId}/me/action-items`).expect(401);
      await ctx.anonymous().get(`/councils/${v.councilId}/me/action-items`).set({ authorization: 'Bearer not-a-token' }).expect(401);

      // Disabled: refused on the very next request, also when its query is bad (401 comes first, as with the guard).
      await ctx.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [v.canada.userId]);
      expect((await mine(v.canada).expect(401)).body.code).toBe('UNAUTHENTICATED');
      expect((await mine(v.canada, '?limit=201').expect(401)).body.code).toBe('UNAUTHENTICATED');
      expect((await mine(v.canada, '?cursor=nonsense').expect(401)).body.code).toBe('UNAUTHENTICATED');
      await ctx.db.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [v.canada.userId]);
      await mine(v.canada).expect(200);

      // A seat given up (delegate no longer active): no role in the council, 403 at once, also for a bad query.
      await ctx.db.query(`UPDATE delegates SET active = false WHERE id = (SELECT delegate_id FROM council_roles WHERE user_id = $1 AND council_id = $2)`, [
        v.canada.userId,
        v.councilId,
      ]);
      expect((await mine(v.canada).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await mine(v.canada, '?limit=201').expect(403)).body.code).toBe('FORBIDDEN');
      await ctx.db.query(`UPDATE delegates SET active = true WHERE id = (SELECT delegate_id FROM council_roles WHERE user_id = $1 AND council_id = $2)`, [
        v.canada.userId,
        v.councilId,
      ]);
      await mine(v.canada).expect(200);
    });
  });
});
