import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { HandoverPlanner } from '../src/modules/presidency/timeline/handover-planner.service.js';
import { type Actor, admin, delegateOf, secretariat } from './support/actors.js';
import { given } from './support/given.js';
import { FAST_NOTIFICATIONS, newDelegation, type Person, seated, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * What will be sent: the secretariat reads a meeting's (an action item's, a term's) notifications from the outbox —
 * kind, when (UTC and the subject's zone), to whom, and what became of each — while the real worker sends them.
 */
jest.setTimeout(90_000);

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = 'America/Mexico_City';

interface Item {
  id: string;
  kind: string;
  step: string | null;
  label: string;
  subjectType: string;
  scheduled: boolean;
  dueAt: string;
  dueAtLocal: string;
  status: string;
  sentAt: string | null;
  cancelledAt: string | null;
  audience: { code: string; description: string };
  recipientCount: number | null;
  deliveries: { total: number; sent: number; pending: number; digest: number; failed: number; off: number; lastSentAt: string | null } | null;
  recipients: { userId: string | null; email: string; language: string; status: string; sentAt: string | null }[];
}

describe('scheduled notifications of a subject', () => {
  let ctx: TestContext;
  let councilId: string;
  let otherCouncilId: string;
  let heads: Person[];
  let staff: Actor;
  let sysadmin: Actor;
  let delegate: Actor;
  let foreignStaff: Actor;

  const meetings = () => `/councils/${councilId}/meetings`;
  const version = async (id: string) => ((await ctx.db.query(`SELECT version FROM meetings WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
  const local = (at: Date | string, zone = ZONE) => DateTime.fromJSDate(new Date(at), { zone }).toISO({ suppressMilliseconds: true });
  /** `days` calendar days before `at`, same wall-clock time in the zone (how the meeting's deadlines count). */
  const daysBefore = (at: Date | string, days: number) => DateTime.fromJSDate(new Date(at), { zone: ZONE }).minus({ days }).toJSDate();

  async function list(path: string, who: Actor = staff): Promise<{ subjectType: string; subjectId: string; timeZone: string; items: Item[] }> {
    const res = await ctx.anonymous().get(path).set(who.auth);
    expect({ path, status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body;
  }
  const ofMeeting = async (id: string) => (await list(`${meetings()}/${id}/notifications`)).items;
  const byStep = (items: Item[], kind: string, step?: string) => items.filter((i) => i.kind === kind && (step === undefined || i.step === step));

  async function transition(id: string, to: string): Promise<void> {
    const res = await ctx
      .http()
      .post(`${meetings()}/${id}/transitions`)
      .send({ to, version: await version(id) });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true, env: FAST_NOTIFICATIONS });
    const council = await ctx
      .http()
      .post('/councils')
      .send({ slug: `s-${randomUUID().slice(0, 8)}`, name: `Consejo ${randomUUID().slice(0, 8)}`, workingLanguages: ['es', 'en'], timeZone: ZONE })
      .expect(201);
    councilId = council.body.id;
    otherCouncilId = (
      await ctx
        .http()
        .post('/councils')
        .send({ slug: `o-${randomUUID().slice(0, 8)}`, name: `Other ${randomUUID().slice(0, 8)}`, workingLanguages: ['en'], timeZone: 'UTC' })
        .expect(201)
    ).body.id;
    const mx = await newDelegation(ctx, councilId, 'Mexico', 'MX');
    const gt = await newDelegation(ctx, councilId, 'Guatemala', 'GT');
    heads = [
      await seated(ctx, councilId, mx, 'head', { language: 'es', timeZone: ZONE }),
      await seated(ctx, councilId, gt, 'head', { language: 'en', timeZone: 'America/Guatemala' }),
    ];
    await seated(ctx, councilId, mx, 'alternate'); // not a head: not told
    staff = await secretariat(ctx, councilId);
    sysadmin = await admin(ctx);
    delegate = await delegateOf(ctx, councilId, gt, 'adviser');
    foreignStaff = await secretariat(ctx, otherCouncilId);
  });
  afterAll(() => ctx?.close());

  it('a convened meeting: the 7-day, 1-day and papers reminders at their instants; moved → they follow; one brought forward → sent; cancelled → cancelled', async () => {
    const startsAt = new Date(Math.floor((Date.now() + 20 * DAY) / 60_000) * 60_000);
    const created = await ctx
      .http()
      .post(meetings())
      .send({
        kind: 'extraordinary',
        title: `Reunión ${randomUUID().slice(0, 6)}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        timeZone: ZONE,
      });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    const meetingId = created.body.id as string;
    const papersDays = created.body.deadlines.papersDays as number;

    // A draft says nothing yet.
    expect(await list(`${meetings()}/${meetingId}/notifications`)).toEqual({ subjectType: 'meeting', subjectId: meetingId, timeZone: ZONE, items: [] });

    await transition(meetingId, 'convened');
    let items = await ofMeeting(meetingId);
    // The convening notice (told now), then the reminders, oldest due first.
    expect(items.map((i) => [i.kind, i.step, i.scheduled])).toEqual([
      ['meeting.convened', 'convened', false],
      ['meeting.papers_due', 'papers', true],
      ['meeting.reminder', '7d', true],
      ['meeting.reminder', '1d', true],
    ]);
    const [papers] = byStep(items, 'meeting.papers_due');
    const [week] = byStep(items, 'meeting.reminder', '7d');
    const [day] = byStep(items, 'meeting.reminder', '1d');
    const expected = [
      [papers!, daysBefore(startsAt, papersDays + 3)],
      [week!, daysBefore(startsAt, 7)],
      [day!, daysBefore(startsAt, 1)],
    ] as const;
    for (const [item, due] of expected) {
      expect(item).toMatchObject({
        status: 'pending',
        dueAt: due.toISOString(),
        dueAtLocal: local(due),
        sentAt: null,
        cancelledAt: null,
        deliveries: null,
        recipients: [],
      });
      expect(item.dueAtLocal).toMatch(/-06:00$/);
    }
    expect(week).toMatchObject({
      label: 'Reminder 7 days before the meeting',
      subjectType: 'meeting',
      audience: { code: 'heads_of_delegation' },
      recipientCount: 2,
    });
    expect(papers).toMatchObject({ audience: { code: 'presenting_heads' }, recipientCount: null });

    // The convening notice goes out at once: sent, with the ledger's counts and its two recipients (the heads).
    const convened = await until('the convening notice sent', async () => {
      const c = byStep(await ofMeeting(meetingId), 'meeting.convened')[0]!;
      return c.status === 'sent' && c.deliveries!.sent === 2 ? c : undefined;
    });
    expect(convened).toMatchObject({ recipientCount: 2, deliveries: { total: 2, sent: 2, pending: 0, failed: 0, off: 0 } });
    expect(convened.sentAt).not.toBeNull();
    expect(convened.recipients.map((r) => [r.email, r.status, r.language])).toEqual(
      heads.map((h, n) => [h.email, 'sent', n === 0 ? 'es' : 'en']).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );

    // Moved two days later: the live reminders move with it (the same rows, new instants).
    const moved = new Date(startsAt.getTime() + 2 * DAY);
    await ctx
      .http()
      .patch(`${meetings()}/${meetingId}`)
      .send({ version: await version(meetingId), startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + 2 * HOUR).toISOString() })
      .expect(200);
    items = await ofMeeting(meetingId);
    expect(byStep(items, 'meeting.reminder', '7d')).toEqual([
      expect.objectContaining({ id: week!.id, status: 'pending', dueAt: daysBefore(moved, 7).toISOString() }),
    ]);
    expect(byStep(items, 'meeting.reminder', '1d')).toEqual([
      expect.objectContaining({ id: day!.id, status: 'pending', dueAt: daysBefore(moved, 1).toISOString() }),
    ]);
    expect(byStep(items, 'meeting.papers_due')).toEqual([expect.objectContaining({ id: papers!.id, dueAt: daysBefore(moved, papersDays + 3).toISOString() })]);

    // The 1-day reminder brought forward: the worker sends it, and the list shows it sent to both heads.
    await ctx.db.query(`UPDATE outbox SET due_at = now() WHERE id = $1 AND status = 'pending'`, [day!.id]);
    const sent = await until(
      'the 1-day reminder sent',
      async () => {
        const d = (await ofMeeting(meetingId)).find((i) => i.id === day!.id)!;
        return d.status === 'sent' && d.deliveries!.sent === 2 ? d : undefined;
      },
      30_000,
    );
    expect(sent).toMatchObject({ kind: 'meeting.reminder', step: '1d', recipientCount: 2, deliveries: { total: 2, sent: 2 } });
    expect(new Date(sent.sentAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(sent.deliveries!.lastSentAt).not.toBeNull();
    expect(sent.recipients.every((r) => r.status === 'sent' && r.sentAt !== null)).toBe(true);

    // Cancelled: what had not gone out is cancelled; the cancellation notice is told; what went out stays sent.
    await transition(meetingId, 'cancelled');
    items = await ofMeeting(meetingId);
    for (const id of [week!.id, papers!.id]) {
      const i = items.find((x) => x.id === id)!;
      expect(i).toMatchObject({ status: 'cancelled', sentAt: null, recipientCount: null });
      expect(i.cancelledAt).not.toBeNull();
    }
    expect(items.find((x) => x.id === day!.id)!.status).toBe('sent');
    expect(byStep(items, 'meeting.cancelled')).toEqual([expect.objectContaining({ scheduled: false, label: 'Meeting cancelled' })]);
    expect(items.filter((i) => i.status === 'pending' && i.scheduled)).toEqual([]);

    // The administrator reads it too; a delegate may not; another council's secretariat may not; another council's route finds nothing.
    expect((await list(`${meetings()}/${meetingId}/notifications`, sysadmin)).items).toHaveLength(items.length);
    await ctx.anonymous().get(`${meetings()}/${meetingId}/notifications`).set(delegate.auth).expect(403);
    await ctx.anonymous().get(`${meetings()}/${meetingId}/notifications`).set(foreignStaff.auth).expect(403);
    await ctx.anonymous().get(`${meetings()}/${meetingId}/notifications`).expect(401);
    await ctx.http().get(`/councils/${otherCouncilId}/meetings/${meetingId}/notifications`).expect(404);
    await ctx.http().get(`${meetings()}/${randomUUID()}/notifications`).expect(404);
    const bad = await ctx.http().get(`${meetings()}/not-a-uuid/notifications`).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'meetingId', rule: 'uuid' })]);
  });

  it('an action item: its reminders at 09:00 in the council’s zone; re-dated → they follow; cancelled → cancelled', async () => {
    const [{ id: delegationId }] = await ctx.db.query(`SELECT id FROM delegations WHERE council_id = $1 ORDER BY name LIMIT 1`, [councilId]);
    const dueDate = DateTime.now().setZone(ZONE).plus({ days: 30 }).toISODate()!;
    const created = await ctx
      .http()
      .post(`/councils/${councilId}/action-items`)
      .send({ title: { es: 'Informe' }, ownerKind: 'delegation', ownerDelegationId: delegationId, dueDate });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    const itemId = created.body.id as string;
    const path = `/councils/${councilId}/action-items/${itemId}/notifications`;

    const res = await list(path);
    expect(res).toMatchObject({ subjectType: 'action_item', subjectId: itemId, timeZone: ZONE });
    expect(res.items.map((i) => [i.kind, i.step, i.status])).toEqual([
      ['action_item.acknowledge_requested', 'ack', 'pending'],
      ['action_item.due_soon', 'due-14d', 'pending'],
      ['action_item.due_soon', 'due-3d', 'pending'],
      ['action_item.overdue', 'over-1d', 'pending'],
      ['action_item.escalated', 'over-14d', 'pending'],
    ]);
    const at9 = (days: number) => DateTime.fromISO(dueDate, { zone: ZONE }).plus({ days }).set({ hour: 9 }).toJSDate().toISOString();
    expect(res.items.slice(1).map((i) => i.dueAt)).toEqual([at9(-14), at9(-3), at9(1), at9(14)]);
    expect(res.items.slice(1).map((i) => i.dueAtLocal.slice(10))).toEqual(Array(4).fill('T09:00:00-06:00'));
    expect(res.items.map((i) => i.label)).toEqual([
      'Acknowledgement requested',
      'Due in 14 days',
      'Due in 3 days',
      'Overdue by 1 day',
      'Escalated: overdue by 14 days',
    ]);
    expect(res.items[0]!.audience.code).toBe('item_owner');

    // A new due date: the date-based reminders move (same rows); the acknowledgement stays.
    const newDue = DateTime.fromISO(dueDate).plus({ days: 10 }).toISODate()!;
    const reassigned = await ctx
      .http()
      .post(`/councils/${councilId}/action-items/${itemId}/reassign`)
      .send({ version: created.body.version, reason: 'More time', dueDate: newDue });
    expect({ status: reassigned.status, body: reassigned.body }).toMatchObject({ status: 200 });
    const at9new = (days: number) => DateTime.fromISO(newDue, { zone: ZONE }).plus({ days }).set({ hour: 9 }).toJSDate().toISOString();
    const moved = (await list(path)).items.filter((i) => i.status === 'pending');
    expect(moved.map((i) => [i.id, i.dueAt])).toEqual([
      [res.items[0]!.id, res.items[0]!.dueAt],
      ...[-14, -3, 1, 14].map((d, n) => [res.items[n + 1]!.id, at9new(d)]),
    ]);

    // Cancelled: nothing is left to send.
    const cancelled = await ctx
      .http()
      .post(`/councils/${councilId}/action-items/${itemId}/transitions`)
      .send({ to: 'cancelled', version: reassigned.body.version, reason: 'No longer needed' });
    expect({ status: cancelled.status, body: cancelled.body }).toMatchObject({ status: 200 });
    const after = (await list(path)).items;
    expect(after.map((i) => i.status)).toEqual(Array(5).fill('cancelled'));
    expect(after.every((i) => i.cancelledAt !== null)).toBe(true);

    await ctx.http().get(`/councils/${otherCouncilId}/action-items/${itemId}/notifications`).expect(404);
    await ctx.anonymous().get(path).set(delegate.auth).expect(403);
    expect((await list(path, sysadmin)).items).toHaveLength(5);
  });

  it('a presidency term: its handover reminders, in the council’s zone; another council’s term is not found', async () => {
    const [{ id: participantId }] = await ctx.db.query(`SELECT participant_id AS id FROM delegations WHERE council_id = $1 ORDER BY name LIMIT 1`, [councilId]);
    const termId = await given(ctx)
      .inCouncil(councilId)
      .presiding(participantId as string);
    const path = `/councils/${councilId}/presidency/terms/${termId}/notifications`;
    expect(await list(path)).toEqual({ subjectType: 'presidency_term', subjectId: termId, timeZone: ZONE, items: [] });

    // The handover reminders, as the planner schedules them (the worker runs it every HANDOVER_PLAN_INTERVAL_MS).
    const planner = ctx.app.get(HandoverPlanner, { strict: false });
    await ctx.db.transaction((em) => planner.plan(em, new Date(), councilId));
    const [{ ends }] = await ctx.db.query(`SELECT upper(period) AS ends FROM presidency_terms WHERE id = $1`, [termId]);
    const end = new Date(ends);
    const items = (await list(path)).items;
    // 12 months before the end falls before the term started: no first reminder.
    expect(items.map((i) => [i.kind, i.step, i.status, i.audience.code])).toEqual([
      ['handover.priorities_due', 'priorities_due', 'pending', 'holder_successor_secretariat'],
      ['handover.dossier_due', 'dossier_due', 'pending', 'holder_successor_secretariat'],
      ['handover.final_reminder', 'final_reminder', 'pending', 'holder_successor_secretariat'],
    ]);
    const dossier = items[1]!;
    const due = new Date(end.getTime() - 90 * DAY);
    expect(dossier).toMatchObject({ label: 'Handover: the dossier is due', dueAt: due.toISOString(), dueAtLocal: local(due), recipientCount: null });
    await ctx.http().get(`/councils/${otherCouncilId}/presidency/terms/${termId}/notifications`).expect(404);
    await ctx.anonymous().get(path).set(delegate.auth).expect(403);
  });
});
