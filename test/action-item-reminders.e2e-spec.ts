import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { ActionItemEscalator } from '../src/modules/action-items/reminders/action-item-escalator.service.js';
import { ActionItemRemindersScheduler } from '../src/modules/action-items/reminders/action-item-reminders.scheduler.js';
import { type Actor, delegateOf } from './support/actors.js';
import { given } from './support/given.js';
import { FAST_NOTIFICATIONS, mailsAbout, mailsTo, newCouncil, newDelegation, sleep, until, waitForEach } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

type Person = Actor & { email: string };

interface OutboxRow {
  key: string;
  kind: string;
  status: string;
  dueAt: Date;
  occurrence: string;
  generation: number;
}

/**
 * Action-item reminders and escalation end to end: items created and changed through the API plan their
 * reminders in the outbox; the real worker sends them (owner, head of delegation, body lead and chair) through
 * SMTP to a sink; the periodic escalation puts items overdue by 30 days on the next senior officials agenda.
 * Real offsets are days away: tests either bring an outbox row's due time to now, or re-plan an item whose due
 * date was moved into the past with the scheduler's own `now` set just before the step.
 */
describe('action item reminders and escalation', () => {
  let ctx: TestContext;
  let councilId: string;
  let zone: string;
  let ca: string;
  let gt: string;
  let mx: string;
  let bodyId: string;
  const people: Record<'caHead' | 'caAlt' | 'caAdviser' | 'gtHead' | 'mxHead', Person> = {} as never;

  const outboxOf = (itemId: string) =>
    ctx.db.query(
      `SELECT reminder_key AS key, kind, status, due_at AS "dueAt", occurrence, generation FROM outbox WHERE subject_id = $1 AND subject_type = 'action_item' ORDER BY id`,
      [itemId],
    ) as Promise<OutboxRow[]>;
  const live = async (itemId: string) => (await outboxOf(itemId)).filter((r) => r.status === 'pending' || r.status === 'enqueued');
  const liveStep = async (itemId: string, step: string) => (await live(itemId)).find((r) => r.key.endsWith(`-${step}`));
  const version = async (id: string) => ((await ctx.db.query(`SELECT version FROM action_items WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
  const today = () => DateTime.now().setZone(zone).toISODate()!;
  const plusDays = (date: string, days: number) => DateTime.fromISO(date, { zone }).plus({ days }).toISODate()!;
  const nineAm = (date: string) => DateTime.fromISO(date, { zone }).set({ hour: 9 }).toJSDate();

  async function person(delegationId: string, role: 'head' | 'alternate' | 'adviser'): Promise<Person> {
    const actor = await delegateOf(ctx, councilId, delegationId, role);
    await ctx.db.query(`UPDATE delegates SET preferred_language = 'en', time_zone = 'UTC' WHERE id = $1`, [actor.delegateId]);
    const email = ((await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [actor.userId])) as { email: string }[])[0]!.email;
    return { ...actor, email };
  }

  async function create(title: string, body: Record<string, unknown> = {}): Promise<{ id: string; createdAt: string; dueDate: string }> {
    const res = await ctx
      .http()
      .post(`/councils/${councilId}/action-items`)
      .send({ title: { en: title }, ownerKind: 'delegation', ownerDelegationId: ca, dueDate: plusDays(today(), 40), ...body });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  }

  async function move(itemId: string, to: string, actor: Actor = people.caHead, extra: Record<string, unknown> = {}): Promise<void> {
    const res = await ctx
      .anonymous()
      .post(`/councils/${councilId}/action-items/${itemId}/transitions`)
      .set(actor.auth)
      .send({ to, version: await version(itemId), ...extra });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  /** Brings the live reminder of `step` forward to now (the relay then picks it up). */
  async function fireNow(itemId: string, step: string): Promise<void> {
    const [, n] = (await ctx.db.query(`UPDATE outbox SET due_at = now() WHERE reminder_key = $1 AND status = 'pending'`, [
      `action-item-${itemId}-${step}`,
    ])) as [unknown, number];
    expect(n).toBe(1);
  }

  /** The item's due date moved into the past (as if time had passed), its reminders re-planned as the scheduler would have at `asOf`. */
  async function backdate(itemId: string, dueDate: string, asOf: Date): Promise<void> {
    await ctx.db.query(`UPDATE action_items SET due_date = $2 WHERE id = $1`, [itemId, dueDate]);
    const scheduler = ctx.app.get(ActionItemRemindersScheduler);
    await ctx.db.transaction((em) => scheduler.plan(em, councilId, itemId, asOf));
  }

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true, env: { ...FAST_NOTIFICATIONS, ACTION_ITEM_ESCALATE_INTERVAL_MS: '400' } });
    councilId = await newCouncil(ctx, ['es', 'en', 'fr', 'pt'], `Consejo ${randomUUID().slice(0, 8)}`);
    zone = 'America/Mexico_City';
    await ctx.db.query(`UPDATE councils SET time_zone = $2 WHERE id = $1`, [councilId, zone]);
    [mx, ca, gt] = await Promise.all([
      newDelegation(ctx, councilId, 'Mexico', 'MX'),
      newDelegation(ctx, councilId, 'Canada', 'CA'),
      newDelegation(ctx, councilId, 'Guatemala', 'GT'),
    ]);
    const participantOf = async (d: string) =>
      ((await ctx.db.query(`SELECT participant_id AS p FROM delegations WHERE id = $1`, [d])) as { p: string }[])[0]!.p;
    const c = given(ctx).inCouncil(councilId);
    await c.presiding(await participantOf(mx));
    bodyId = await c.body('Working Group on Protection');
    await c.bodyLead(bodyId, await participantOf(gt), 400);
    people.caHead = await person(ca, 'head');
    people.caAlt = await person(ca, 'alternate');
    people.caAdviser = await person(ca, 'adviser');
    people.gtHead = await person(gt, 'head');
    people.mxHead = await person(mx, 'head');
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('plans acknowledgement, due-soon and overdue reminders when an item is created (09:00 in the council’s zone)', async () => {
    const item = await create('Plan check');
    const rows = await live(item.id);
    const step = (s: string) => rows.find((r) => r.key === `action-item-${item.id}-${s}`);
    expect(rows.map((r) => r.key.slice(`action-item-${item.id}-`.length)).sort()).toEqual(['ack', 'due-14d', 'due-3d', 'over-14d', 'over-1d']);
    expect(new Date(step('ack')!.dueAt).getTime()).toBe(new Date(item.createdAt).getTime() + 7 * 86_400_000);
    expect(new Date(step('due-3d')!.dueAt).toISOString()).toBe(nineAm(plusDays(item.dueDate, -3)).toISOString());
    expect(new Date(step('due-14d')!.dueAt).toISOString()).toBe(nineAm(plusDays(item.dueDate, -14)).toISOString());
    expect(new Date(step('over-1d')!.dueAt).toISOString()).toBe(nineAm(plusDays(item.dueDate, 1)).toISOString());
    expect(new Date(step('over-14d')!.dueAt).toISOString()).toBe(nineAm(plusDays(item.dueDate, 14)).toISOString());
    expect(step('due-3d')).toMatchObject({ kind: 'action_item.due_soon', occurrence: `due-3d@${item.dueDate}` });
    expect(step('ack')!.kind).toBe('action_item.acknowledge_requested');
    expect(step('over-1d')!.kind).toBe('action_item.overdue');
    expect(step('over-14d')!.kind).toBe('action_item.escalated');
  });

  it('asks the owner delegation’s head and alternate to acknowledge; acknowledging stops it', async () => {
    const item = await create('Acknowledge me');
    await fireNow(item.id, 'ack');
    await waitForEach(ctx, [people.caHead.email, people.caAlt.email], 'Please acknowledge the action item: Acknowledge me');
    await sleep(500);
    expect(mailsTo(ctx, people.caAdviser.email, 'Acknowledge me')).toHaveLength(0);
    expect(mailsTo(ctx, people.mxHead.email, 'Acknowledge me')).toHaveLength(0);
    const mail = mailsTo(ctx, people.caHead.email, 'Acknowledge me')[0]!;
    expect(mail.text).toContain(item.dueDate);

    // Acknowledged: the acknowledgement reminder is cancelled, the others stay.
    const other = await create('Acknowledged in time');
    await move(other.id, 'acknowledged');
    expect(await liveStep(other.id, 'ack')).toBeUndefined();
    expect(await liveStep(other.id, 'due-3d')).toBeDefined();
    expect((await outboxOf(other.id)).find((r) => r.key.endsWith('-ack'))!.status).toBe('cancelled');

    // A reminder that fires for an item acknowledged behind the scheduler's back says nothing (the kind checks again).
    const sneaky = await create('Acknowledged quietly');
    await ctx.db.query(`UPDATE action_items SET status = 'acknowledged', acknowledged_at = now() WHERE id = $1`, [sneaky.id]);
    await fireNow(sneaky.id, 'ack');
    await until('the stale acknowledgement reminder is processed', async () =>
      (await outboxOf(sneaky.id)).find((r) => r.key.endsWith('-ack'))!.status === 'done' ? true : undefined,
    );
    expect(mailsAbout(ctx, 'Acknowledged quietly')).toHaveLength(0);
  });

  it('reminds the person in charge (when the item names one) that the item is due soon', async () => {
    const item = await create('Due soon', { ownerUserId: people.caAdviser.userId });
    await fireNow(item.id, 'due-3d');
    await waitForEach(ctx, [people.caAdviser.email], 'Due soon');
    await sleep(500);
    expect(mailsAbout(ctx, 'Due soon').flatMap((m) => m.to)).toEqual([people.caAdviser.email]);
    expect(mailsAbout(ctx, 'Due soon')[0]!.subject).toBe('Action item due in 40 days: Due soon');
  });

  it('a new due date moves the reminders (and a new occurrence sends them again)', async () => {
    const item = await create('Moved');
    const before = await liveStep(item.id, 'due-3d');
    const dueDate = plusDays(today(), 60);
    const res = await ctx
      .http()
      .post(`/councils/${councilId}/action-items/${item.id}/reassign`)
      .send({ version: await version(item.id), reason: 'More time agreed', dueDate });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    const after = await liveStep(item.id, 'due-3d');
    expect(new Date(after!.dueAt).toISOString()).toBe(nineAm(plusDays(dueDate, -3)).toISOString());
    expect(after!.occurrence).toBe(`due-3d@${dueDate}`);
    expect(after!.generation).toBe(before!.generation + 1);
    expect(new Date((await liveStep(item.id, 'over-1d'))!.dueAt).toISOString()).toBe(nineAm(plusDays(dueDate, 1)).toISOString());
    expect((await live(item.id)).length).toBe(5);
  });

  it('completing an item cancels every reminder it has left; cancelling does too', async () => {
    const item = await create('Completed');
    await move(item.id, 'acknowledged');
    await move(item.id, 'in_progress');
    expect((await live(item.id)).length).toBe(4);
    await move(item.id, 'done');
    expect(await live(item.id)).toEqual([]);

    const cancelled = await create('Cancelled');
    expect((await live(cancelled.id)).length).toBe(5);
    await ctx
      .http()
      .post(`/councils/${councilId}/action-items/${cancelled.id}/transitions`)
      .send({ to: 'cancelled', version: await version(cancelled.id), reason: 'No longer needed' })
      .expect(200);
    expect(await live(cancelled.id)).toEqual([]);
  });

  it('overdue (+1 day) goes to the person in charge and the head of delegation', async () => {
    const item = await create('Late item', { ownerUserId: people.caAdviser.userId });
    const dueDate = plusDays(today(), -2);
    await backdate(item.id, dueDate, DateTime.fromISO(plusDays(dueDate, 1), { zone }).set({ hour: 8 }).toJSDate());
    expect((await liveStep(item.id, 'over-1d'))!.occurrence).toBe(`over-1d@${dueDate}`);
    await waitForEach(ctx, [people.caAdviser.email, people.caHead.email], 'Overdue action item: Late item');
    await sleep(500);
    expect(
      mailsAbout(ctx, 'Late item')
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([people.caAdviser.email, people.caHead.email].sort());
    expect(mailsTo(ctx, people.caHead.email, 'Late item')[0]!.text).toContain('2 days overdue');
    // Still ahead: the +14 escalation.
    expect(await liveStep(item.id, 'over-14d')).toBeDefined();
  });

  it('escalated (+14 days) goes to the lead of the body concerned and to the chair; once done, nothing more', async () => {
    const meetingId = (
      (await ctx.db.query(
        `INSERT INTO meetings (council_id, body_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
       VALUES ($1, $2, 'working_group', 'Working group', now() - interval '40 days', now() - interval '40 days' + interval '3 hours', 'UTC', 'closed', now() - interval '80 days') RETURNING id`,
        [councilId, bodyId],
      )) as { id: string }[]
    )[0]!.id;
    const item = await create('Escalated item', { meetingId });
    const dueDate = plusDays(today(), -15);
    await backdate(item.id, dueDate, DateTime.fromISO(plusDays(dueDate, 14), { zone }).set({ hour: 8 }).toJSDate());
    await waitForEach(ctx, [people.gtHead.email, people.mxHead.email], 'Escalated: action item');
    await sleep(500);
    expect(
      mailsAbout(ctx, 'Escalated item')
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([people.gtHead.email, people.mxHead.email].sort());

    // Done before its reminder fires: nothing is sent.
    const finished = await create('Finished early', { meetingId });
    await move(finished.id, 'acknowledged');
    await move(finished.id, 'in_progress');
    const key = `action-item-${finished.id}-over-14d`;
    await ctx.db.query(`UPDATE action_items SET status = 'done', done_at = now() WHERE id = $1`, [finished.id]);
    await ctx.db.query(`UPDATE outbox SET due_at = now() WHERE reminder_key = $1 AND status = 'pending'`, [key]);
    await until('the reminder of a done item is processed', async () =>
      (await outboxOf(finished.id)).find((r) => r.key === key)!.status === 'done' ? true : undefined,
    );
    expect(mailsAbout(ctx, 'Finished early')).toHaveLength(0);
  });

  it('+30 days: the item lands on the next senior officials agenda exactly once, even with two runs at once', async () => {
    const item = await create('Very late item');
    await ctx.db.query(`UPDATE action_items SET due_date = $2 WHERE id = $1`, [item.id, plusDays(today(), -31)]);
    const escalator = ctx.worker!.get(ActionItemEscalator);
    const placements = () =>
      ctx.db.query(
        `SELECT meeting_id AS "meetingId", agenda_item_id AS "agendaItemId", due_date::text AS "dueDate" FROM action_item_agenda_placements WHERE action_item_id = $1`,
        [item.id],
      ) as Promise<{ meetingId: string; agendaItemId: string; dueDate: string }[]>;

    // No senior officials meeting ahead (a past one, a cancelled one): nothing happens.
    const so = (startsIn: string, status: string) =>
      ctx.db.query(
        `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
         VALUES ($1, 'senior_officials', $2, now() + $3::interval, now() + $3::interval + interval '1 day', 'UTC', $4, CASE WHEN $4 <> 'draft' THEN now() END) RETURNING id`,
        [councilId, `Senior officials ${startsIn} ${status}`, startsIn, status],
      ) as Promise<{ id: string }[]>;
    await so('-10 days', 'closed');
    await so('20 days', 'cancelled');
    await escalator.runCouncil(councilId);
    expect(await placements()).toEqual([]);

    const later = (await so('90 days', 'draft'))[0]!.id;
    const next = (await so('50 days', 'convened'))[0]!.id;
    const results = await Promise.all([escalator.runCouncil(councilId), escalator.runCouncil(councilId), escalator.runAll()]);
    expect(results.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    const placed = await until('the item is placed', async () => ((await placements()).length ? placements() : undefined));
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ meetingId: next, dueDate: plusDays(today(), -31) });
    expect(placed[0]!.meetingId).not.toBe(later);
    const agenda = (await ctx.http().get(`/councils/${councilId}/meetings/${next}/agenda`).expect(200)).body as {
      items: { id: string; title: Record<string, string>; purpose: string; supplementary: boolean }[];
    };
    const overdueItems = agenda.items.filter((i) => i.title.en === 'Overdue action items');
    expect(overdueItems).toHaveLength(1);
    expect(overdueItems[0]).toMatchObject({
      id: placed[0]!.agendaItemId,
      purpose: 'discussion',
      supplementary: false,
      title: { es: 'Acciones vencidas', en: 'Overdue action items', fr: 'Actions en retard', pt: 'Itens de ação em atraso' },
    });

    // Again (and the periodic job meanwhile): still once; one audit row.
    await escalator.runAll();
    await sleep(1000);
    expect(await placements()).toHaveLength(1);
    const agendaAgain = (await ctx.http().get(`/councils/${councilId}/meetings/${next}/agenda`).expect(200)).body as {
      items: { title: Record<string, string> }[];
    };
    expect(agendaAgain.items.filter((i) => i.title.en === 'Overdue action items')).toHaveLength(1);
    const audits = (await ctx.db.query(`SELECT after FROM audit_log WHERE action = 'action_item.escalated_to_agenda' AND entity_id = $1`, [item.id])) as {
      after: { meetingId: string };
    }[];
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after.meetingId).toBe(next);

    // Another item overdue by 30 days: the periodic job places it under the same agenda item.
    const second = await create('Also very late');
    await ctx.db.query(`UPDATE action_items SET due_date = $2 WHERE id = $1`, [second.id, plusDays(today(), -30)]);
    const row = await until('the periodic job places the second item', async () => {
      const rows = (await ctx.db.query(`SELECT agenda_item_id AS "agendaItemId" FROM action_item_agenda_placements WHERE action_item_id = $1`, [
        second.id,
      ])) as { agendaItemId: string }[];
      return rows[0];
    });
    expect(row.agendaItemId).toBe(placed[0]!.agendaItemId);

    // Done items are never placed.
    const done = await create('Done long ago');
    await ctx.db.query(`UPDATE action_items SET due_date = $2, status = 'done', acknowledged_at = now(), done_at = now() WHERE id = $1`, [
      done.id,
      plusDays(today(), -40),
    ]);
    await escalator.runAll();
    expect(await ctx.db.query(`SELECT 1 FROM action_item_agenda_placements WHERE action_item_id = $1`, [done.id])).toEqual([]);
  });

  describe('the council’s rules', () => {
    let other: string;
    const rulesPath = () => `/councils/${other}/action-item-rules`;
    const good = { ackDays: 5, dueSoonDays: [3, 10], overdueDays: 2, escalateDays: 10, agendaDays: 21 };

    beforeAll(async () => {
      other = await newCouncil(ctx, ['es', 'en']);
    });

    it('returns the defaults until the council sets its own', async () => {
      const res = await ctx.http().get(rulesPath()).expect(200);
      expect(res.body).toEqual({
        councilId: other,
        ackDays: 7,
        dueSoonDays: [14, 3],
        overdueDays: 1,
        escalateDays: 14,
        agendaDays: 30,
        reminderHour: 9,
        defaults: true,
        version: 0,
        updatedAt: null,
      });
    });

    it('refuses bad rules with a 400 naming the field, and changes nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ ackDays: 0 }, 'ackDays'],
        [{ ackDays: 1.5 }, 'ackDays'],
        [{ dueSoonDays: [3, 'x'] }, 'dueSoonDays'],
        [{ dueSoonDays: [3, 3] }, 'dueSoonDays'],
        [{ dueSoonDays: [1, 2, 3, 4, 5, 6] }, 'dueSoonDays'],
        [{ dueSoonDays: [400] }, 'dueSoonDays'],
        [{ overdueDays: 5, escalateDays: 5 }, 'escalateDays'],
        [{ agendaDays: 10 }, 'agendaDays'],
        [{ agendaDays: 400 }, 'agendaDays'],
        [{ version: undefined }, 'version'],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [change, field] of cases) {
        const res = await ctx
          .http()
          .put(rulesPath())
          .send({ ...good, version: 0, ...change });
        expect({ change, status: res.status }).toEqual({ change, status: 400 });
        expect(JSON.stringify(res.body)).toContain(field);
      }
      expect(await ctx.db.query(`SELECT 1 FROM council_action_item_rules WHERE council_id = $1`, [other])).toEqual([]);
      await ctx
        .http()
        .put(`/councils/${randomUUID()}/action-item-rules`)
        .send({ ...good, version: 0 })
        .expect(404);
      await ctx
        .http()
        .put(`/councils/not-a-uuid/action-item-rules`)
        .send({ ...good, version: 0 })
        .expect(400);
    });

    it('saves the rules (versioned) and re-plans the open items’ reminders', async () => {
      const item = await ctx
        .http()
        .post(`/councils/${other}/action-items`)
        .send({
          title: { en: 'Under new rules' },
          ownerKind: 'delegation',
          ownerDelegationId: await newDelegation(ctx, other, 'Panama', 'PA'),
          dueDate: DateTime.now().plus({ days: 40 }).toISODate(),
        })
        .expect(201);
      const keys = async () => (await live(item.body.id)).map((r) => r.key.slice(`action-item-${item.body.id}-`.length)).sort();
      expect(await keys()).toEqual(['ack', 'due-14d', 'due-3d', 'over-14d', 'over-1d']);
      const res = await ctx
        .http()
        .put(rulesPath())
        .send({ ...good, version: 0 })
        .expect(200);
      expect(res.body).toMatchObject({ ...good, dueSoonDays: [10, 3], defaults: false, version: 1 });
      expect(await keys()).toEqual(['ack', 'due-10d', 'due-3d', 'over-10d', 'over-2d']);
      expect((await ctx.http().get(rulesPath()).expect(200)).body).toMatchObject({ ackDays: 5, version: 1 });
      // A stale version is refused.
      const stale = await ctx
        .http()
        .put(rulesPath())
        .send({ ...good, ackDays: 9, version: 0 });
      expect(stale.status).toBe(409);
      await ctx
        .http()
        .put(rulesPath())
        .send({ ...good, ackDays: 9, version: 1 })
        .expect(200);
      expect((await ctx.http().get(rulesPath()).expect(200)).body).toMatchObject({ ackDays: 9, version: 2 });
    });
  });
});
