import { delegateOf } from './support/actors.js';
import { FAST_NOTIFICATIONS, mailsTo, newCouncil, newDelegation, seated, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';
import { DossierAssembleJob } from '../src/modules/presidency/dossier/jobs/dossier-assemble.job.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const day = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);

/**
 * The presidency handover's timeline and dossier, end to end: reminders through the real worker and SMTP sink,
 * the dossier assembled from a known set of open items, decisions and meetings, refreshed, submitted (frozen),
 * acknowledged by the incoming chair only; the auto-assembly job; the public calendar over irregular history.
 */
describe('presidency handover: timeline and dossier', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({
      worker: true,
      env: { ...FAST_NOTIFICATIONS, HANDOVER_PLAN_INTERVAL_MS: '3600000', HANDOVER_DOSSIER_INTERVAL_MS: '3600000' },
    });
  });
  afterAll(() => ctx.close());

  async function participantOf(delegationId: string): Promise<string> {
    return ((await ctx.db.query(`SELECT participant_id FROM delegations WHERE id = $1`, [delegationId])) as { participant_id: string }[])[0]!.participant_id;
  }

  async function term(councilId: string, participantId: string, startsAt: string, endsAt: string): Promise<string> {
    const res = await ctx.http().post(`/councils/${councilId}/presidency/terms`).send({ participantId, startsAt, endsAt, source: 'historical' });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }

  describe('timeline', () => {
    it('schedules the four reminders per term under stable keys, and they arrive in order to outgoing, incoming and secretariat', async () => {
      const councilId = await newCouncil(ctx, ['es', 'en']);
      const dx = await newDelegation(ctx, councilId, 'Mexico', 'MX');
      const dy = await newDelegation(ctx, councilId, 'Guatemala', 'GT');
      const dz = await newDelegation(ctx, councilId, 'Honduras', 'HN');
      const outgoing = await seated(ctx, councilId, dx, 'head', { language: 'es' });
      const incoming = await seated(ctx, councilId, dy, 'head', { language: 'en' });
      const bystander = await seated(ctx, councilId, dz, 'head');
      const start = new Date(Date.now() - 400 * DAY);
      start.setUTCMilliseconds(0);
      const end = new Date(start.getTime() + 800 * DAY);
      const termId = await term(councilId, await participantOf(dx), start.toISOString(), end.toISOString());
      await term(councilId, await participantOf(dy), end.toISOString(), new Date(end.getTime() + 730 * DAY).toISOString());

      // PUT the settings (the defaults): the planner schedules in the same transaction.
      const put = await ctx
        .http()
        .put(`/councils/${councilId}/presidency/handover-settings`)
        .send({ version: 0, firstReminderMonths: 12, prioritiesReminderMonths: 6, dossierDays: 90, finalReminderDays: 30 });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ version: 1, dossierDays: 90 });
      const rows = (await ctx.db.query(
        `SELECT reminder_key AS key, kind, due_at AS "dueAt" FROM outbox WHERE subject_id = $1 AND status = 'pending' ORDER BY due_at`,
        [termId],
      )) as {
        key: string;
        kind: string;
        dueAt: Date;
      }[];
      expect(rows.map((r) => r.key)).toEqual(['first_reminder', 'priorities_due', 'dossier_due', 'final_reminder'].map((s) => `handover-${termId}-${s}`));
      expect(new Date(rows[2]!.dueAt).getTime()).toBe(end.getTime() - 90 * DAY);

      // Planning again changes nothing.
      const again = await ctx
        .http()
        .put(`/councils/${councilId}/presidency/handover-settings`)
        .send({ version: 1, firstReminderMonths: 12, prioritiesReminderMonths: 6, dossierDays: 90, finalReminderDays: 30 });
      expect(again.status).toBe(200);
      const generations = (await ctx.db.query(`SELECT max(generation)::int AS g, count(*)::int AS n FROM outbox WHERE subject_id = $1`, [termId])) as {
        g: number;
        n: number;
      }[];
      expect(generations[0]).toEqual({ g: 1, n: 4 });

      const timeline = await ctx.http().get(`/councils/${councilId}/presidency/terms/${termId}/handover`).expect(200);
      expect(timeline.body.incoming.name).toBe('Guatemala');
      expect(timeline.body.stages.map((s: { state: string }) => s.state)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);

      // Bring the four due times to the next seconds, in order.
      await ctx.db.query(
        `UPDATE outbox o SET due_at = now() + (x.n * interval '700 milliseconds')
           FROM (SELECT id, row_number() OVER (ORDER BY due_at) AS n FROM outbox WHERE subject_id = $1) x WHERE x.id = o.id`,
        [termId],
      );
      const subjects = ['falta un año', 'presenta sus prioridades', 'expediente de traspaso', 'falta un mes'];
      await until(
        'four handover reminders to the outgoing head',
        () => (mailsTo(ctx, outgoing.email).filter((m) => m.subject.includes('presidencia')).length >= 4 ? true : undefined),
        20_000,
      );
      const got = mailsTo(ctx, outgoing.email)
        .filter((m) => m.subject.includes('presidencia'))
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
      expect(got.map((m) => subjects.findIndex((s) => m.subject.includes(s)))).toEqual([0, 1, 2, 3]);
      expect(got[0]!.text).toContain('Guatemala');
      await until(
        'four reminders to the incoming head',
        () => (mailsTo(ctx, incoming.email).filter((m) => m.subject.includes('handover')).length >= 4 ? true : undefined),
        20_000,
      );
      expect(mailsTo(ctx, incoming.email).find((m) => m.subject.includes('priorities'))!.text).toContain('Mexico');
      expect(mailsTo(ctx, bystander.email).filter((m) => m.subject.includes('handover'))).toEqual([]);
      // The secretariat (the operator) is told too.
      const deliveries = (await ctx.db.query(
        `SELECT count(DISTINCT d.user_id)::int AS n FROM deliveries d
           JOIN council_roles cr ON cr.user_id = d.user_id AND cr.council_id = $1 AND cr.role = 'secretariat'
          WHERE d.kind = 'handover.first_reminder' AND d.subject_id = $2`,
        [councilId, termId],
      )) as { n: number }[];
      expect(deliveries[0]!.n).toBeGreaterThan(0);
    });

    it('without a successor term, leaves the incoming chair out and says so', async () => {
      const councilId = await newCouncil(ctx, ['en']);
      const dx = await newDelegation(ctx, councilId, 'Canada', 'CA');
      const dy = await newDelegation(ctx, councilId, 'Panama', 'PA');
      const outgoing = await seated(ctx, councilId, dx, 'head');
      const other = await seated(ctx, councilId, dy, 'head');
      const termId = await term(
        councilId,
        await participantOf(dx),
        new Date(Date.now() - 100 * DAY).toISOString().slice(0, 10),
        new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10),
      );
      await ctx
        .http()
        .put(`/councils/${councilId}/presidency/handover-settings`)
        .send({ version: 0, firstReminderMonths: 12, prioritiesReminderMonths: 6, dossierDays: 90, finalReminderDays: 30 })
        .expect(200);
      const keys = (await ctx.db.query(`SELECT reminder_key AS key FROM outbox WHERE subject_id = $1 AND status = 'pending'`, [termId])) as { key: string }[];
      expect(keys.map((k) => k.key)).toEqual([`handover-${termId}-final_reminder`]);
      await ctx.db.query(`UPDATE outbox SET due_at = now() WHERE subject_id = $1`, [termId]);
      await until('the last reminder', () => mailsTo(ctx, outgoing.email, 'one month to go')[0]);
      const mail = mailsTo(ctx, outgoing.email, 'one month to go')[0]!;
      expect(mail.text).toContain('No successor term has been entered yet');
      expect(mail.text).toContain('a successor not yet designated');
      expect(mailsTo(ctx, other.email, 'one month to go')).toEqual([]);
    });

    it('refuses bad settings with a 400 naming the field', async () => {
      const councilId = await newCouncil(ctx, ['en']);
      const base = `/councils/${councilId}/presidency/handover-settings`;
      const bad = async (body: Record<string, unknown>, field: string) => {
        const res = await ctx
          .http()
          .put(base)
          .send({ version: 0, firstReminderMonths: 12, prioritiesReminderMonths: 6, dossierDays: 90, finalReminderDays: 30, ...body });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      };
      await bad({ firstReminderMonths: 0 }, 'firstReminderMonths');
      await bad({ prioritiesReminderMonths: 12 }, 'prioritiesReminderMonths');
      await bad({ finalReminderDays: 90 }, 'finalReminderDays');
      await bad({ dossierDays: 'ninety' }, 'dossierDays');
      await bad({ dossierDays: 200 }, 'dossierDays');
      const get = await ctx.http().get(base).expect(200);
      expect(get.body).toEqual({ firstReminderMonths: 12, prioritiesReminderMonths: 6, dossierDays: 90, finalReminderDays: 30, version: 0 });
    });
  });

  describe('dossier', () => {
    let councilId: string;
    let dx: string;
    let dy: string;
    let dz: string;
    let termId: string;
    let successorTermId: string;
    const ids: Record<string, string> = {};
    const base = () => `/councils/${councilId}/presidency/terms/${termId}`;

    async function one(sql: string, params: unknown[]): Promise<string> {
      return ((await ctx.db.query(sql, params)) as { id: string }[])[0]!.id;
    }
    const item = (owner: { kind: string; delegationId?: string; bodyId?: string }, title: string, due: string, status = 'open') =>
      one(
        `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, owner_body_id, due_date, status, acknowledged_at, done_at, cancelled_at, cancel_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
                 CASE WHEN $7 NOT IN ('open','cancelled') THEN now() END, CASE WHEN $7 IN ('done','verified') THEN now() END,
                 CASE WHEN $7 = 'cancelled' THEN now() END, CASE WHEN $7 = 'cancelled' THEN 'No longer needed' END) RETURNING id`,
        [councilId, JSON.stringify({ en: title }), owner.kind, owner.delegationId ?? null, owner.bodyId ?? null, due, status],
      );
    const meeting = (title: string, startsMs: number, status = 'draft') =>
      one(
        `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
         VALUES ($1, 'senior_officials', $2, $3, $3::timestamptz + interval '2 hours', 'UTC', $4, CASE WHEN $4 NOT IN ('draft','cancelled') THEN now() END) RETURNING id`,
        [councilId, title, iso(startsMs), status],
      );

    beforeAll(async () => {
      councilId = await newCouncil(ctx, ['en', 'es']);
      dx = await newDelegation(ctx, councilId, 'Mexico', 'MX');
      dy = await newDelegation(ctx, councilId, 'Guatemala', 'GT');
      dz = await newDelegation(ctx, councilId, 'Honduras <Republic>', 'HN');
      await ctx.db.query(
        `INSERT INTO delegates (council_id, delegation_id, full_name, email, role) VALUES ($1, $2, 'Ana Head', 'ana@mx.example', 'head'), ($1, $2, 'Bo Alternate', 'bo@mx.example', 'alternate'), ($1, $2, 'Cy Adviser', 'cy@mx.example', 'adviser')`,
        [councilId, dx],
      );
      const start = new Date(Date.now() - 300 * DAY);
      start.setUTCMilliseconds(0);
      const end = new Date(Date.now() + 60 * DAY);
      end.setUTCMilliseconds(0);
      termId = await term(councilId, await participantOf(dx), start.toISOString(), end.toISOString());
      successorTermId = await term(councilId, await participantOf(dy), end.toISOString(), new Date(end.getTime() + 365 * DAY).toISOString());

      // Bodies: a lead ending in 2 months, a mandate ending in 3 months, and one ending in 9 months (not listed).
      ids.wg = await one(`INSERT INTO bodies (council_id, kind, name) VALUES ($1, 'working_group', 'Labour migration') RETURNING id`, [councilId]);
      await ctx.db.query(`INSERT INTO body_leads (council_id, body_id, participant_id, period) VALUES ($1, $2, $3, daterange('2024-01-01', $4::date, '[)'))`, [
        councilId,
        ids.wg,
        await participantOf(dy),
        day(60 * DAY),
      ]);
      ids.tf = await one(`INSERT INTO bodies (council_id, kind, name, mandate_end) VALUES ($1, 'task_force', 'Task force on <protection>', $2) RETURNING id`, [
        councilId,
        day(90 * DAY),
      ]);
      ids.tfLater = await one(`INSERT INTO bodies (council_id, kind, name, mandate_end) VALUES ($1, 'task_force', 'Later task force', $2) RETURNING id`, [
        councilId,
        day(270 * DAY),
      ]);

      // Action items: 5 open (one overdue), plus done and cancelled ones that must not appear.
      ids.a1 = await item({ kind: 'delegation', delegationId: dy }, 'Report on pathways', day(30 * DAY));
      ids.a2 = await item({ kind: 'delegation', delegationId: dy }, 'Overdue <script>alert(1)</script>', day(-5 * DAY), 'in_progress');
      ids.a3 = await item({ kind: 'delegation', delegationId: dz }, 'Consult capitals', day(40 * DAY), 'blocked');
      ids.a4 = await item({ kind: 'body', bodyId: ids.wg }, 'Draft the work plan', day(20 * DAY), 'acknowledged');
      ids.a5 = await item({ kind: 'presidency', delegationId: dx }, 'Convene the ministerial', day(50 * DAY));
      await item({ kind: 'delegation', delegationId: dy }, 'Done already', day(10 * DAY), 'done');
      await item({ kind: 'delegation', delegationId: dz }, 'Cancelled', day(10 * DAY), 'cancelled');

      // Meetings: two upcoming (within 12 months), one cancelled, one beyond 12 months, one past.
      ids.m1 = await meeting('Senior officials, spring', 20 * DAY);
      ids.m2 = await meeting('Ministerial & handover', 55 * DAY, 'convened');
      await meeting('Cancelled meeting', 30 * DAY, 'cancelled');
      await meeting('Far away', 400 * DAY);
      const past = await meeting('Last session', -10 * DAY);
      const agendaItem = await one(
        `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose) VALUES ($1, $2, 1, '{"en":"Item"}', 'decision') RETURNING id`,
        [councilId, past],
      );
      ids.d1 = await one(
        `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text) VALUES ($1, $2, $3, '{"en":"Adopt the work plan"}') RETURNING id`,
        [councilId, past, agendaItem],
      );
      ids.d2 = await one(
        `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
         VALUES ($1, $2, $3, '{"en":"Create an observatory"}', 'closed', 'deferred', now(), 3, 3, 3) RETURNING id`,
        [councilId, past, agendaItem],
      );
      await ctx.db.query(
        `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
         VALUES ($1, $2, $3, '{"en":"Adopted one"}', 'closed', 'adopted', now(), 3, 3, 3)`,
        [councilId, past, agendaItem],
      );
      ids.s1 = await one(
        `INSERT INTO decisions (council_id, procedure, text, silence_deadline) VALUES ($1, 'written', '{"en":"Approve the budget in writing"}', now() + interval '5 days') RETURNING id`,
        [councilId],
      );
    });

    it('is 404 until assembled; refresh assembles it with exactly the open items, pending decisions and meetings that exist', async () => {
      await ctx.http().get(`${base()}/dossier`).expect(404);
      const t0 = Date.now();
      const res = await ctx.http().post(`${base()}/dossier/refresh`).send({});
      const elapsed = Date.now() - t0;
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
      expect(elapsed).toBeLessThan(2000);
      const c = res.body.content;
      expect(res.body).toMatchObject({ status: 'open', version: 1, termId });
      expect(c.holder.name).toBe('Mexico');
      expect(c.successor).toMatchObject({ termId: successorTermId, name: 'Guatemala' });
      expect(c.troika.current.termId).toBe(termId);
      expect(c.troika.next.termId).toBe(successorTermId);
      const itemIds = c.actionItems.byOwner.flatMap((o: { items: { id: string }[] }) => o.items.map((i) => i.id)).sort();
      expect(itemIds).toEqual([ids.a1, ids.a2, ids.a3, ids.a4, ids.a5].sort());
      expect(c.actionItems).toMatchObject({ total: 5, overdue: 1 });
      const byOwner = Object.fromEntries(
        c.actionItems.byOwner.map((o: { ownerKind: string; ownerName: string; count: number }) => [`${o.ownerKind}:${o.ownerName}`, o.count]),
      );
      expect(byOwner).toEqual({ 'delegation:Guatemala': 2, 'delegation:Honduras <Republic>': 1, 'body:Labour migration': 1, 'presidency:Mexico': 1 });
      expect(c.decisions.pending.map((d: { id: string }) => d.id)).toEqual([ids.d1]);
      expect(c.decisions.deferred.map((d: { id: string }) => d.id)).toEqual([ids.d2]);
      expect(c.silenceProcedures.map((d: { id: string }) => d.id)).toEqual([ids.s1]);
      expect(c.meetings.map((m: { id: string }) => m.id)).toEqual([ids.m1, ids.m2]);
      expect(c.bodies.map((b: { id: string }) => b.id).sort()).toEqual([ids.wg, ids.tf].sort());
      const mx = c.contacts.find((x: { participantName: string }) => x.participantName === 'Mexico');
      expect(mx.people.map((p: { name: string; email: string }) => `${p.name} <${p.email}>`)).toEqual([
        'Ana Head <ana@mx.example>',
        'Bo Alternate <bo@mx.example>',
      ]);
      expect(res.body.progress).toEqual({ acknowledged: 0, total: 5 + 1 + 1 + 1 + 2 + 2 });
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_type = 'handover_dossier' AND entity_id = $1`, [res.body.id])) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['handover_dossier.assembled']);
    });

    it('the chair keeps priorities; refresh reflects changes', async () => {
      const chair = await delegateOf(ctx, councilId, dx, 'adviser');
      const other = await delegateOf(ctx, councilId, dz, 'head');
      const p = await ctx
        .anonymous()
        .post(`${base()}/priorities`)
        .set(chair.auth)
        .send({ title: { en: 'Protect children', es: 'Proteger a la niñez' }, notes: 'With UNICEF' });
      expect({ status: p.status, body: p.body }).toMatchObject({ status: 201, body: { status: 'planned', version: 1 } });
      await ctx
        .anonymous()
        .post(`${base()}/priorities`)
        .set(other.auth)
        .send({ title: { en: 'Not mine' } })
        .expect(404);
      const bad = await ctx
        .anonymous()
        .post(`${base()}/priorities`)
        .set(chair.auth)
        .send({ title: { fr: 'Pas une langue du conseil' } });
      expect(bad.status).toBe(400);
      await ctx.anonymous().patch(`${base()}/priorities/${p.body.id}`).set(chair.auth).send({ version: 1, status: 'in_progress' }).expect(200);
      ids.p1 = p.body.id;

      ids.a6 = await item({ kind: 'delegation', delegationId: dz }, 'New item', day(45 * DAY));
      await ctx.db.query(`UPDATE action_items SET status = 'done', done_at = now(), acknowledged_at = now() WHERE id = $1`, [ids.a1]);
      ids.m3 = await meeting('Troika', 10 * DAY);
      const res = await ctx.anonymous().post(`${base()}/dossier/refresh`).set(chair.auth).send({});
      expect(res.status).toBe(200);
      const c = res.body.content;
      expect(res.body.version).toBe(2);
      const itemIds = c.actionItems.byOwner.flatMap((o: { items: { id: string }[] }) => o.items.map((i) => i.id)).sort();
      expect(itemIds).toEqual([ids.a2, ids.a3, ids.a4, ids.a5, ids.a6].sort());
      expect(c.meetings.map((m: { id: string }) => m.id)).toEqual([ids.m3, ids.m1, ids.m2]);
      expect(c.priorities).toEqual([
        { key: `priority:${ids.p1}`, id: ids.p1, title: { en: 'Protect children', es: 'Proteger a la niñez' }, status: 'in_progress', notes: 'With UNICEF' },
      ]);
      // Another delegation cannot refresh it.
      await ctx.anonymous().post(`${base()}/dossier/refresh`).set(other.auth).send({}).expect(404);
    });

    it('renders a readable, escaped HTML document', async () => {
      const res = await ctx.http().get(`${base()}/dossier/document`).query({ lang: 'es' }).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('Expediente de traspaso de la presidencia');
      expect(res.text).toContain('Overdue &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(res.text).toContain('Honduras &lt;Republic&gt;');
      expect(res.text).toContain('Task force on &lt;protection&gt;');
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('Proteger a la niñez');
    });

    it('submit freezes it: refresh 409, the database refuses content changes; acknowledged by the incoming chair only', async () => {
      const current = await ctx.http().get(`${base()}/dossier`).expect(200);
      await ctx
        .http()
        .post(`${base()}/dossier/submit`)
        .send({ version: current.body.version + 5 })
        .expect(409);
      const sub = await ctx.http().post(`${base()}/dossier/submit`).send({ version: current.body.version });
      expect({ status: sub.status, body: sub.body }).toMatchObject({ status: 200, body: { status: 'submitted' } });
      const refresh = await ctx.http().post(`${base()}/dossier/refresh`).send({});
      expect({ status: refresh.status, code: refresh.body.code, message: refresh.body.message }).toEqual({
        status: 409,
        code: 'DOSSIER_SUBMITTED',
        message: expect.stringContaining('submitted'),
      });
      const again = await ctx.http().post(`${base()}/dossier/submit`).send({ version: sub.body.version });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'DOSSIER_SUBMITTED' });
      await expect(ctx.db.query(`UPDATE handover_dossiers SET content = '{}'::jsonb WHERE term_id = $1`, [termId])).rejects.toThrow(/cannot change/);
      await expect(ctx.db.query(`UPDATE handover_dossiers SET status = 'open', submitted_at = NULL WHERE term_id = $1`, [termId])).rejects.toThrow();
      const after = await ctx.http().get(`${base()}/dossier`).expect(200);
      expect(after.body.content).toEqual(current.body.content);

      const incoming = await delegateOf(ctx, councilId, dy, 'alternate');
      const outgoing = await delegateOf(ctx, councilId, dx, 'adviser');
      const other = await delegateOf(ctx, councilId, dz, 'adviser');
      const ack = (actor: { auth: { authorization: string } } | null, itemKey: string) => {
        const r = ctx.anonymous().post(`${base()}/dossier/acknowledgements`);
        return (actor ? r.set(actor.auth) : r).send({ itemKey, note: 'Noted' });
      };
      expect((await ack(incoming, `action_item:${ids.a2}`)).status).toBe(201);
      expect((await ack(outgoing, `action_item:${ids.a3}`)).status).toBe(404);
      expect((await ack(other, `action_item:${ids.a3}`)).status).toBe(404);
      expect(
        (
          await ctx
            .http()
            .post(`${base()}/dossier/acknowledgements`)
            .send({ itemKey: `action_item:${ids.a3}` })
        ).status,
      ).toBe(403);
      const unknown = await ack(incoming, `action_item:${ids.a1}`);
      expect({ status: unknown.status, field: unknown.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'itemKey' });
      expect((await ack(incoming, 'nonsense')).status).toBe(400);
      expect((await ack(incoming, `meeting:${ids.m1}`)).status).toBe(201);
      expect((await ack(incoming, `meeting:${ids.m1}`)).status).toBe(201); // restated, still one
      const list = await ctx.http().get(`${base()}/dossier/acknowledgements`).expect(200);
      expect(list.body.items.map((a: { itemKey: string }) => a.itemKey).sort()).toEqual([`action_item:${ids.a2}`, `meeting:${ids.m1}`].sort());
      expect(list.body.progress.acknowledged).toBe(2);
      expect(list.body.remaining).toHaveLength(list.body.progress.total - 2);
    });

    it('keeps the dossier with past terms, archived', async () => {
      await ctx.db.query(`UPDATE handover_dossiers SET status = 'archived', archived_at = now() WHERE term_id = $1 AND status <> 'archived'`, [termId]);
      const res = await ctx.http().get(`${base()}/dossier`).expect(200);
      expect(res.body.status).toBe('archived');
      expect(res.body.progress.acknowledged).toBe(2);
      // Each refusal names its own state: archived, not "submitted".
      const refresh = await ctx.http().post(`${base()}/dossier/refresh`).send({});
      expect({ status: refresh.status, code: refresh.body.code, message: refresh.body.message }).toEqual({
        status: 409,
        code: 'DOSSIER_ARCHIVED',
        message: expect.stringContaining('archived'),
      });
      const submit = await ctx.http().post(`${base()}/dossier/submit`).send({ version: res.body.version });
      expect({ status: submit.status, code: submit.body.code }).toEqual({ status: 409, code: 'DOSSIER_ARCHIVED' });
    });
  });

  it('the assembly job assembles the dossier of terms entering their 90-day window, once', async () => {
    const councilId = await newCouncil(ctx, ['en']);
    const dx = await newDelegation(ctx, councilId, 'Belize', 'BZ');
    const inWindow = await term(
      councilId,
      await participantOf(dx),
      new Date(Date.now() - 600 * DAY).toISOString().slice(0, 10),
      new Date(Date.now() + 80 * DAY).toISOString().slice(0, 10),
    );
    const later = await term(
      councilId,
      await participantOf(dx),
      new Date(Date.now() + 80 * DAY).toISOString().slice(0, 10),
      new Date(Date.now() + 500 * DAY).toISOString().slice(0, 10),
    );
    const run = () => ctx.worker!.get(DossierAssembleJob, { strict: false }).handle();
    await run();
    await run();
    const rows = (await ctx.db.query(`SELECT term_id, version, generated_at FROM handover_dossiers WHERE council_id = $1`, [councilId])) as {
      term_id: string;
      version: number;
    }[];
    expect(rows.map((r) => r.term_id)).toEqual([inWindow]);
    expect(rows[0]!.version).toBe(1);
    const audits = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE council_id = $1 AND action = 'handover_dossier.assembled'`, [
      councilId,
    ])) as { n: number }[];
    expect(audits[0]!.n).toBe(1);
    expect(later).toBeTruthy();
  });

  it('the public calendar comes out right for any date over an irregular history', async () => {
    const councilId = await newCouncil(ctx, ['en']);
    const p = async (name: string, iso2: string) => participantOf(await newDelegation(ctx, councilId, name, iso2));
    const ca = await p('Canada', 'CA');
    const us = await p('United States', 'US');
    const fi = await p('Finland', 'FI');
    const no = await p('Norway', 'NO');
    // Irregular history, entered with explicit dates: two-year terms, then Norway's longer one, then a short one.
    const history: [string, string, string][] = [
      [ca, '1996-09-19', '1998-09-17'],
      [us, '1998-09-17', '2000-10-13'],
      [fi, '2000-10-13', '2002-10-10'],
      [no, '2002-10-10', '2009-04-29'],
      [ca, '2009-04-29', '2010-01-15'],
    ];
    for (const [pid, from, to] of history) await term(councilId, pid, from, to);
    const names = (entries: { holderName: string | null }[]) => entries.map((e) => e.holderName);
    const cal = async (at: string) => (await ctx.anonymous().get(`/councils/${councilId}/presidency/calendar`).query({ at, upcoming: '2' }).expect(200)).body;

    const a = await cal('1997-01-01T00:00:00Z');
    expect([names(a.past), a.current.holderName, names(a.upcoming)]).toEqual([[], 'Canada', ['United States', 'Finland']]);
    expect([a.troika.previous, a.troika.current.holderName, a.troika.next.holderName]).toEqual([null, 'Canada', 'United States']);

    const b = await cal('2005-06-01T12:00:00Z');
    expect([names(b.past), b.current.holderName, names(b.upcoming)]).toEqual([['Canada', 'United States', 'Finland'], 'Norway', ['Canada', 'United States']]);
    expect(b.upcoming[1]).toMatchObject({ projected: true, startsAt: '2010-01-15T00:00:00.000Z' });
    expect([b.troika.previous.holderName, b.troika.current.holderName, b.troika.next.holderName]).toEqual(['Finland', 'Norway', 'Canada']);
    expect(b.current).toMatchObject({ startsAt: '2002-10-10T00:00:00.000Z', endsAt: '2009-04-29T00:00:00.000Z' });

    const c = await cal('2009-04-29T00:00:00Z');
    expect([names(c.past), c.current.holderName]).toEqual([['Canada', 'United States', 'Finland', 'Norway'], 'Canada']);
    expect(c.troika.previous.holderName).toBe('Norway');
    expect(c.troika.next).toMatchObject({ holderName: 'United States', projected: true });

    const d = await cal('2009-04-28T23:59:59.999Z');
    expect(d.current.holderName).toBe('Norway');

    const e = await cal('2030-01-01T00:00:00Z');
    expect([names(e.past).length, e.current, e.upcoming]).toEqual([5, null, []]);
    expect(e.troika.previous.holderName).toBe('Canada');

    const f = await cal('1990-01-01T00:00:00Z');
    expect([f.past, f.current, names(f.upcoming)]).toEqual([[], null, ['Canada', 'United States']]);
  });
});
