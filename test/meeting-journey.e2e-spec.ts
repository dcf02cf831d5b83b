import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Actor } from './support/actors.js';
import { DAY, HOUR, meetingDayCome, sessionWorld, type SessionWorld } from './support/meetings.js';
import { FAST_NOTIFICATIONS, mailsAbout, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const ZONE = 'America/Guatemala';

/**
 * The secretariat's journey through the HTTP API, end to end on real PostgreSQL, the queue and SMTP: convene
 * (after a refused short-notice attempt), build and circulate the agenda, reminders by email (their due time brought
 * forward, as a clock would), postpone and cancel another meeting, attendance and quorum, a decision adopted by
 * consensus and one blocked by an objection, action items from the adopted decision, a silence procedure adopted at
 * its deadline and one broken, minutes drafted, circulated, commented and approved, then read without signing in.
 * Bad input on the way gets a clear 4xx and changes nothing.
 */
describe('the secretariat journey: from convening to public minutes', () => {
  let ctx: TestContext;
  let w: SessionWorld;
  let emails: Map<string, string>;

  const as = (actor: Actor) => ({
    get: (path: string) => ctx.anonymous().get(path).set(actor.auth),
    post: (path: string, body: object = {}) => ctx.anonymous().post(path).set(actor.auth).send(body),
    patch: (path: string, body: object) => ctx.anonymous().patch(path).set(actor.auth).send(body),
    put: (path: string, body: object) => ctx.anonymous().put(path).set(actor.auth).send(body),
  });
  const meetings = () => `/councils/${w.councilId}/meetings`;
  const version = async (table: string, column: string, id: string) =>
    ((await ctx.db.query(`SELECT version FROM ${table} WHERE ${column} = $1`, [id])) as { version: number }[])[0]!.version;
  const ok = (res: { status: number; body: unknown }, status = 200) => expect({ status: res.status, body: res.body }).toMatchObject({ status });
  const tables = async () =>
    (await ctx.db.query(
      `SELECT (SELECT count(*)::int FROM meetings) m, (SELECT coalesce(sum(version),0)::int FROM meetings) mv, (SELECT count(*)::int FROM agenda_items) ai,
              (SELECT count(*)::int FROM decisions) d, (SELECT count(*)::int FROM outbox) o, (SELECT count(*)::int FROM audit_log) a`,
    )) as unknown[];
  const transition = async (actor: Actor, id: string, to: string, extra: object = {}) =>
    as(actor).post(`${meetings()}/${id}/transitions`, { to, version: await version('meetings', 'id', id), ...extra });
  const fireReminders = (meetingId: string, kind: string) =>
    ctx.db.query(`UPDATE outbox SET due_at = now() WHERE subject_id = $1 AND kind = $2 AND status = 'pending'`, [meetingId, kind]);
  const headMails = (title: string) => mailsAbout(ctx, title).filter((m) => m.to.some((t) => emails.has(t)));

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true, env: { ...FAST_NOTIFICATIONS, SILENCE_MIN_NOTICE_SECONDS: '1', SILENCE_SWEEP_INTERVAL_MS: '300' } });
    w = await sessionWorld(ctx, 'journey');
    const rows = (await ctx.db.query(
      `SELECT u.email, d.delegation_id FROM delegates d JOIN council_roles cr ON cr.delegate_id = d.id JOIN users u ON u.id = cr.user_id WHERE d.council_id = $1 AND d.role = 'head'`,
      [w.councilId],
    )) as { email: string; delegation_id: string }[];
    emails = new Map(rows.map((r) => [r.email, r.delegation_id]));
  });
  afterAll(() => ctx?.close());

  it('runs the whole journey', async () => {
    const sec = w.secretariat;
    const title = `Working group ${randomUUID().slice(0, 8)}`;

    // ── Bad input: end before start, unknown time zone → 400 naming the field, nothing written.
    const before = await tables();
    const soon = DateTime.now().setZone(ZONE).plus({ days: 5 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const badEnd = await as(sec).post(meetings(), {
      kind: 'working_group',
      title,
      startsAt: soon.toISO(),
      endsAt: soon.minus({ hours: 1 }).toISO(),
      timeZone: ZONE,
    });
    expect(badEnd.status).toBe(400);
    expect(JSON.stringify(badEnd.body)).toContain('endsAt');
    const badZone = await as(sec).post(meetings(), {
      kind: 'working_group',
      title,
      startsAt: soon.toISO(),
      endsAt: soon.plus({ hours: 3 }).toISO(),
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(badZone.status).toBe(400);
    expect(JSON.stringify(badZone.body)).toContain('timeZone');
    expect(await tables()).toEqual(before);

    // ── Convene: 5 days is too short for a working group (20 days in this council) → 409 with the earliest start.
    const created = await as(sec).post(meetings(), {
      kind: 'working_group',
      title,
      startsAt: soon.toISO(),
      endsAt: soon.plus({ hours: 3 }).toISO(),
      timeZone: ZONE,
      venue: 'Ciudad de Guatemala',
    });
    ok(created, 201);
    const meetingId = created.body.id as string;
    const refused = await transition(sec, meetingId, 'convened');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOTICE_TOO_SHORT');
    const earliest = new Date(refused.body.details.earliestStart as string);
    expect((await ctx.db.query(`SELECT status FROM meetings WHERE id = $1`, [meetingId]))[0].status).toBe('draft');
    const start = DateTime.fromJSDate(earliest, { zone: ZONE }).plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    ok(
      await as(sec).patch(`${meetings()}/${meetingId}`, {
        version: await version('meetings', 'id', meetingId),
        startsAt: start.toISO(),
        endsAt: start.plus({ hours: 3 }).toISO(),
      }),
    );
    ok(await transition(sec, meetingId, 'convened'));
    await until('convening notices to every head of delegation', () =>
      headMails(title).filter((m) => /^(Convocatoria|Convening notice):/.test(m.subject)).length >= emails.size ? true : undefined,
    );

    // ── Agenda: three items, circulated; the heads are told.
    const items: string[] = [];
    for (const [es, en] of [
      ['Plan de trabajo', 'Work plan'],
      ['Presupuesto', 'Budget'],
      ['Informe', 'Report'],
    ]) {
      const res = await as(sec).post(`${meetings()}/${meetingId}/agenda/items`, { title: { es, en }, purpose: 'decision' });
      ok(res, 201);
      items.push(res.body.id as string);
    }
    ok(await as(sec).post(`${meetings()}/${meetingId}/agenda/circulate`, { version: await version('meeting_agendas', 'meeting_id', meetingId) }));
    await until('agenda notices', () => (headMails(title).some((m) => /^(Orden del día circulado|Agenda circulated):/.test(m.subject)) ? true : undefined));

    // ── Reminders: the 7-day reminder, brought forward, reaches every head with the meeting as an .ics.
    await fireReminders(meetingId, 'meeting.reminder');
    const reminders = await until('meeting reminders to each head', () => {
      const got = headMails(title).filter(
        (m) => m.parsed.attachments.some((a) => a.filename === 'invite.ics') && !/^(Convocatoria|Convening notice):/.test(m.subject),
      );
      return new Set(got.flatMap((m) => m.to)).size >= emails.size ? got : undefined;
    });
    expect(reminders.length).toBeGreaterThanOrEqual(emails.size);

    // ── Another meeting postponed (its reminders go), moved and convened again (new reminders), then cancelled (none left, heads told).
    const other = `Task force ${randomUUID().slice(0, 8)}`;
    const later = start.plus({ days: 10 });
    const second = await as(sec).post(meetings(), {
      kind: 'working_group',
      title: other,
      startsAt: later.toISO(),
      endsAt: later.plus({ hours: 2 }).toISO(),
      timeZone: ZONE,
    });
    ok(second, 201);
    const secondId = second.body.id as string;
    ok(await transition(sec, secondId, 'convened'));
    const pending = async () =>
      (await ctx.db.query(`SELECT due_at FROM outbox WHERE subject_id = $1 AND kind = 'meeting.reminder' AND status = 'pending' ORDER BY due_at`, [
        secondId,
      ])) as { due_at: Date }[];
    const first = await pending();
    expect(first).toHaveLength(2);
    ok(await transition(sec, secondId, 'postponed'));
    expect(await pending()).toEqual([]);
    ok(await transition(sec, secondId, 'draft'));
    const moved = later.plus({ days: 7 });
    ok(
      await as(sec).patch(`${meetings()}/${secondId}`, {
        version: await version('meetings', 'id', secondId),
        startsAt: moved.toISO(),
        endsAt: moved.plus({ hours: 2 }).toISO(),
      }),
    );
    ok(await transition(sec, secondId, 'convened'));
    const again = await pending();
    expect(again.map((r, i) => new Date(r.due_at).getTime() - new Date(first[i]!.due_at).getTime())).toEqual([7 * DAY, 7 * DAY]);
    ok(await transition(sec, secondId, 'cancelled'));
    expect(await pending()).toEqual([]);
    await until('cancellation notices', () => (headMails(other).some((m) => /^(Cancelada|Cancelled):/.test(m.subject)) ? true : undefined));

    // ── In session: the agenda adopted; attendance and quorum (3 of 4 member states).
    await meetingDayCome(ctx, meetingId); // the session opens on the meeting's day
    ok(await transition(sec, meetingId, 'in_session'));
    ok(await as(sec).post(`${meetings()}/${meetingId}/agenda/adopt`, { version: await version('meeting_agendas', 'meeting_id', meetingId) }));
    const attend = (d: string, present = true) =>
      as(sec).put(`${meetings()}/${meetingId}/attendance/${d}`, { present, representedBy: present ? 'head' : null });
    for (const d of [w.mx, w.ca, w.pp, w.obs]) ok(await attend(d));

    // A decision without quorum (2 of 4 present) cannot be closed as adopted: 409, nothing changed.
    const propose = async (itemId: string, en: string) => {
      const res = await as(w.chair).post(`${meetings()}/${meetingId}/agenda/items/${itemId}/decisions`, { text: { es: `Decisión: ${en}`, en } });
      ok(res, 201);
      return res.body.id as string;
    };
    const close = async (decisionId: string, body: object = {}) =>
      as(sec).post(`${meetings()}/${meetingId}/decisions/${decisionId}/close`, { version: await version('decisions', 'id', decisionId), ...body });
    const plan = await propose(items[0]!, 'The work plan is approved');
    const noQuorum = await close(plan);
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body.code).toBe('QUORUM_NOT_MET');
    expect((await ctx.db.query(`SELECT status FROM decisions WHERE id = $1`, [plan]))[0].status).toBe('proposed');

    ok(await attend(w.gt));
    const quorum = await as(w.canada).get(`${meetings()}/${meetingId}/attendance`);
    expect(quorum.body.quorum).toMatchObject({ memberStatesPresent: 3, required: 3, met: true });

    // Consensus: adopted. An objection from a member state present blocks the other; an observer cannot object.
    const adopted = await close(plan);
    ok(adopted);
    expect(adopted.body).toMatchObject({ status: 'closed', outcome: 'adopted' });
    const budget = await propose(items[1]!, 'The budget is approved');
    expect((await as(w.observer).post(`${meetings()}/${meetingId}/decisions/${budget}/objections`, { reason: 'We disagree' })).status).toBe(403);
    ok(await as(w.canada).post(`${meetings()}/${meetingId}/decisions/${budget}/objections`, { reason: 'The budget is not yet costed' }), 201);
    ok(
      await as(w.civilSociety).post(`${meetings()}/${meetingId}/decisions/${budget}/positions`, {
        position: 'concern',
        note: 'Civil society was not consulted',
      }),
      201,
    );
    const blocked = await close(budget);
    ok(blocked);
    expect(blocked.body).toMatchObject({ outcome: 'not_adopted' });

    // The adopted decision creates action items with owner and due date.
    const due = DateTime.now().setZone(ZONE).plus({ months: 6 }).toISODate();
    const created2 = await as(sec).post(`/councils/${w.councilId}/decisions/${plan}/action-items`, {
      items: [
        { title: { es: 'Presentar el plan', en: 'Submit the plan' }, ownerKind: 'delegation', ownerDelegationId: w.ca, dueDate: due },
        { title: { es: 'Consultar a la sociedad civil', en: 'Consult civil society' }, ownerKind: 'delegation', ownerDelegationId: w.gt, dueDate: due },
      ],
    });
    ok(created2, 201);
    const canadaItems = await as(w.canada).get(`/councils/${w.councilId}/me/action-items`);
    ok(canadaItems);
    expect(canadaItems.body.items.map((i: { decisionId: string }) => i.decisionId)).toEqual([plan]);

    // An agenda item on a closed meeting: 409, nothing changed.
    ok(await transition(sec, meetingId, 'closed'));
    const snapshot = await tables();
    const late = await as(sec).post(`${meetings()}/${meetingId}/agenda/items`, { title: { es: 'Tarde', en: 'Late' }, purpose: 'information' });
    expect(late.status).toBe(409);
    expect(await tables()).toEqual(snapshot);

    // ── Silence procedures between meetings: one adopted at its deadline by the worker, one broken by a member state.
    const silence = async (en: string) => {
      const res = await as(sec).post(`/councils/${w.councilId}/silence-procedures`, {
        text: { es: `Silencio: ${en}`, en },
        deadline: new Date(Date.now() + 3_000).toISOString(),
      });
      ok(res, 201);
      return res.body.id as string;
    };
    const quiet = await silence('The annual report is approved');
    const broken = await silence('The logo is changed');
    ok(await as(w.honduras).post(`/councils/${w.councilId}/silence-procedures/${broken}/break`, { reason: 'Needs consultation in the capital' }), 201);
    const outcomes = await until(
      'both silence procedures closed',
      async () => {
        const rows = (await ctx.db.query(`SELECT id, outcome FROM decisions WHERE id = ANY($1::uuid[]) AND status = 'closed'`, [[quiet, broken]])) as {
          id: string;
          outcome: string;
        }[];
        return rows.length === 2 ? Object.fromEntries(rows.map((r) => [r.id, r.outcome])) : undefined;
      },
      20_000,
    );
    expect(outcomes).toEqual({ [quiet]: 'adopted', [broken]: 'not_adopted' });

    // ── Minutes: drafted from the agenda and decisions, circulated, commented, approved.
    const drafted = await as(sec).post(`${meetings()}/${meetingId}/minutes`, {});
    ok(drafted, 201);
    expect(JSON.stringify(drafted.body)).toContain('The work plan is approved');
    ok(
      await as(sec).post(`${meetings()}/${meetingId}/minutes/circulate`, {
        version: drafted.body.version,
        commentDeadline: new Date(Date.now() + DAY).toISOString(),
      }),
    );
    ok(await as(w.canada).post(`${meetings()}/${meetingId}/minutes/comments`, { text: 'Please record our reservation on the budget.' }), 201);
    // Not public yet.
    expect((await ctx.anonymous().get(`/councils/${w.councilId}/minutes/${meetingId}`)).status).toBe(404);
    await ctx.db.query(
      `UPDATE minutes SET circulated_at = now() - interval '2 seconds', comment_deadline = now() - interval '1 second' WHERE meeting_id = $1`,
      [meetingId],
    );
    const minutesVersion = (await as(sec).get(`${meetings()}/${meetingId}/minutes`)).body.version as number;
    ok(await as(sec).post(`${meetings()}/${meetingId}/minutes/approve`, { version: minutesVersion }));
    expect((await ctx.db.query(`SELECT status FROM meetings WHERE id = $1`, [meetingId]))[0].status).toBe('minutes_approved');

    // ── Public, without signing in: the approved minutes and the adopted decisions (in session and in writing).
    const published = await ctx.anonymous().get(`/councils/${w.councilId}/minutes/${meetingId}`);
    ok(published);
    expect(JSON.stringify(published.body)).toContain('The work plan is approved');
    const decisions = await ctx.anonymous().get(`/councils/${w.councilId}/decisions`);
    ok(decisions);
    const ids = decisions.body.items.map((d: { id: string }) => d.id);
    expect(ids).toEqual(expect.arrayContaining([plan, quiet]));
    expect(ids).not.toContain(budget);
    expect(ids).not.toContain(broken);
    expect(HOUR).toBe(3_600_000);
  });
});
