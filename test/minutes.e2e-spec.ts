import { randomUUID } from 'node:crypto';
import { NOTICES } from '../src/modules/notifications/templates/notices/index.js';
import type { MessageLanguage } from '../src/modules/notifications/templates/message-kinds.js';
import { type Actor, delegateOf } from './support/actors.js';
import { DAY, meetingDayCome, sessionWorld as world, type SessionWorld as World } from './support/meetings.js';
import {
  FAST_NOTIFICATIONS,
  deliveriesOf,
  mailsTo,
  newCouncil,
  newDelegation,
  type Person,
  seated,
  sleep,
  until,
  waitForEach,
} from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/** Sends and expects a status, showing the body when it differs. */
async function expectStatus(req: PromiseLike<{ status: number; body: any }>, status: number): Promise<Record<string, any>> {
  const res = await req;
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  return res.body;
}

const meetingVersion = async (ctx: TestContext, id: string) =>
  ((await ctx.db.query(`SELECT version FROM meetings WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
const meetingStatus = async (ctx: TestContext, id: string) =>
  ((await ctx.db.query(`SELECT status FROM meetings WHERE id = $1`, [id])) as { status: string }[])[0]!.status;

/**
 * A working-group meeting built through the API up to its session: created 40 days ahead, convened, its agenda
 * (the titles given) circulated, opened and adopted. Left in session.
 */
async function meetingInSession(ctx: TestContext, councilId: string, title: string, items: { title: Record<string, string>; purpose: string }[]) {
  const startsAt = new Date(Date.now() + 40 * DAY);
  const base = `/councils/${councilId}/meetings`;
  const created = await expectStatus(
    ctx
      .http()
      .post(base)
      .send({
        kind: 'working_group',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
        timeZone: 'America/Panama',
      }),
    201,
  );
  const meetingId = created.id as string;
  const path = `${base}/${meetingId}`;
  const transition = async (to: string) =>
    expectStatus(
      ctx
        .http()
        .post(`${path}/transitions`)
        .send({ to, version: await meetingVersion(ctx, meetingId) }),
      200,
    );
  await transition('convened');
  const itemIds: string[] = [];
  for (const item of items) itemIds.push((await expectStatus(ctx.http().post(`${path}/agenda/items`).send(item), 201)).id as string);
  const agenda = await expectStatus(ctx.http().get(`${path}/agenda`), 200);
  await expectStatus(ctx.http().post(`${path}/agenda/circulate`).send({ version: agenda.version }), 200);
  await meetingDayCome(ctx, meetingId);
  await transition('in_session');
  await expectStatus(
    ctx
      .http()
      .post(`${path}/agenda/adopt`)
      .send({ version: agenda.version + 1 }),
    200,
  );
  return { meetingId, itemIds, path, close: () => transition('closed') };
}

describe('minutes: drafted from the meeting, circulated for comments, approved, published', () => {
  let ctx: TestContext;
  let w: World;

  const as = (actor: Actor, method: 'get' | 'post' | 'patch' | 'put', path: string) => ctx.anonymous()[method](path).set(actor.auth);

  /**
   * The meeting of the story, through the API: two items (a decision and a discussion); attendance (Mexico by its
   * alternate, Canada and Guatemala by their heads, Honduras absent, the permanent participant and the observer present);
   * on item 1 a decision adopted (Guatemala objected, then withdrew; the permanent participant states a concern) and
   * one not adopted (Canada's objection stands). Left in session.
   */
  async function recordedMeeting(title: string) {
    const m = await meetingInSession(ctx, w.councilId, title, [
      { title: { es: 'Plan de trabajo', en: 'Work plan' }, purpose: 'decision' },
      { title: { es: 'Asuntos varios', en: 'Other business' }, purpose: 'discussion' },
    ]);
    const attend = (d: string, present: boolean, representedBy: string | null) =>
      expectStatus(as(w.secretariat, 'put', `${m.path}/attendance/${d}`).send({ present, representedBy }), 200);
    for (const [d, present, by] of [
      [w.mx, true, 'alternate'],
      [w.ca, true, 'head'],
      [w.gt, true, 'head'],
      [w.hn, false, null],
      [w.pp, true, 'head'],
      [w.obs, true, 'adviser'],
    ] as const) {
      await attend(d, present, by);
    }
    const propose = (text: Record<string, string>) => expectStatus(as(w.chair, 'post', `${m.path}/agenda/items/${m.itemIds[0]}/decisions`).send({ text }), 201);
    const adopted = await propose({ es: 'Se aprueba el plan de trabajo', en: 'The work plan is approved' });
    const objection = await expectStatus(as(w.guatemala, 'post', `${m.path}/decisions/${adopted.id}/objections`).send({ reason: 'Consult the capital' }), 201);
    await expectStatus(ctx.anonymous().delete(`${m.path}/decisions/${adopted.id}/objections/${objection.id}`).set(w.guatemala.auth), 200);
    await expectStatus(
      as(w.civilSociety, 'post', `${m.path}/decisions/${adopted.id}/positions`).send({ position: 'concern', note: 'Consult migrant groups' }),
      201,
    );
    await expectStatus(as(w.chair, 'post', `${m.path}/decisions/${adopted.id}/close`).send({ version: 1 }), 200);
    const rejected = await propose({ es: 'Se crea un fondo', en: 'A fund is created' });
    await expectStatus(as(w.canada, 'post', `${m.path}/decisions/${rejected.id}/objections`).send({ reason: 'No budget this year' }), 201);
    await expectStatus(as(w.chair, 'post', `${m.path}/decisions/${rejected.id}/close`).send({ version: 1 }), 200);
    return { ...m, adoptedId: adopted.id as string, rejectedId: rejected.id as string };
  }

  /** A closed meeting (one discussion item) whose minutes are drafted; optionally circulated. */
  async function draftedMinutes(title: string, circulate?: { commentDeadline?: string }) {
    const m = await meetingInSession(ctx, w.councilId, title, [{ title: { es: 'Informe', en: 'Report' }, purpose: 'discussion' }]);
    await m.close();
    const drafted = await expectStatus(ctx.http().post(`${m.path}/minutes`).send({}), 201);
    if (circulate)
      await expectStatus(
        ctx
          .http()
          .post(`${m.path}/minutes/circulate`)
          .send({ version: drafted.version, ...circulate }),
        200,
      );
    return m;
  }

  /** Moves the comment period into the past (the minutes were circulated 15 days ago, the deadline passed an hour ago). */
  const endCommentPeriod = (meetingId: string) =>
    ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 hour' WHERE meeting_id = $1`, [
      meetingId,
    ]);

  const snapshot = async () =>
    ctx.db.query(
      `SELECT (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM minutes) AS minutes,
              (SELECT coalesce(sum(version), 0)::int FROM minutes) AS minutes_versions, (SELECT count(*)::int FROM minutes_comments) AS comments,
              (SELECT coalesce(sum(version), 0)::int FROM meetings) AS meeting_versions, (SELECT count(*)::int FROM outbox) AS outbox,
              (SELECT md5(coalesce(string_agg(content::text, ',' ORDER BY id), '')) FROM minutes) AS contents`,
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx, 'minutes');
  });
  afterAll(() => ctx.close());

  it('drafts the minutes of the closed meeting: attendance, items in order, decisions with outcome, standing objections and positions', async () => {
    const m = await recordedMeeting(`Working group ${randomUUID().slice(0, 8)}`);
    // In session: not yet.
    const early = await expectStatus(ctx.http().post(`${m.path}/minutes`).send({}), 409);
    expect(early).toMatchObject({ code: 'MEETING_NOT_CLOSED', details: { meetingStatus: 'in_session', allowedMeetingStatuses: ['closed'] } });
    await expectStatus(ctx.http().get(`${m.path}/minutes`), 404);
    await m.close();

    const drafted = await expectStatus(as(w.secretariat, 'post', `${m.path}/minutes`).send({ notes: { es: '  Se abrió la sesión a las 9:00.  ' } }), 201);
    expect(drafted).toMatchObject({
      councilId: w.councilId,
      meetingId: m.meetingId,
      status: 'draft',
      commentDeadline: null,
      circulatedAt: null,
      approvedAt: null,
      commentCount: 0,
      version: 1,
    });
    const c = drafted.content;
    expect(c.languages).toEqual(['es', 'en']);
    expect(c.notes).toEqual({ es: 'Se abrió la sesión a las 9:00.' });
    expect(c.meeting).toMatchObject({ id: m.meetingId, kind: 'working_group', timeZone: 'America/Panama', chair: { name: 'Mexico' } });
    expect(c.attendance.map((a: any) => [a.participantName, a.participantKind, a.present, a.representedBy])).toEqual([
      ['Canada', 'member_state', true, 'head'],
      ['Guatemala', 'member_state', true, 'head'],
      ['Honduras', 'member_state', false, null],
      ['Mexico', 'member_state', true, 'alternate'],
      ['Migrant Network', 'permanent_participant', true, 'head'],
      ['IOM', 'observer', true, 'adviser'],
    ]);
    expect(c.items.map((i: any) => [i.position, i.title, i.purpose, i.status, i.summary])).toEqual([
      [1, { es: 'Plan de trabajo', en: 'Work plan' }, 'decision', 'scheduled', {}],
      [2, { es: 'Asuntos varios', en: 'Other business' }, 'discussion', 'scheduled', {}],
    ]);
    expect(c.items[0].decisions).toEqual([
      {
        decisionId: m.adoptedId,
        text: { es: 'Se aprueba el plan de trabajo', en: 'The work plan is approved' },
        status: 'closed',
        outcome: 'adopted',
        closedAt: expect.any(String),
        quorum: { memberStatesPresent: 3, activeMemberStates: 4, required: 3 },
        // Guatemala withdrew its objection: it is not recorded as standing.
        objections: [],
        positions: [
          {
            delegationId: w.pp,
            delegationName: 'Delegation Migrant Network',
            participantKind: 'permanent_participant',
            position: 'concern',
            note: 'Consult migrant groups',
          },
        ],
      },
      expect.objectContaining({
        decisionId: m.rejectedId,
        outcome: 'not_adopted',
        objections: [{ delegationId: w.ca, delegationName: 'Delegation Canada', reason: 'No budget this year' }],
        positions: [],
      }),
    ]);
    expect(c.items[1].decisions).toEqual([]);

    const audit = (await ctx.db.query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'minutes' AND entity_id = $1`, [drafted.id])) as {
      action: string;
      actor_id: string;
    }[];
    expect(audit).toEqual([{ action: 'minutes.drafted', actor_id: w.secretariat.userId }]);

    // Council members read the draft; the public does not.
    expect(await expectStatus(as(w.observer, 'get', `${m.path}/minutes`), 200)).toEqual(drafted);
    await expectStatus(ctx.anonymous().get(`${m.path}/minutes`), 401);
    await expectStatus(ctx.anonymous().get(`/councils/${w.councilId}/minutes/${m.meetingId}`), 404);
    expect((await expectStatus(ctx.anonymous().get(`/councils/${w.councilId}/minutes`), 200)).items.map((i: any) => i.meetingId)).not.toContain(m.meetingId);

    // Once only; delegates do not draft.
    const before = await snapshot();
    expect(await expectStatus(ctx.http().post(`${m.path}/minutes`).send({}), 409)).toMatchObject({
      code: 'MINUTES_EXIST',
      details: { status: 'draft', version: 1 },
    });
    await expectStatus(as(w.chair, 'post', `${m.path}/minutes`).send({}), 403);
    expect(await snapshot()).toEqual(before);
  });

  it('edits summaries and notes with the version read; a stale version or bad input changes nothing', async () => {
    const m = await draftedMinutes(`Edits ${randomUUID().slice(0, 8)}`);
    const itemId = m.itemIds[0]!;
    const edited = await expectStatus(
      as(w.secretariat, 'patch', `${m.path}/minutes`).send({
        version: 1,
        notes: { en: 'Opened at 9.' },
        items: [{ agendaItemId: itemId, summary: { es: ' Se presentó el informe. ', en: 'The report was presented.' } }],
      }),
      200,
    );
    expect(edited).toMatchObject({ status: 'draft', version: 2, content: { notes: { en: 'Opened at 9.' } } });
    expect(edited.content.items[0].summary).toEqual({ es: 'Se presentó el informe.', en: 'The report was presented.' });

    const before = await snapshot();
    const stale = await expectStatus(ctx.http().patch(`${m.path}/minutes`).send({ version: 1, notes: {} }), 409);
    expect(stale.code).toBe('STALE_VERSION');
    const cases: [Record<string, unknown>, string][] = [
      [{ notes: {} }, 'version'],
      [{ version: 2, notes: { fr: 'Notes' } }, 'notes.fr'],
      [{ version: 2, notes: { es: '   ' } }, 'notes.es'],
      [{ version: 2, notes: 'text' }, 'notes'],
      [{ version: 2, items: [{ agendaItemId: randomUUID(), summary: { es: 'x' } }] }, 'items.0.agendaItemId'],
      [{ version: 2, items: [{ agendaItemId: 'not-a-uuid', summary: {} }] }, 'items.0.agendaItemId'],
      [{ version: 2, items: [{ agendaItemId: itemId, summary: { en: '' } }] }, 'items.0.summary.en'],
      [{ version: 2, items: [{ agendaItemId: itemId, summary: {}, status: 'approved' }] }, 'items.0.status'],
      [{ version: 2, status: 'approved' }, 'status'],
      [{ version: 2, content: {} }, 'content'],
    ];
    for (const [body, field] of cases) {
      const res = await ctx.http().patch(`${m.path}/minutes`).send(body);
      expect({ body, status: res.status, fields: [...new Set(((res.body.errors ?? []) as { field: string }[]).map((e) => e.field))] }).toEqual({
        body,
        status: 400,
        fields: [field],
      });
    }
    await expectStatus(ctx.http().patch(`/councils/${w.councilId}/meetings/not-a-uuid/minutes`).send({ version: 2 }), 400);
    await expectStatus(ctx.http().patch(`/councils/${w.councilId}/meetings/${randomUUID()}/minutes`).send({ version: 2 }), 404);
    expect(await snapshot()).toEqual(before);
  });

  it('circulates with a 14-day default deadline: the meeting becomes minutes_circulated in the same transaction, heads are notified and a reminder is set 2 days before', async () => {
    const m = await draftedMinutes(`Circulation ${randomUUID().slice(0, 8)}`);
    const meetingBefore = await meetingVersion(ctx, m.meetingId);

    // A deadline in the past, or not a date: 400 naming the field, nothing changed.
    const before = await snapshot();
    for (const commentDeadline of [new Date(Date.now() - 60_000).toISOString(), 'next week', '2030-13-01T00:00:00Z']) {
      const res = await ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 1, commentDeadline });
      expect({ commentDeadline, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ commentDeadline, status: 400, field: 'commentDeadline' });
    }
    expect((await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 7 }), 409)).code).toBe('STALE_VERSION');
    await expectStatus(as(w.chair, 'post', `${m.path}/minutes/circulate`).send({ version: 1 }), 403);
    expect(await snapshot()).toEqual(before);

    const t0 = Date.now();
    const circulated = await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 1 }), 200);
    const deadline = new Date(circulated.commentDeadline as string);
    expect(circulated).toMatchObject({ status: 'circulated', version: 2 });
    expect(deadline.getTime() - new Date(circulated.circulatedAt as string).getTime()).toBe(14 * DAY);
    expect(deadline.getTime()).toBeGreaterThanOrEqual(t0 + 14 * DAY);
    expect(await meetingStatus(ctx, m.meetingId)).toBe('minutes_circulated');
    expect(await meetingVersion(ctx, m.meetingId)).toBe(meetingBefore + 1);
    const meeting = await expectStatus(ctx.http().get(`/councils/${w.councilId}/meetings/${m.meetingId}`), 200);
    expect(meeting).toMatchObject({ status: 'minutes_circulated', allowedTransitions: ['minutes_approved'] });

    const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`, [m.meetingId, circulated.id])) as {
      action: string;
    }[];
    expect(audit.map((a) => a.action).slice(-3)).toEqual(['minutes.drafted', 'meeting.minutes_circulated', 'minutes.circulated']);

    const outbox = (await ctx.db.query(
      `SELECT kind, reminder_key AS key, status, due_at AS "dueAt", occurrence FROM outbox WHERE subject_id = $1 AND kind LIKE 'minutes.%' ORDER BY id`,
      [m.meetingId],
    )) as { kind: string; key: string | null; status: string; dueAt: Date; occurrence: string }[];
    expect(outbox).toEqual([
      { kind: 'minutes.circulated', key: null, status: 'pending', dueAt: expect.any(Date), occurrence: deadline.toISOString() },
      {
        kind: 'minutes.comment_deadline',
        key: `minutes-${m.meetingId}-comment-deadline`,
        status: 'pending',
        dueAt: new Date(deadline.getTime() - 2 * DAY),
        occurrence: deadline.toISOString(),
      },
    ]);

    // Once only; edits after circulation are allowed and audited as revisions.
    expect((await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 2 }), 409)).code).toBe('MINUTES_ALREADY_CIRCULATED');
    const revised = await expectStatus(
      ctx
        .http()
        .patch(`${m.path}/minutes`)
        .send({ version: 2, notes: { en: 'Corrected after circulation' } }),
      200,
    );
    expect(revised).toMatchObject({ status: 'circulated', version: 3 });
    const last = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [circulated.id])) as { action: string }[];
    expect(last[0]!.action).toBe('minutes.revised');
  });

  it('sets no reminder when the deadline is less than 2 days away', async () => {
    const commentDeadline = new Date(Date.now() + DAY).toISOString();
    const m = await draftedMinutes(`Short ${randomUUID().slice(0, 8)}`, { commentDeadline });
    const minutes = await expectStatus(ctx.http().get(`${m.path}/minutes`), 200);
    expect(minutes.commentDeadline).toBe(commentDeadline);
    const kinds = (await ctx.db.query(`SELECT kind FROM outbox WHERE subject_id = $1 AND kind LIKE 'minutes.%'`, [m.meetingId])) as { kind: string }[];
    expect(kinds.map((k) => k.kind)).toEqual(['minutes.circulated']);
  });

  it('takes comments from every delegation before the deadline, and none after (409 COMMENT_PERIOD_CLOSED with the deadline)', async () => {
    const m = await draftedMinutes(`Comments ${randomUUID().slice(0, 8)}`);
    // Draft minutes: not yet.
    const draft = await expectStatus(as(w.canada, 'post', `${m.path}/minutes/comments`).send({ text: 'Too early' }), 409);
    expect(draft).toMatchObject({ code: 'MINUTES_NOT_CIRCULATED', details: { status: 'draft' } });
    await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 1 }), 200);

    const canada = await expectStatus(
      as(w.canada, 'post', `${m.path}/minutes/comments`).send({ text: '  Please record our reservation.  ', agendaItemId: m.itemIds[0] }),
      201,
    );
    expect(canada).toMatchObject({
      meetingId: m.meetingId,
      delegationId: w.ca,
      participantKind: 'member_state',
      authorId: w.canada.userId,
      agendaItemId: m.itemIds[0],
      text: 'Please record our reservation.',
    });
    await expectStatus(as(w.civilSociety, 'post', `${m.path}/minutes/comments`).send({ text: 'Our statement is missing.' }), 201);
    await expectStatus(as(w.observer, 'post', `${m.path}/minutes/comments`).send({ text: 'IOM has no comments.' }), 201);
    await expectStatus(as(w.chair, 'post', `${m.path}/minutes/comments`).send({ text: 'The chair agrees.' }), 201);

    // Refused: the secretariat (no delegation), bad input (400 naming the field), an item of another meeting.
    const other = await draftedMinutes(`Other ${randomUUID().slice(0, 8)}`);
    const before = await snapshot();
    await expectStatus(as(w.secretariat, 'post', `${m.path}/minutes/comments`).send({ text: 'Secretariat' }), 403);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(4001) }, 'text'],
      [{ text: 'ok', agendaItemId: 'item 1' }, 'agendaItemId'],
      [{ text: 'ok', agendaItemId: other.itemIds[0] }, 'agendaItemId'],
      [{ text: 'ok', delegationId: w.hn }, 'delegationId'],
    ];
    for (const [body, field] of cases) {
      const res = await as(w.honduras, 'post', `${m.path}/minutes/comments`).send(body);
      expect({ body, status: res.status, fields: [...new Set(((res.body.errors ?? []) as { field: string }[]).map((e) => e.field))] }).toEqual({
        body,
        status: 400,
        fields: [field],
      });
    }
    expect(await snapshot()).toEqual(before);

    const list = await expectStatus(as(w.guatemala, 'get', `${m.path}/minutes/comments`), 200);
    expect(list.items.map((c: any) => [c.delegationName, c.text])).toEqual([
      ['Delegation Canada', 'Please record our reservation.'],
      ['Delegation Migrant Network', 'Our statement is missing.'],
      ['Delegation IOM', 'IOM has no comments.'],
      ['Delegation Mexico', 'The chair agrees.'],
    ]);
    expect((await expectStatus(ctx.http().get(`${m.path}/minutes`), 200)).commentCount).toBe(4);
    await expectStatus(ctx.anonymous().get(`${m.path}/minutes/comments`), 401);

    // After the deadline.
    await endCommentPeriod(m.meetingId);
    const deadline = ((await ctx.db.query(`SELECT comment_deadline FROM minutes WHERE meeting_id = $1`, [m.meetingId])) as { comment_deadline: Date }[])[0]!
      .comment_deadline;
    const late = await expectStatus(as(w.honduras, 'post', `${m.path}/minutes/comments`).send({ text: 'Late' }), 409);
    expect(late).toMatchObject({ code: 'COMMENT_PERIOD_CLOSED', details: { commentDeadline: deadline.toISOString(), status: 'circulated' } });
    expect(late.message).toContain(deadline.toISOString());
  });

  it('approves after the deadline: the meeting becomes minutes_approved, the reminder is cancelled, the minutes are public and final', async () => {
    const m = await draftedMinutes(`Approval ${randomUUID().slice(0, 8)}`);
    await expectStatus(
      ctx
        .http()
        .patch(`${m.path}/minutes`)
        .send({ version: 1, items: [{ agendaItemId: m.itemIds[0], summary: { en: 'Presented.' } }] }),
      200,
    );
    // Draft: not yet.
    expect(await expectStatus(ctx.http().post(`${m.path}/minutes/approve`).send({ version: 2 }), 409)).toMatchObject({
      code: 'MINUTES_NOT_CIRCULATED',
      details: { status: 'draft' },
    });
    await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 2 }), 200);
    await expectStatus(as(w.canada, 'post', `${m.path}/minutes/comments`).send({ text: 'Fine by us' }), 201);

    // Before the deadline, with member states that have not commented: 409, nothing changed.
    const before = await snapshot();
    const open = await expectStatus(ctx.http().post(`${m.path}/minutes/approve`).send({ version: 3 }), 409);
    expect(open).toMatchObject({ code: 'COMMENT_PERIOD_OPEN', details: { memberStatesWithoutComment: 3, commentDeadline: expect.any(String) } });
    await expectStatus(as(w.chair, 'post', `${m.path}/minutes/approve`).send({ version: 3 }), 403);
    expect(await snapshot()).toEqual(before);

    await endCommentPeriod(m.meetingId);
    expect((await expectStatus(ctx.http().post(`${m.path}/minutes/approve`).send({ version: 2 }), 409)).code).toBe('STALE_VERSION');
    const meetingBefore = await meetingVersion(ctx, m.meetingId);
    const approved = await expectStatus(as(w.secretariat, 'post', `${m.path}/minutes/approve`).send({ version: 3 }), 200);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: w.secretariat.userId, commentCount: 1, version: 4 });
    expect(await meetingStatus(ctx, m.meetingId)).toBe('minutes_approved');
    expect(await meetingVersion(ctx, m.meetingId)).toBe(meetingBefore + 1);
    const outbox = (await ctx.db.query(`SELECT kind, status FROM outbox WHERE subject_id = $1 AND kind LIKE 'minutes.%' ORDER BY id`, [m.meetingId])) as {
      kind: string;
      status: string;
    }[];
    expect(outbox).toEqual([
      { kind: 'minutes.circulated', status: 'pending' },
      { kind: 'minutes.comment_deadline', status: 'cancelled' },
      { kind: 'minutes.approved', status: 'pending' },
    ]);
    const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id DESC LIMIT 2`, [m.meetingId, approved.id])) as {
      action: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['minutes.approved', 'meeting.minutes_approved']);

    // Public: listed (newest first) and readable without signing in; comments never.
    const list = await expectStatus(ctx.anonymous().get(`/councils/${w.councilId}/minutes`), 200);
    expect(list.items[0]).toEqual({
      meetingId: m.meetingId,
      meetingTitle: expect.stringContaining('Approval'),
      meetingKind: 'working_group',
      meetingStartsAt: expect.any(String),
      approvedAt: approved.approvedAt,
    });
    const published = await expectStatus(ctx.anonymous().get(`/councils/${w.councilId}/minutes/${m.meetingId}`), 200);
    expect(published).toEqual({
      meetingId: m.meetingId,
      status: 'approved',
      circulatedAt: approved.circulatedAt,
      approvedAt: approved.approvedAt,
      content: approved.content,
    });
    expect(published.content.items[0].summary).toEqual({ en: 'Presented.' });
    expect(JSON.stringify(published)).not.toContain('Fine by us');
    await expectStatus(ctx.anonymous().get(`/councils/${randomUUID()}/minutes`), 404);
    await expectStatus(ctx.anonymous().get(`/councils/${w.councilId}/minutes/${randomUUID()}`), 404);
    await expectStatus(ctx.anonymous().get(`/councils/${w.councilId}/minutes/not-a-uuid`), 400);

    // Final: no edit, no second approval, no comment; not even by SQL.
    const final = await snapshot();
    expect(
      (
        await expectStatus(
          ctx
            .http()
            .patch(`${m.path}/minutes`)
            .send({ version: 4, notes: { en: 'Too late' } }),
          409,
        )
      ).code,
    ).toBe('MINUTES_APPROVED');
    expect((await expectStatus(ctx.http().post(`${m.path}/minutes/approve`).send({ version: 4 }), 409)).code).toBe('MINUTES_ALREADY_APPROVED');
    expect((await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 4 }), 409)).code).toBe('MINUTES_ALREADY_CIRCULATED');
    expect((await expectStatus(as(w.canada, 'post', `${m.path}/minutes/comments`).send({ text: 'More' }), 409)).code).toBe('COMMENT_PERIOD_CLOSED');
    await expect(ctx.db.query(`UPDATE minutes SET content = '{}' WHERE meeting_id = $1`, [m.meetingId])).rejects.toThrow('approved');
    expect(await snapshot()).toEqual(final);
  });

  it('approves before the deadline once every member state has commented', async () => {
    const m = await draftedMinutes(`Early ${randomUUID().slice(0, 8)}`);
    await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 1 }), 200);
    for (const actor of [w.chair, w.canada, w.guatemala])
      await expectStatus(as(actor, 'post', `${m.path}/minutes/comments`).send({ text: 'No comments' }), 201);
    // Comments of observers and permanent participants do not count toward this.
    await expectStatus(as(w.observer, 'post', `${m.path}/minutes/comments`).send({ text: 'No comments' }), 201);
    expect((await expectStatus(ctx.http().post(`${m.path}/minutes/approve`).send({ version: 2 }), 409)).details).toMatchObject({
      memberStatesWithoutComment: 1,
    });
    await expectStatus(as(w.honduras, 'post', `${m.path}/minutes/comments`).send({ text: 'No comments' }), 201);
    const approved = await expectStatus(ctx.http().post(`${m.path}/minutes/approve`).send({ version: 2 }), 200);
    expect(new Date(approved.approvedAt).getTime()).toBeLessThan(new Date(approved.commentDeadline).getTime());
    expect(await meetingStatus(ctx, m.meetingId)).toBe('minutes_approved');
  });

  it('another council’s meeting or minutes are not found', async () => {
    const other = await world(ctx, 'minutes-other');
    const m = await draftedMinutes(`Foreign ${randomUUID().slice(0, 8)}`);
    const foreign = `/councils/${other.councilId}/meetings/${m.meetingId}/minutes`;
    await expectStatus(ctx.http().get(foreign), 404);
    await expectStatus(ctx.http().post(foreign).send({}), 404);
    await expectStatus(ctx.http().patch(foreign).send({ version: 1 }), 404);
    await expectStatus(ctx.http().post(`${foreign}/circulate`).send({ version: 1 }), 404);
    await expectStatus(as(other.canada, 'get', `${m.path}/minutes`), 403);
  });
});

/**
 * The emails, end to end: a real worker sends the minutes notices to the heads of delegation (in their language)
 * through SMTP to the sink; the deadline reminder only to the heads whose delegation has not commented.
 */
describe('minutes notices by email', () => {
  let ctx: TestContext;
  let councilId: string;
  let heads: { person: Person; lang: MessageLanguage; delegationId: string }[];
  let alternate: Person;

  const subjectOf = (notice: string, lang: MessageLanguage, title: string) => NOTICES[notice]![lang].subject.replace('{{meetingTitle}}', title);

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true, env: FAST_NOTIFICATIONS });
    councilId = await newCouncil(ctx, ['es', 'en', 'fr', 'pt'], `Consejo ${randomUUID().slice(0, 8)}`);
    const [mx, ca, br, jp] = await Promise.all([
      newDelegation(ctx, councilId, 'Mexico', 'MX'),
      newDelegation(ctx, councilId, 'Canada', 'CA'),
      newDelegation(ctx, councilId, 'Brazil', 'BR'),
      newDelegation(ctx, councilId, 'Japan', 'JP'),
    ]);
    heads = [
      { person: await seated(ctx, councilId, mx, 'head', { language: 'es', timeZone: 'America/Mexico_City' }), lang: 'es', delegationId: mx },
      { person: await seated(ctx, councilId, ca, 'head', { language: 'fr', timeZone: 'America/Toronto' }), lang: 'fr', delegationId: ca },
      { person: await seated(ctx, councilId, br, 'head', { language: 'pt', timeZone: 'America/Sao_Paulo' }), lang: 'pt', delegationId: br },
      { person: await seated(ctx, councilId, jp, 'head', { language: 'en', timeZone: 'Asia/Tokyo' }), lang: 'en', delegationId: jp },
    ];
    alternate = await seated(ctx, councilId, mx, 'alternate');
  });
  afterAll(() => ctx?.close());

  it('tells each head when minutes are circulated, reminds those who have not commented 2 days before the deadline, and tells everyone of the approval', async () => {
    const title = `Minutes mail ${randomUUID().slice(0, 8)}`;
    const m = await meetingInSession(ctx, councilId, title, [
      { title: { es: 'Movilidad laboral', en: 'Labour mobility', fr: 'Mobilité de la main-d’œuvre', pt: 'Mobilidade laboral' }, purpose: 'discussion' },
    ]);
    await m.close();
    await expectStatus(ctx.http().post(`${m.path}/minutes`).send({}), 201);
    // The deadline 2 days and 4 seconds ahead: the reminder falls 4 seconds from now.
    const deadline = new Date(Date.now() + 2 * DAY + 4_000);
    await expectStatus(ctx.http().post(`${m.path}/minutes/circulate`).send({ version: 1, commentDeadline: deadline.toISOString() }), 200);

    const emails = heads.map((h) => h.person.email);
    for (const h of heads) {
      const got = await waitForEach(ctx, [h.person.email], subjectOf('minutes.circulated', h.lang, title));
      const mail = got.get(h.person.email)!;
      expect(mail.text).toContain(NOTICES['minutes.circulated']![h.lang].deadline!);
      expect(mail.text).toContain({ es: 'Movilidad laboral', en: 'Labour mobility', fr: 'Mobilité de la main-d’œuvre', pt: 'Mobilidade laboral' }[h.lang]);
      expect(mail.text).toContain(`/councils/${councilId}/meetings/${m.meetingId}/minutes`);
    }

    // Mexico comments before the reminder: its head is not reminded.
    const mexico = await delegateOf(ctx, councilId, heads[0]!.delegationId, 'adviser');
    await expectStatus(ctx.anonymous().post(`${m.path}/minutes/comments`).set(mexico.auth).send({ text: 'Sin comentarios' }), 201);
    const reminded = heads.slice(1);
    for (const h of reminded) await waitForEach(ctx, [h.person.email], subjectOf('minutes.comment_deadline', h.lang, title));
    await sleep(1_000);
    expect(mailsTo(ctx, heads[0]!.person.email, subjectOf('minutes.comment_deadline', 'es', title))).toEqual([]);

    // Approved (after the deadline): everyone, with the public link.
    await ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '3 days', comment_deadline = now() - interval '1 hour' WHERE meeting_id = $1`, [
      m.meetingId,
    ]);
    await expectStatus(ctx.http().post(`${m.path}/minutes/approve`).send({ version: 2 }), 200);
    for (const h of heads) {
      const mail = (await waitForEach(ctx, [h.person.email], subjectOf('minutes.approved', h.lang, title))).get(h.person.email)!;
      expect(mail.text).toContain(`/councils/${councilId}/minutes/${m.meetingId}`);
    }

    // Once each, to the heads only; the ledger names each kind.
    await sleep(800);
    for (const notice of ['minutes.circulated', 'minutes.approved']) {
      for (const h of heads) expect(mailsTo(ctx, h.person.email, subjectOf(notice, h.lang, title))).toHaveLength(1);
    }
    for (const h of reminded) expect(mailsTo(ctx, h.person.email, subjectOf('minutes.comment_deadline', h.lang, title))).toHaveLength(1);
    expect(ctx.mail.messages.filter((x) => x.to.includes(alternate.email) && x.subject.includes(title))).toEqual([]);
    const ledger = await until('every delivery sent', async () => {
      const rows = (await deliveriesOf(ctx, m.meetingId)).filter((d) => d.kind.startsWith('minutes.'));
      return rows.length === 11 && rows.every((r) => r.status === 'sent') ? rows : undefined;
    });
    const count = (kind: string) =>
      ledger
        .filter((d) => d.kind === kind)
        .map((d) => d.recipient)
        .sort();
    expect(count('minutes.circulated')).toEqual([...emails].sort());
    expect(count('minutes.comment_deadline')).toEqual(reminded.map((h) => h.person.email).sort());
    expect(count('minutes.approved')).toEqual([...emails].sort());
  }, 60_000);
});
