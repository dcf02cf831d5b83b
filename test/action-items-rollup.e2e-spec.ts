import { type Actor, delegateOf, secretariat } from './support/actors.js';
import { given } from './support/given.js';
import { DAY, HOUR } from './support/meetings.js';
import { createTestContext, type TestContext } from './support/test-app.js';

type Status = 'open' | 'acknowledged' | 'in_progress' | 'blocked' | 'done' | 'verified' | 'cancelled';

interface World {
  councilId: string;
  mx: string;
  ca: string;
  bodyId: string;
  /** Focus area C with recommendations 5 and 6; focus area D with recommendation 8. */
  areaC: string;
  areaD: string;
  rec5: string;
  rec6: string;
  rec8: string;
  canada: Actor;
  secretariat: Actor;
}

describe('recommendations roll-up, progress reports and carry-over', () => {
  let ctx: TestContext;
  let w: World;

  const one = async <T = { id: string }>(sql: string, params: unknown[]): Promise<T> => ((await ctx.db.query(sql, params)) as T[])[0]!;

  /** An item in the given status (made by SQL, with the timestamps its status needs), due `dueIn` days from the council's today (its zone decides what is overdue). */
  async function item(
    status: Status,
    dueIn: number,
    v: { recommendationId?: string | null; delegationId?: string; bodyId?: string; meetingId?: string; title?: string } = {},
  ): Promise<string> {
    const owner = v.bodyId ? ['body', null, v.bodyId] : ['delegation', v.delegationId ?? w.ca, null];
    const source = v.meetingId ? 'meeting' : v.recommendationId ? 'recommendation' : 'none';
    const row = await one(
      `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, owner_body_id, due_date, source_kind, meeting_id, recommendation_id, status,
                                 acknowledged_at, done_at, verified_at, cancelled_at, cancel_reason)
       VALUES ($1, $2, $3, $4, $5, (now() AT TIME ZONE (SELECT time_zone FROM councils WHERE id = $1))::date + $6::int, $7, $8, $9, $10,
               CASE WHEN $10 NOT IN ('open','cancelled') THEN now() END, CASE WHEN $10 IN ('done','verified') THEN now() END,
               CASE WHEN $10 = 'verified' THEN now() END, CASE WHEN $10 = 'cancelled' THEN now() END, CASE WHEN $10 = 'cancelled' THEN 'superseded' END)
       RETURNING id`,
      [
        w.councilId,
        JSON.stringify({ es: v.title ?? `Tarea ${status}`, en: v.title ?? `Item ${status}` }),
        owner[0],
        owner[1],
        owner[2],
        dueIn,
        source,
        v.meetingId ?? null,
        v.recommendationId === undefined ? null : v.recommendationId,
        status,
      ],
    );
    return row.id;
  }

  async function meeting(title: string, status: 'closed' | 'draft', daysFromNow: number): Promise<string> {
    const starts = new Date(Date.now() + daysFromNow * DAY);
    const row = await one(
      `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
       VALUES ($1, 'senior_officials', $2, $3, $4, 'America/Panama', $5, CASE WHEN $5 <> 'draft' THEN now() - interval '60 days' END) RETURNING id`,
      [w.councilId, title, starts, new Date(starts.getTime() + 4 * HOUR), status],
    );
    return row.id;
  }

  async function agendaItem(meetingId: string, position: number, title: string): Promise<string> {
    return (
      await one(`INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose) VALUES ($1, $2, $3, $4, 'information') RETURNING id`, [
        w.councilId,
        meetingId,
        position,
        JSON.stringify({ es: title, en: title }),
      ])
    ).id;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    const c = await given(ctx).council('rollup');
    const councilId = c.id;
    const state = async (name: string, iso: string, position: number) =>
      (await c.memberState(name, { iso, position, delegation: `Delegation of ${name}` })).delegationId;
    const mx = await state('Mexico', 'MX', 1);
    const ca = await state('Canada <CA> & "co"', 'CA', 2);
    const bodyId = await c.body('Working Group on Labour Mobility');
    const area = async (code: string) =>
      (await one(`INSERT INTO focus_areas (council_id, code, title) VALUES ($1, $2, $3) RETURNING id`, [councilId, code, `Area ${code}`])).id;
    const areaC = await area('C');
    const areaD = await area('D');
    const rec = async (areaId: string, n: number) =>
      (
        await one(`INSERT INTO recommendations (council_id, focus_area_id, number, title, body) VALUES ($1, $2, $3, $4, 'Body') RETURNING id`, [
          councilId,
          areaId,
          n,
          `Recommendation ${n}`,
        ])
      ).id;
    const rec5 = await rec(areaC, 5);
    const rec6 = await rec(areaC, 6);
    const rec8 = await rec(areaD, 8);
    w = {
      councilId,
      mx,
      ca,
      bodyId,
      areaC,
      areaD,
      rec5,
      rec6,
      rec8,
      canada: await delegateOf(ctx, councilId, ca, 'head'),
      secretariat: await secretariat(ctx, councilId),
    };

    // Recommendation 5: 2 verified, 1 done, 1 in progress overdue, 1 open, 1 cancelled → 3/5 = 60 %, 1 overdue.
    await item('verified', -10, { recommendationId: rec5 });
    await item('verified', 30, { recommendationId: rec5, delegationId: mx });
    await item('done', 20, { recommendationId: rec5 });
    await item('in_progress', -3, { recommendationId: rec5, delegationId: mx });
    await item('open', 40, { recommendationId: rec5, bodyId });
    await item('cancelled', -30, { recommendationId: rec5 });
    // Recommendation 6: 1 blocked overdue, 1 acknowledged → 0 %, 1 overdue.
    await item('blocked', -1, { recommendationId: rec6 });
    await item('acknowledged', 10, { recommendationId: rec6, delegationId: mx });
    // Recommendation 8: no items. And an item serving no recommendation (not in any roll-up).
    await item('open', 5);
  });
  afterAll(() => ctx.close());

  const base = () => `/councils/${w.councilId}`;

  describe('roll-up', () => {
    it('per recommendation, the numbers match the items (completion weighted by items, cancelled left out)', async () => {
      const res = await ctx.anonymous().get(`${base()}/recommendations/progress`).set(w.canada.auth).expect(200);
      expect(res.body.items.map((r: any) => [r.number, r.total, r.completed, r.completionPercent, r.overdue])).toEqual([
        [5, 5, 3, 60, 1],
        [6, 2, 0, 0, 1],
        [8, 0, 0, null, 0],
      ]);
      expect(res.body.items[0].byStatus).toEqual({ open: 1, acknowledged: 0, in_progress: 1, blocked: 0, done: 1, verified: 2, cancelled: 1 });
      // All together, by items: 3 of 7.
      expect(res.body.overall).toMatchObject({ total: 7, completed: 3, completionPercent: 42.9, overdue: 2 });

      // Cross-check against the items themselves (the council's list, filtered by recommendation).
      for (const r of res.body.items) {
        const list = await ctx.http().get(`${base()}/action-items`).query({ recommendationId: r.recommendationId, limit: '200' }).expect(200);
        const counted = list.body.items.filter((i: any) => i.status !== 'cancelled');
        expect(r.total).toBe(counted.length);
        expect(r.completed).toBe(counted.filter((i: any) => i.status === 'done' || i.status === 'verified').length);
        expect(r.overdue).toBe(list.body.items.filter((i: any) => i.overdue).length);
      }
    });

    it('one recommendation, with its items, owners and latest progress', async () => {
      const ack = await item('acknowledged', 15, { recommendationId: w.rec8, title: 'Report <b>labour</b> figures' });
      await ctx
        .anonymous()
        .post(`${base()}/action-items/${ack}/updates`)
        .set(w.canada.auth)
        .send({ version: 1, text: '<script>alert("x")</script> half & half', percent: 50, rag: 'amber' })
        .expect(201);
      const res = await ctx.anonymous().get(`${base()}/recommendations/${w.rec8}/progress`).set(w.canada.auth).expect(200);
      expect(res.body).toMatchObject({ number: 8, focusAreaCode: 'D', total: 1, completed: 0, completionPercent: 0, overdue: 0 });
      expect(res.body.items).toEqual([
        expect.objectContaining({
          id: ack,
          ownerName: 'Delegation of Canada <CA> & "co"',
          status: 'acknowledged',
          overdue: false,
          progressPercent: 50,
          progressRag: 'amber',
          latestProgressText: '<script>alert("x")</script> half & half',
        }),
      ]);
      await ctx.http().get(`${base()}/recommendations/00000000-0000-4000-8000-000000000000/progress`).expect(404);
      await ctx.http().get(`${base()}/recommendations/not-a-uuid/progress`).expect(400);
    });

    it('a focus area rolls up its recommendations, by items', async () => {
      const res = await ctx.anonymous().get(`${base()}/focus-areas/${w.areaC}/progress`).set(w.canada.auth).expect(200);
      expect(res.body).toMatchObject({ code: 'C', total: 7, completed: 3, completionPercent: 42.9, overdue: 2 });
      expect(res.body.byStatus).toEqual({ open: 1, acknowledged: 1, in_progress: 1, blocked: 1, done: 1, verified: 2, cancelled: 1 });
      expect(res.body.recommendations.map((r: any) => r.number)).toEqual([5, 6]);
      const d = await ctx.http().get(`${base()}/focus-areas/${w.areaD}/progress`).expect(200);
      expect(d.body.recommendations.map((r: any) => r.number)).toEqual([8]);
      await ctx.http().get(`${base()}/focus-areas/00000000-0000-4000-8000-000000000000/progress`).expect(404);
    });
  });

  describe('progress reports', () => {
    it('freezes JSON and an escaped HTML document in the first working language, attached to the agenda item', async () => {
      const next = await meeting('Senior officials <2>', 'draft', 40);
      const papers = await agendaItem(next, 1, 'Implementation of the recommendations');
      await ctx.db.query(`UPDATE agenda_items SET documents = $2 WHERE id = $1`, [
        papers,
        JSON.stringify([{ title: 'Background', url: 'https://docs.example.org/bg.pdf' }]),
      ]);

      const res = await ctx.anonymous().post(`${base()}/progress-reports`).set(w.secretariat.auth).send({ meetingId: next, agendaItemId: papers }).expect(201);
      expect(res.body).toMatchObject({ meetingId: next, agendaItemId: papers, bodyId: null, language: 'es' });
      expect(res.body.documentUrl).toMatch(new RegExp(`/councils/${w.councilId}/progress-reports/${res.body.id}/document$`));
      const snap = res.body.snapshot;
      expect(snap.meeting).toMatchObject({ id: next, title: 'Senior officials <2>' });
      expect(snap.recommendations.map((r: any) => [r.number, r.total, r.completed, r.overdue])).toEqual([
        [5, 5, 3, 1],
        [6, 2, 0, 1],
        [8, 1, 0, 0],
      ]);
      // Unfinished items only (not verified or cancelled), by owner then due date, with the latest progress.
      expect(snap.items.every((i: any) => i.status !== 'verified' && i.status !== 'cancelled')).toBe(true);
      expect(snap.owners.map((o: any) => o.ownerName)).toEqual([
        'Delegation of Canada <CA> & "co"',
        'Delegation of Mexico',
        'Working Group on Labour Mobility',
      ]);
      expect(snap.items.find((i: any) => i.latestProgressText)?.latestProgressText).toBe('<script>alert("x")</script> half & half');

      const got = await ctx.anonymous().get(`${base()}/progress-reports/${res.body.id}`).set(w.canada.auth).expect(200);
      const missing = await ctx.http().get(`${base()}/progress-reports/00000000-0000-4000-8000-000000000000/document`).expect(404);
      expect(missing.headers['content-type']).toMatch(/json/);
      expect(got.body.snapshot).toEqual(snap);

      const doc = await ctx.anonymous().get(`${base()}/progress-reports/${res.body.id}/document`).set(w.canada.auth).expect(200);
      expect(doc.headers['content-type']).toMatch(/^text\/html/);
      expect(doc.headers['content-security-policy']).toContain("default-src 'none'");
      const html = doc.text;
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('<html lang="es">');
      expect(html).toContain('Informe de avance');
      expect(html).toContain('Vencidas');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<b>labour</b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; half &amp; half');
      expect(html).toContain('Delegation of Canada &lt;CA&gt; &amp; &quot;co&quot;');
      expect(html).toContain('Senior officials &lt;2&gt;');
      expect(html).toContain('@media print');

      // The document is on the agenda item, after the one it had; audited.
      const agenda = await ctx.http().get(`${base()}/meetings/${next}/agenda`).expect(200);
      const docs = agenda.body.items.find((i: any) => i.id === papers).documents;
      expect(docs).toEqual([
        { title: 'Background', url: 'https://docs.example.org/bg.pdf' },
        { title: expect.stringContaining('Informe de avance'), url: res.body.documentUrl },
      ]);
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`, [papers, res.body.id])) as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(['agenda_item.document_attached', 'progress_report.created']);
    });

    it("a body's report counts only the body's items", async () => {
      const res = await ctx.anonymous().post(`${base()}/progress-reports`).set(w.secretariat.auth).send({ bodyId: w.bodyId }).expect(201);
      expect(res.body.snapshot.body).toEqual({ id: w.bodyId, name: 'Working Group on Labour Mobility' });
      expect(res.body.snapshot.overall).toMatchObject({ total: 1, completed: 0 });
      expect(res.body.snapshot.owners.map((o: any) => o.ownerName)).toEqual(['Working Group on Labour Mobility']);
      expect(res.body.title).toBe('Informe de avance — Working Group on Labour Mobility');
    });

    it('refuses an adopted agenda, a stranger agenda item, and agendaItemId without a meeting; nothing is stored', async () => {
      const adopted = await meeting('Adopted', 'closed', -20);
      const onIt = await agendaItem(adopted, 1, 'Reports');
      await ctx.db.query(
        `INSERT INTO meeting_agendas (meeting_id, council_id, status, circulated_at, supplementary_deadline, adopted_at) VALUES ($1, $2, 'adopted', now() - interval '30 days', now() - interval '25 days', now() - interval '20 days')`,
        [adopted, w.councilId],
      );
      const count = async () =>
        ((await ctx.db.query(`SELECT count(*)::int AS n FROM progress_reports WHERE council_id = $1`, [w.councilId])) as { n: number }[])[0]!.n;
      const before = await count();
      const refused = await ctx.anonymous().post(`${base()}/progress-reports`).set(w.secretariat.auth).send({ meetingId: adopted, agendaItemId: onIt });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'AGENDA_ADOPTED' });
      const other = await meeting('Other', 'draft', 50);
      await ctx.anonymous().post(`${base()}/progress-reports`).set(w.secretariat.auth).send({ meetingId: other, agendaItemId: onIt }).expect(404);
      const bad = await ctx.anonymous().post(`${base()}/progress-reports`).set(w.secretariat.auth).send({ agendaItemId: onIt });
      expect(bad.status).toBe(400);
      await ctx.anonymous().post(`${base()}/progress-reports`).set(w.secretariat.auth).send({ colour: 'red' }).expect(400);
      await ctx.anonymous().post(`${base()}/progress-reports`).set(w.canada.auth).send({}).expect(403);
      expect(await count()).toBe(before);
      expect((await ctx.http().get(`${base()}/meetings/${adopted}/agenda`).expect(200)).body.items[0].documents).toEqual([]);
    });
  });

  describe('carry-over', () => {
    it("carries the meeting's unfinished items with their history, visible from the next meeting too", async () => {
      // Only these senior officials meetings are ahead (the earlier tests' drafts are cancelled).
      await ctx.db.query(`UPDATE meetings SET status = 'cancelled' WHERE council_id = $1 AND status = 'draft'`, [w.councilId]);
      const source = await meeting('SOM 1', 'closed', -5);
      const next = await meeting('SOM 2', 'draft', 60);
      const open = await item('acknowledged', 20, { meetingId: source, title: 'Carry me' });
      await ctx.anonymous().post(`${base()}/action-items/${open}/updates`).set(w.canada.auth).send({ version: 1, text: 'Drafting', percent: 20 }).expect(201);
      const done = await item('done', 20, { meetingId: source });
      const cancelled = await item('cancelled', 20, { meetingId: source });

      const res = await ctx.http().post(`${base()}/meetings/${source}/agenda/carry-forward`).send({}).expect(200);
      expect(res.body).toMatchObject({ toMeetingId: next, actionItemIds: [open] });

      // Same item, same source meeting, history kept plus the carry-over row.
      const after = await ctx.http().get(`${base()}/action-items/${open}`).expect(200);
      expect(after.body).toMatchObject({ meetingId: source, status: 'acknowledged', version: 2 });
      const history = await ctx.http().get(`${base()}/action-items/${open}/updates`).expect(200);
      expect(history.body.items.map((u: any) => [u.kind, u.text])).toEqual([
        ['progress', 'Drafting'],
        ['carry_over', 'carried over to SOM 2'],
      ]);
      // Listed with both meetings; the finished ones stay with the first only.
      const ofNext = await ctx.http().get(`${base()}/action-items`).query({ meetingId: next }).expect(200);
      expect(ofNext.body.items.map((i: any) => i.id)).toEqual([open]);
      const ofSource = await ctx.http().get(`${base()}/action-items`).query({ meetingId: source }).expect(200);
      expect(ofSource.body.items.map((i: any) => i.id).sort()).toEqual([open, done, cancelled].sort());
      const audit = (await ctx.db.query(`SELECT after FROM audit_log WHERE action = 'action_item.carried_over' AND entity_id = $1`, [open])) as {
        after: any;
      }[];
      expect(audit.map((a) => a.after)).toEqual([{ fromMeetingId: source, toMeetingId: next }]);

      // Carrying again changes nothing.
      const again = await ctx.http().post(`${base()}/meetings/${source}/agenda/carry-forward`).send({}).expect(200);
      expect(again.body.actionItemIds).toEqual([]);
      expect((await ctx.http().get(`${base()}/action-items/${open}/updates`).expect(200)).body.items).toHaveLength(2);

      // From the next meeting onwards, the carried item goes along again.
      await ctx.db.query(
        `UPDATE meetings SET status = 'closed', convened_at = now() - interval '1 day', starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
        [next],
      );
      const third = await meeting('SOM 3', 'draft', 90);
      const onward = await ctx.http().post(`${base()}/meetings/${next}/agenda/carry-forward`).send({}).expect(200);
      expect(onward.body).toMatchObject({ toMeetingId: third, actionItemIds: [open] });
    });

    it('does not move the items when the carry-forward fails', async () => {
      const lonely = await meeting('Lonely', 'closed', -3);
      const stays = await item('open', 20, { meetingId: lonely });
      // Every later senior officials meeting has started or is not open: make them all past for this check.
      await ctx.db.query(`UPDATE meetings SET status = 'cancelled' WHERE council_id = $1 AND status = 'draft'`, [w.councilId]);
      const res = await ctx.http().post(`${base()}/meetings/${lonely}/agenda/carry-forward`).send({});
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'NO_NEXT_MEETING' });
      const rows = (await ctx.db.query(`SELECT count(*)::int AS n FROM action_item_carry_overs WHERE action_item_id = $1`, [stays])) as { n: number }[];
      expect(rows[0]!.n).toBe(0);
    });
  });
});
