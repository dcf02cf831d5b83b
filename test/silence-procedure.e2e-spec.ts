import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../src/core/config/app-config.js';
import { OutboxService } from '../src/core/outbox/outbox.service.js';
import { jobId } from '../src/core/queue/job-registry.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { SilenceCloser } from '../src/modules/meetings/silence/silence-closer.service.js';
import { closeJobId } from '../src/modules/meetings/silence/silence-rules.js';
import { SilenceRepository } from '../src/modules/meetings/silence/silence.repository.js';
import type { Actor } from './support/actors.js';
import { given, type Seat } from './support/given.js';
import { FAST_NOTIFICATIONS, deliveriesOf, newCouncil, restartWorker, sleep, stopWorker, until, waitUntilInstant } from './support/notifications.js';
import { findRedisServer, type RunningRedis, startRedis } from './support/servers.js';
import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';
import { startWorker } from './support/worker.js';

/**
 * The silence procedure: a decision circulated in writing with a deadline is
 * adopted at the deadline unless a member state breaks silence before it. A
 * BullMQ job closes it (delayed to the deadline), the sweeper closes what the
 * queue lost or a down worker missed, and the database makes the close happen
 * once: one audit row, one result notice, one email per recipient.
 */

interface World {
  councilId: string;
  councilName: string;
  bodyId: string;
  /** Delegation ids: three member states (Mexico presides), a permanent participant, an observer. */
  mx: string;
  ca: string;
  gt: string;
  pp: string;
  obs: string;
  chair: Actor;
  canada: Actor;
  guatemala: Actor;
  civilSociety: Actor;
  observer: Actor;
  secretariat: Actor;
  /** Emails of the heads of delegation (every delegation) and of the secretariat (the test secretariat and the operator). */
  heads: string[];
  secretariatEmails: string[];
}

const emailOf = async (ctx: TestContext, userId: string) =>
  ((await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [userId])) as { email: string }[])[0]!.email;

/** A council in four languages, Mexico presiding, a head of delegation with an account in every delegation (their languages differ). */
async function world(ctx: TestContext): Promise<World> {
  const councilName = `Silence ${randomUUID().slice(0, 8)}`;
  const councilId = await newCouncil(ctx, ['es', 'en', 'fr', 'pt'], councilName);
  const c = given(ctx).inCouncil(councilId);
  const state = (name: string, iso: string, position: number) => c.memberState(name, { iso, position, delegation: `Delegation ${name}` });
  const mx = await state('Mexico', 'MX', 1);
  const ca = await state('Canada', 'CA', 2);
  const gt = await state('Guatemala', 'GT', 3);
  const pp = await c.permanentParticipant('Migrant Network', { delegation: 'Delegation Migrant Network' });
  const obs = await c.observer('IOM', { delegation: 'Delegation IOM' });
  await c.presiding(mx);
  const bodyId = await c.body('Labour mobility');
  const head = async (seat: Seat, language: string) => {
    const actor = await c.delegate(seat, 'head');
    await ctx.db.query(`UPDATE delegates SET preferred_language = $2, time_zone = 'America/Mexico_City' WHERE id = $1`, [actor.delegateId, language]);
    return actor;
  };
  const chair = await head(mx, 'es');
  const canada = await head(ca, 'fr');
  const guatemala = await head(gt, 'es');
  const civilSociety = await head(pp, 'pt');
  const observer = await head(obs, 'en');
  const staff = await c.secretariat();
  return {
    councilId,
    councilName,
    bodyId,
    mx: mx.delegationId,
    ca: ca.delegationId,
    gt: gt.delegationId,
    pp: pp.delegationId,
    obs: obs.delegationId,
    chair,
    canada,
    guatemala,
    civilSociety,
    observer,
    secretariat: staff,
    heads: (await Promise.all([chair, canada, guatemala, civilSociety, observer].map((a) => emailOf(ctx, a.userId)))).sort(),
    secretariatEmails: [await emailOf(ctx, staff.userId), 'operator@test.protempore.org'].sort(),
  };
}

const TEXT = { es: 'Se aprueba el informe anual', en: 'The annual report is approved', fr: 'Le rapport annuel est approuvé' };
const as = (ctx: TestContext, actor: Actor, method: 'get' | 'post' | 'delete', path: string) => ctx.anonymous()[method](path).set(actor.auth);
const base = (w: World) => `/councils/${w.councilId}/silence-procedures`;

async function circulate(
  ctx: TestContext,
  w: World,
  deadline: Date,
  actor: Actor = w.secretariat,
  extra: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const res = await as(ctx, actor, 'post', base(w)).send({ text: TEXT, deadline: deadline.toISOString(), ...extra });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  return res.body;
}

const decisionRow = async (ctx: TestContext, id: string) =>
  (
    (await ctx.db.query(
      `SELECT status, outcome, closed_at, silence_deadline, version, member_states_present, active_member_states, quorum_required, updated_at FROM decisions WHERE id = $1`,
      [id],
    )) as Record<string, any>[]
  )[0]!;

const closedAudit = async (ctx: TestContext, id: string) =>
  (await ctx.db.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'decision.closed' ORDER BY id`, [id])) as {
    after: Record<string, unknown>;
  }[];

const outboxKinds = async (ctx: TestContext, id: string) =>
  ((await ctx.db.query(`SELECT kind FROM outbox WHERE subject_id = $1 ORDER BY id`, [id])) as { kind: string }[]).map((r) => r.kind);

const snapshot = async (ctx: TestContext) =>
  ctx.db.query(
    `SELECT (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM decisions) AS decisions, (SELECT coalesce(sum(version), 0)::int FROM decisions) AS versions,
            (SELECT count(*)::int FROM outbox) AS outbox, (SELECT count(*)::int FROM decision_objections) AS breaks,
            (SELECT count(*)::int FROM decision_objections WHERE withdrawn_at IS NOT NULL) AS withdrawn, (SELECT count(*)::int FROM decision_positions) AS positions`,
  );

/** Waits until the decision is closed; returns its row. */
const closedRow = (ctx: TestContext, id: string, timeoutMs = 15_000) =>
  until(
    `decision ${id} to be closed`,
    async () => {
      const row = await decisionRow(ctx, id);
      return row.status === 'closed' ? row : undefined;
    },
    timeoutMs,
  );

/** Waits until every delivery of the decision of `kind` is sent, one per expected recipient; returns the recipients. */
async function sentOnce(ctx: TestContext, id: string, kind: string, recipients: string[]): Promise<void> {
  await until(`${kind} sent to ${recipients.length} recipients`, async () => {
    const rows = (await deliveriesOf(ctx, id)).filter((d) => d.kind === kind);
    return rows.length === recipients.length && rows.every((d) => d.status === 'sent') ? rows : undefined;
  });
  const rows = (await deliveriesOf(ctx, id)).filter((d) => d.kind === kind);
  expect(rows.map((d) => d.recipient)).toEqual(recipients);
  // One message at the sink per delivery (its stable Message-ID), none twice.
  for (const d of rows) expect(ctx.mail.messages.filter((m) => m.parsed.messageId === d.message_id)).toHaveLength(1);
}

describe('silence procedure: circulating, breaking silence, positions (API)', () => {
  let ctx: TestContext;
  let w: World;
  let closer: SilenceCloser;

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await world(ctx);
    closer = new SilenceCloser(ctx.db, new SilenceRepository(ctx.db), ctx.app.get(AuditService), ctx.app.get(OutboxService));
  });
  afterAll(() => ctx.close());

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
  /** Moves the deadline into the past by SQL (the API refuses such deadlines), as if time had passed. */
  const expire = (id: string) =>
    ctx.db.query(`UPDATE decisions SET silence_deadline = date_trunc('milliseconds', now()) - interval '1 second' WHERE id = $1`, [id]);

  it('is circulated by the secretariat or the chair: written, no meeting, its close job queued for the deadline, heads of delegation told', async () => {
    const deadline = inDays(4);
    const created = await circulate(ctx, w, deadline, w.secretariat, { bodyId: w.bodyId });
    expect(created).toMatchObject({
      councilId: w.councilId,
      procedure: 'written',
      bodyId: w.bodyId,
      text: TEXT,
      deadline: deadline.toISOString(),
      status: 'proposed',
      outcome: null,
      closedAt: null,
      silenceBroken: false,
      quorum: null,
      breaks: [],
      positions: [],
      version: 1,
    });
    const row = (await ctx.db.query(`SELECT procedure, meeting_id, agenda_item_id, body_id FROM decisions WHERE id = $1`, [created.id]))[0];
    expect(row).toEqual({ procedure: 'written', meeting_id: null, agenda_item_id: null, body_id: w.bodyId });
    expect((await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [created.id])).map((a: { action: string }) => a.action)).toEqual([
      'decision.circulated',
    ]);
    expect(await outboxKinds(ctx, created.id)).toEqual(['silence.circulated']);

    const job = await ctx.app.get(QueueService).queue('system').getJob(closeJobId(created.id));
    expect(job).toBeDefined();
    expect(job!.name).toBe('silence.close');
    expect(job!.data).toEqual({ decisionId: created.id });
    expect(await job!.getState()).toBe('delayed');
    expect(Math.abs(job!.timestamp + job!.opts.delay! - deadline.getTime())).toBeLessThan(2_000);

    const byChair = await circulate(ctx, w, inDays(5), w.chair);
    expect(byChair.bodyId).toBeNull();
    // Delegates and observers do not circulate.
    await as(ctx, w.canada, 'post', base(w))
      .send({ text: TEXT, deadline: inDays(4).toISOString() })
      .expect(403);
    await as(ctx, w.observer, 'post', base(w))
      .send({ text: TEXT, deadline: inDays(4).toISOString() })
      .expect(403);

    // Council members read them; the list filters by status.
    const one = await as(ctx, w.observer, 'get', `${base(w)}/${created.id}`).expect(200);
    expect(one.body).toEqual(created);
    const open = await as(ctx, w.canada, 'get', base(w)).query({ status: 'proposed' }).expect(200);
    expect(open.body.items.map((i: { id: string }) => i.id)).toEqual([byChair.id, created.id]);
    expect((await as(ctx, w.canada, 'get', base(w)).query({ status: 'closed' }).expect(200)).body.items).toEqual([]);
    await ctx.anonymous().get(base(w)).expect(401);
  });

  it('bad input is a 400 naming the field, with nothing written', async () => {
    const before = await snapshot(ctx);
    const ok = { text: TEXT, deadline: inDays(4).toISOString() };
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...ok, deadline: new Date(Date.now() - 60_000).toISOString() }, 'deadline', 'future'],
      [{ ...ok, deadline: new Date(Date.now() + 3600_000).toISOString() }, 'deadline', 'min_notice'],
      [{ ...ok, deadline: new Date(Date.now() + 71 * 3600_000).toISOString() }, 'deadline', 'min_notice'],
      [{ ...ok, deadline: inDays(120).toISOString() }, 'deadline', 'max_notice'],
      [{ ...ok, deadline: 'next Tuesday' }, 'deadline'],
      [{ ...ok, deadline: '2030-01-01T10:00:00' }, 'deadline'],
      [{ text: TEXT }, 'deadline'],
      [{ ...ok, text: {} }, 'text', 'not_empty'],
      [{ ...ok, text: { de: 'Beschluss' } }, 'text.de', 'working_language'],
      [{ ...ok, text: { en: '   ' } }, 'text.en', 'not_blank'],
      [{ ...ok, text: 'The report' }, 'text'],
      [{ deadline: ok.deadline }, 'text'],
      [{ ...ok, bodyId: 'not-a-uuid' }, 'bodyId'],
      [{ ...ok, meetingId: randomUUID() }, 'meetingId', 'unknown_field'],
      [{ ...ok, status: 'closed' }, 'status', 'unknown_field'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await as(ctx, w.secretariat, 'post', base(w)).send(body);
      const errors = (res.body.errors ?? []) as { field: string; rule: string }[];
      expect({ body, status: res.status, fields: [...new Set(errors.map((e) => e.field))] }).toEqual({ body, status: 400, fields: [field] });
      if (rule) expect({ body, rules: errors.map((e) => e.rule) }).toEqual({ body, rules: [rule] });
    }
    expect(await snapshot(ctx)).toEqual(before);
    // A body of another council, or none: 404.
    const other = await world(ctx);
    const afterOther = await snapshot(ctx);
    await as(ctx, w.secretariat, 'post', base(w))
      .send({ ...ok, bodyId: other.bodyId })
      .expect(404);
    await as(ctx, w.secretariat, 'post', base(w))
      .send({ ...ok, bodyId: randomUUID() })
      .expect(404);
    expect(await snapshot(ctx)).toEqual(afterOther);
    // Unknown procedure, another council's procedure, a bad id.
    const mine = await circulate(ctx, w, inDays(4));
    await as(ctx, other.secretariat, 'get', `/councils/${other.councilId}/silence-procedures/${mine.id}`).expect(404);
    await as(ctx, w.canada, 'get', `${base(w)}/${randomUUID()}`).expect(404);
    await as(ctx, w.canada, 'get', `${base(w)}/not-a-uuid`).expect(400);
    await as(ctx, w.canada, 'get', base(w)).query({ status: 'open' }).expect(400);
  });

  it('a member state breaks silence once (secretariat told at once) and may withdraw it; observers 403; permanent participants state positions instead', async () => {
    const p = await circulate(ctx, w, inDays(4));
    const before = await snapshot(ctx);
    const obs = await as(ctx, w.observer, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'We disagree' })
      .expect(403);
    expect(obs.body.code).toBe('FORBIDDEN');
    await as(ctx, w.observer, 'post', `${base(w)}/${p.id}/positions`)
      .send({ position: 'concern' })
      .expect(403);
    await as(ctx, w.secretariat, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'Staff' })
      .expect(403);
    const ppBreaks = await as(ctx, w.civilSociety, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'No' })
      .expect(409);
    expect(ppBreaks.body.code).toBe('BREAK_MEMBER_STATES_ONLY');
    const reason = await as(ctx, w.canada, 'post', `${base(w)}/${p.id}/break`).send({ reason: '' });
    expect({ status: reason.status, field: reason.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'reason' });
    expect(await snapshot(ctx)).toEqual(before);

    const broken = await as(ctx, w.canada, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: '  Our capital needs more time  ' })
      .expect(201);
    expect(broken.body).toMatchObject({
      decisionId: p.id,
      delegationId: w.ca,
      delegationName: 'Delegation Canada',
      reason: 'Our capital needs more time',
      withdrawnAt: null,
    });
    const again = await as(ctx, w.canada, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'Again' })
      .expect(409);
    expect(again.body.code).toBe('SILENCE_ALREADY_BROKEN');
    expect(await outboxKinds(ctx, p.id)).toEqual(['silence.circulated', 'silence.broken']);
    expect((await ctx.db.query(`SELECT occurrence, payload FROM outbox WHERE subject_id = $1 AND kind = 'silence.broken'`, [p.id]))[0]).toEqual({
      occurrence: broken.body.id,
      payload: { breakId: broken.body.id },
    });
    expect((await as(ctx, w.guatemala, 'get', `${base(w)}/${p.id}`).expect(200)).body).toMatchObject({
      silenceBroken: true,
      breaks: [expect.objectContaining({ id: broken.body.id })],
    });

    const position = await as(ctx, w.civilSociety, 'post', `${base(w)}/${p.id}/positions`)
      .send({ position: 'support', note: ' Migrant networks agree ' })
      .expect(201);
    expect(position.body).toMatchObject({ delegationId: w.pp, participantKind: 'permanent_participant', position: 'support', note: 'Migrant networks agree' });

    // Only Canada withdraws Canada's break; then silence holds again.
    await as(ctx, w.guatemala, 'delete', `${base(w)}/${p.id}/break`).expect(404);
    await as(ctx, w.chair, 'delete', `${base(w)}/${p.id}/break`).expect(404);
    const withdrawn = await as(ctx, w.canada, 'delete', `${base(w)}/${p.id}/break`).expect(200);
    expect(withdrawn.body).toMatchObject({ silenceBroken: false, breaks: [expect.objectContaining({ id: broken.body.id, withdrawnAt: expect.any(String) })] });
    await as(ctx, w.canada, 'delete', `${base(w)}/${p.id}/break`).expect(404);
    const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [p.id])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'decision.circulated',
      'decision.silence_broken',
      'decision.position_stated',
      'decision.silence_break_withdrawn',
    ]);

    // A member state that is not active does not break silence.
    await ctx.db.query(`UPDATE participants SET status = 'suspended' WHERE id = (SELECT participant_id FROM delegations WHERE id = $1)`, [w.gt]);
    try {
      expect(
        (
          await as(ctx, w.guatemala, 'post', `${base(w)}/${p.id}/break`)
            .send({ reason: 'Suspended' })
            .expect(409)
        ).body.code,
      ).toBe('MEMBER_STATE_NOT_ACTIVE');
    } finally {
      await ctx.db.query(`UPDATE participants SET status = 'active' WHERE id = (SELECT participant_id FROM delegations WHERE id = $1)`, [w.gt]);
    }
  });

  it('after the deadline breaks, withdrawals and positions are refused with 409 SILENCE_CLOSED, nothing changed', async () => {
    const p = await circulate(ctx, w, inDays(4));
    await as(ctx, w.canada, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'Before the deadline' })
      .expect(201);
    await expire(p.id);
    const before = await snapshot(ctx);
    const late = await as(ctx, w.guatemala, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'Too late' })
      .expect(409);
    expect(late.body).toMatchObject({ code: 'SILENCE_CLOSED', details: { status: 'proposed', deadline: expect.any(String) } });
    expect((await as(ctx, w.canada, 'delete', `${base(w)}/${p.id}/break`).expect(409)).body.code).toBe('SILENCE_CLOSED');
    expect(
      (
        await as(ctx, w.civilSociety, 'post', `${base(w)}/${p.id}/positions`)
          .send({ position: 'concern' })
          .expect(409)
      ).body.code,
    ).toBe('SILENCE_CLOSED');
    expect(await snapshot(ctx)).toEqual(before);
    // Closed: still refused, now naming the outcome.
    expect(await closer.close(p.id, 'job')).toBe('closed');
    const closed = await as(ctx, w.guatemala, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'Too late' })
      .expect(409);
    expect(closed.body).toMatchObject({ code: 'SILENCE_CLOSED', details: { status: 'closed', outcome: 'not_adopted' } });
  });

  it('closing: adopted as of its deadline with every active member state counted, once; broken → not adopted; only adopted ones are published, as written decisions', async () => {
    const adopted = await circulate(ctx, w, inDays(4), w.secretariat, { bodyId: w.bodyId });
    const broken = await circulate(ctx, w, inDays(4));
    const early = await circulate(ctx, w, inDays(4));
    await as(ctx, w.civilSociety, 'post', `${base(w)}/${adopted.id}/positions`)
      .send({ position: 'concern' })
      .expect(201);
    await as(ctx, w.guatemala, 'post', `${base(w)}/${broken.id}/break`)
      .send({ reason: 'No' })
      .expect(201);
    // Before its deadline nothing closes it.
    expect(await closer.close(early.id, 'sweep')).toBe('not_due');
    expect((await decisionRow(ctx, early.id)).status).toBe('proposed');

    await expire(adopted.id);
    await expire(broken.id);
    const deadline = (await decisionRow(ctx, adopted.id)).silence_deadline as Date;
    expect(await closer.close(adopted.id, 'job')).toBe('closed');
    expect(await closer.close(adopted.id, 'sweep')).toBe('skipped');
    expect(await closer.close(broken.id, 'sweep')).toBe('closed');
    expect(await decisionRow(ctx, adopted.id)).toMatchObject({
      status: 'closed',
      outcome: 'adopted',
      closed_at: deadline,
      member_states_present: 3,
      active_member_states: 3,
      quorum_required: 3,
      version: 2,
    });
    expect((await decisionRow(ctx, broken.id)).outcome).toBe('not_adopted');
    expect((await closedAudit(ctx, adopted.id)).map((a) => a.after)).toEqual([
      expect.objectContaining({ outcome: 'adopted', standingBreaks: 0, closedBy: 'system (silence.close)', closedAt: deadline.toISOString() }),
    ]);
    expect((await ctx.db.query(`SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'decision.closed'`, [adopted.id]))[0].actor_id).toBeNull();
    expect(await outboxKinds(ctx, adopted.id)).toEqual(['silence.circulated', 'silence.adopted']);
    expect(await outboxKinds(ctx, broken.id)).toEqual(['silence.circulated', 'silence.broken', 'silence.not_adopted']);

    const shown = await as(ctx, w.canada, 'get', `${base(w)}/${adopted.id}`).expect(200);
    expect(shown.body).toMatchObject({
      status: 'closed',
      outcome: 'adopted',
      closedAt: deadline.toISOString(),
      quorum: { memberStatesPresent: 3, activeMemberStates: 3, required: 3 },
    });
    const closedList = await as(ctx, w.canada, 'get', base(w)).query({ status: 'closed', outcome: 'not_adopted' }).expect(200);
    expect(closedList.body.items.map((i: { id: string }) => i.id)).toContain(broken.id);
    expect(closedList.body.items.map((i: { id: string }) => i.id)).not.toContain(adopted.id);

    const published = await ctx.anonymous().get(`/councils/${w.councilId}/decisions`).expect(200);
    expect(published.body.items).toContainEqual({
      id: adopted.id,
      procedure: 'written',
      text: TEXT,
      outcome: 'adopted',
      adoptedAt: deadline.toISOString(),
      meeting: null,
      agendaItem: null,
      body: { id: w.bodyId, name: 'Labour mobility' },
    });
    expect(published.body.items.map((i: { id: string }) => i.id)).not.toContain(broken.id);

    // Closed is final, in the database too.
    await expect(ctx.db.query(`UPDATE decisions SET outcome = 'not_adopted' WHERE id = $1`, [adopted.id])).rejects.toThrow('closed');
    // The shape is the database's: a written decision has no meeting; closing it at another instant than its deadline is refused.
    await expect(ctx.db.query(`INSERT INTO decisions (council_id, procedure, text) VALUES ($1, 'written', '{"en":"x"}')`, [w.councilId])).rejects.toThrow(
      'decisions_procedure_shape',
    );
    await expect(ctx.db.query(`UPDATE decisions SET status = 'closed', outcome = 'not_adopted', closed_at = now() WHERE id = $1`, [early.id])).rejects.toThrow(
      'decisions_written_closed_at_deadline',
    );
  });
});

/** Worker settings: fast notifications, a 2-second minimum notice; the sweeper only when a test asks for it. */
const WORKER_ENV = { ...FAST_NOTIFICATIONS, SILENCE_MIN_NOTICE_SECONDS: '2', SILENCE_SWEEP_INTERVAL_MS: '3600000' };

/** A worker of its own (own pool, queue connections and schedules), with the sweeper every `sweepMs`. */
function extraWorker(config: AppConfig, sweepMs: number): Promise<INestApplicationContext> {
  return startWorker({ config, overrides: { silence: { sweepIntervalMs: sweepMs } } });
}

describe.each<QueueKind>(['postgres', 'redis'])('silence procedure closed by the worker on the %s queue', (queue) => {
  let ctx: TestContext;
  const extra: INestApplicationContext[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ queue, worker: true, env: WORKER_ENV });
  });
  afterAll(async () => {
    for (const w of extra) await w.close();
    await ctx?.close();
  });

  it('is adopted at its deadline by its close job: heads told when circulated and of the result, once each', async () => {
    const w = await world(ctx);
    const deadline = new Date(Date.now() + 2_500);
    const p = await circulate(ctx, w, deadline);
    await sentOnce(ctx, p.id, 'silence.circulated', w.heads);
    const row = await closedRow(ctx, p.id);
    expect(row).toMatchObject({ outcome: 'adopted', closed_at: deadline, member_states_present: 3, active_member_states: 3 });
    expect((row.updated_at as Date).getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    expect((await closedAudit(ctx, p.id)).map((a) => a.after.closedBy)).toEqual(['system (silence.close)']);
    await sentOnce(ctx, p.id, 'silence.adopted', w.heads);
    // In each head's language: Canada's in French.
    const canada = await emailOf(ctx, w.canada.userId);
    const fr = ctx.mail.messages.find((m) => m.to.includes(canada) && m.subject.startsWith('Adoptée par procédure'));
    expect(fr?.subject).toBe(`Adoptée par procédure d’approbation tacite (${w.councilName})`);
    expect(fr?.text).toContain('Le rapport annuel est approuvé');
    const published = await ctx.anonymous().get(`/councils/${w.councilId}/decisions`).expect(200);
    expect(published.body.items).toEqual([expect.objectContaining({ id: p.id, procedure: 'written', meeting: null })]);
  }, 30_000);

  it('a member state breaks silence: the secretariat is told at once, the decision is not adopted at the deadline, a break after it is refused', async () => {
    const w = await world(ctx);
    const deadline = new Date(Date.now() + 3_000);
    const p = await circulate(ctx, w, deadline);
    await as(ctx, w.canada, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'Our capital objects to paragraph 2' })
      .expect(201);
    await sentOnce(ctx, p.id, 'silence.broken', w.secretariatEmails);
    const told = ctx.mail.messages.find((m) => m.to.includes(w.secretariatEmails[0]!) && m.subject.includes('Delegation Canada'));
    expect(told?.text).toContain('Our capital objects to paragraph 2');
    expect(told!.receivedAt.getTime()).toBeLessThan(deadline.getTime());

    const row = await closedRow(ctx, p.id);
    expect(row).toMatchObject({ outcome: 'not_adopted', closed_at: deadline });
    const late = await as(ctx, w.guatemala, 'post', `${base(w)}/${p.id}/break`)
      .send({ reason: 'Late' })
      .expect(409);
    expect(late.body.code).toBe('SILENCE_CLOSED');
    await sentOnce(ctx, p.id, 'silence.not_adopted', w.heads);
    const [delivery] = (await deliveriesOf(ctx, p.id)).filter((d) => d.kind === 'silence.not_adopted');
    const result = ctx.mail.messages.find((m) => m.parsed.messageId === delivery!.message_id);
    expect(result?.text).toContain('Delegation Canada');
    expect((await ctx.anonymous().get(`/councils/${w.councilId}/decisions`).expect(200)).body.items).toEqual([]);
  }, 30_000);

  it('exactly once: two workers, extra close jobs, direct closes and the sweeper racing at the deadline → one close, one audit row, one result email per head', async () => {
    const w = await world(ctx);
    extra.push(await extraWorker(ctx.config, 200));
    const workers = [ctx.worker!, extra[extra.length - 1]!];
    const deadline = new Date(Date.now() + 2_500);
    const p = await circulate(ctx, w, deadline);
    const queues = ctx.app.get(QueueService);
    // More close jobs under ids of their own (the queue cannot merge them), due at the deadline too.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => queues.add('silence.close', { decisionId: p.id }, jobId('race-close', p.id, i), deadline.getTime() - Date.now())),
    );
    // Hold the decision row at the deadline so that every closer is waiting on it when the test lets go.
    const qr = ctx.db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    await waitUntilInstant(new Date(deadline.getTime() - 200));
    await qr.query(`SELECT id FROM decisions WHERE id = $1 FOR UPDATE`, [p.id]);
    let direct: Promise<string[]>;
    try {
      await waitUntilInstant(new Date(deadline.getTime() + 50));
      direct = Promise.all(Array.from({ length: 10 }, (_, i) => workers[i % 2]!.get(SilenceCloser).close(p.id, 'sweep')));
      await until('closers blocked on the decision row', async () => {
        const [row] = (await ctx.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as { n: number }[];
        return row!.n >= 6 ? row!.n : undefined;
      });
    } finally {
      await qr.commitTransaction();
      await qr.release();
    }
    const results = await direct;
    expect(results.filter((r) => r === 'closed').length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r !== 'closed' && r !== 'skipped')).toEqual([]);
    await closedRow(ctx, p.id);
    await sleep(1_000); // the remaining jobs and a few sweeps run
    expect(await closedAudit(ctx, p.id)).toHaveLength(1);
    expect(await outboxKinds(ctx, p.id)).toEqual(['silence.circulated', 'silence.adopted']);
    expect((await decisionRow(ctx, p.id)).version).toBe(2);
    await sentOnce(ctx, p.id, 'silence.adopted', w.heads);
    await sleep(500);
    expect((await deliveriesOf(ctx, p.id)).filter((d) => d.kind === 'silence.adopted')).toHaveLength(w.heads.length);
    for (const head of w.heads) expect(ctx.mail.messages.filter((m) => m.to.includes(head) && m.subject.includes(w.councilName))).toHaveLength(2);
    await extra.pop()!.close();
  }, 40_000);

  it('the worker is down at the deadline: started late, it closes the procedure as of its deadline', async () => {
    const w = await world(ctx);
    await stopWorker(ctx);
    try {
      const deadline = new Date(Date.now() + 2_200);
      const p = await circulate(ctx, w, deadline);
      await waitUntilInstant(new Date(deadline.getTime() + 1_500));
      expect((await decisionRow(ctx, p.id)).status).toBe('proposed');
      // Breaking silence is already refused: the deadline has passed.
      expect(
        (
          await as(ctx, w.canada, 'post', `${base(w)}/${p.id}/break`)
            .send({ reason: 'Late' })
            .expect(409)
        ).body.code,
      ).toBe('SILENCE_CLOSED');
      await restartWorker(ctx);
      const row = await closedRow(ctx, p.id);
      expect(row).toMatchObject({ outcome: 'adopted', closed_at: deadline });
      expect(await closedAudit(ctx, p.id)).toHaveLength(1);
      await sentOnce(ctx, p.id, 'silence.adopted', w.heads);
    } finally {
      if (!ctx.worker) await restartWorker(ctx);
    }
  }, 30_000);

  it('the queue lost the close job: the sweeper closes the procedure once', async () => {
    const w = await world(ctx);
    const deadline = new Date(Date.now() + 2_200);
    const p = await circulate(ctx, w, deadline);
    const job = await ctx.app.get(QueueService).queue('system').getJob(closeJobId(p.id));
    await job!.remove();
    await waitUntilInstant(new Date(deadline.getTime() + 800));
    expect((await decisionRow(ctx, p.id)).status).toBe('proposed');
    extra.push(await extraWorker(ctx.config, 200));
    const row = await closedRow(ctx, p.id);
    expect(row).toMatchObject({ outcome: 'adopted', closed_at: deadline });
    expect((await closedAudit(ctx, p.id)).map((a) => a.after.closedBy)).toEqual(['system (silence.sweep)']);
    await sentOnce(ctx, p.id, 'silence.adopted', w.heads);
    await extra.pop()!.close();
  }, 30_000);
});

/** Redis loses everything (FLUSHALL) between circulation and deadline: the sweeper closes the procedure anyway. A Redis of this file's own. */
describe('silence procedure when Redis is flushed', () => {
  let redisServer: RunningRedis;
  let redis: Redis;
  let ctx: TestContext;

  beforeAll(async () => {
    const binary = findRedisServer();
    if (!binary) throw new Error('redis-server is not installed');
    redisServer = await startRedis(binary);
    redis = new Redis(redisServer.url);
    ctx = await createTestContext({ queue: 'redis', worker: true, env: { ...WORKER_ENV, SILENCE_SWEEP_INTERVAL_MS: '300', REDIS_URL: redisServer.url } });
  });
  afterAll(async () => {
    await ctx?.close();
    redis?.disconnect();
    redisServer?.stop();
  });

  it('the close job and the schedulers are gone; the worker puts the sweeper back and it closes the procedure at its deadline, once', async () => {
    const w = await world(ctx);
    const deadline = new Date(Date.now() + 2_500);
    const p = await circulate(ctx, w, deadline);
    expect(await ctx.app.get(QueueService).queue('system').getJob(closeJobId(p.id))).toBeDefined();
    await redis.flushall();
    expect(await ctx.app.get(QueueService).queue('system').getJob(closeJobId(p.id))).toBeUndefined();
    const row = await closedRow(ctx, p.id);
    expect(row).toMatchObject({ outcome: 'adopted', closed_at: deadline });
    expect((await closedAudit(ctx, p.id)).map((a) => a.after.closedBy)).toEqual(['system (silence.sweep)']);
    await sentOnce(ctx, p.id, 'silence.adopted', w.heads);
  }, 30_000);
});
