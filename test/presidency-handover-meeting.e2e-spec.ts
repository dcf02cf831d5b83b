import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { TransferService } from '../src/modules/presidency/transfer/transfer.service.js';
import { type Actor, delegateOf } from './support/actors.js';
import { given } from './support/given.js';
import { FAST_NOTIFICATIONS, sleep, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';
import { startWorker } from './support/worker.js';

/**
 * The handover meeting: the secretariat designates a meeting not held yet as the handover meeting of the current
 * term; when it closes (the ordinary meeting transition), the presidency passes with mode 'meeting' at the instant
 * it closed — both terms' boundary moved in the closing transaction itself, chair rights with it, once; the sweeper
 * only catches up a close that did not transfer.
 */

interface State {
  participantId: string;
  delegationId: string;
  head: Actor;
}

let ctx: TestContext;
const workers: INestApplicationContext[] = [];

beforeAll(async () => {
  ctx = await createTestContext({
    env: { ...FAST_NOTIFICATIONS, PRESIDENCY_SWEEP_INTERVAL_MS: '3600000', PRESIDENCY_SUCCESSION_CHECK_INTERVAL_MS: '86400000' },
  });
});
afterAll(async () => {
  for (const w of workers) await w.close().catch(() => undefined);
  await ctx?.close();
});

async function sweepingWorker(sweepMs = 200): Promise<INestApplicationContext> {
  const w = await startWorker({ config: ctx.config, overrides: { presidency: { transferSweepIntervalMs: sweepMs } } });
  workers.push(w);
  return w;
}

async function stopWorkers(): Promise<void> {
  while (workers.length) {
    const w = workers.pop()!;
    await Promise.race([w.close(), sleep(15_000)]);
  }
}

const transfers = () => ctx.app.get(TransferService, { strict: false });

async function q<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await ctx.db.query(sql, params)) as T[];
}

async function newCouncil(): Promise<string> {
  const slug = `hm-${randomBytes(4).toString('hex')}`;
  const res = await ctx
    .http()
    .post('/councils')
    .send({ slug, name: `Council ${slug}`, workingLanguages: ['en'], timeZone: 'UTC', rotationPolicy: 'fixed_order', termMonths: 24 })
    .expect(201);
  return res.body.id as string;
}

async function memberStates(councilId: string, codes: string[]): Promise<State[]> {
  const out: State[] = [];
  for (const code of codes) {
    const p = await ctx
      .http()
      .post(`/councils/${councilId}/participants`)
      .send({ kind: 'member_state', name: `State ${code}`, isoCode: code })
      .expect(201);
    const [d] = await q<{ id: string }>(`SELECT id FROM delegations WHERE participant_id = $1`, [p.body.id]);
    out.push({ participantId: p.body.id as string, delegationId: d!.id, head: await delegateOf(ctx, councilId, d!.id, 'head') });
  }
  return out;
}

function term(councilId: string, participantId: string, start: Date, end: Date): Promise<string> {
  return given(ctx).inCouncil(councilId).presiding(participantId, { from: start, to: end });
}

/** A meeting in the given status (started an hour ago unless given), version 1. */
async function meeting(councilId: string, status: string, startsAt = new Date(Date.now() - 3_600_000)): Promise<string> {
  const rows = await q<{ id: string }>(
    `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
     VALUES ($1, 'ministerial', 'Ministerial meeting', $2, $3::timestamptz + interval '3 hours', 'UTC', $4, CASE WHEN $4 IN ('draft','cancelled') THEN NULL ELSE now() - interval '30 days' END)
     RETURNING id`,
    [councilId, startsAt, startsAt, status],
  );
  return rows[0]!.id;
}

async function closeMeeting(councilId: string, meetingId: string): Promise<void> {
  const [m] = await q<{ version: number }>(`SELECT version FROM meetings WHERE id = $1`, [meetingId]);
  await ctx.http().post(`/councils/${councilId}/meetings/${meetingId}/transitions`).send({ to: 'closed', version: m!.version }).expect(200);
}

async function closedAt(meetingId: string): Promise<Date> {
  const [r] = await q<{ at: Date }>(
    `SELECT date_trunc('milliseconds', at) AS at FROM audit_log WHERE entity_type = 'meeting' AND entity_id = $1 AND action = 'meeting.closed'`,
    [meetingId],
  );
  return new Date(r!.at);
}

function createBody(councilId: string, actor: Actor) {
  return ctx
    .anonymous()
    .post(`/councils/${councilId}/bodies`)
    .set(actor.auth)
    .send({ kind: 'working_group', name: `WG ${randomBytes(4).toString('hex')}` });
}

const DAY = 86_400_000;
const whole = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

/** A council with A's term covering now (ending in 100 days), B's entered after it, and 3 open items of the presidency. */
async function world() {
  const councilId = await newCouncil();
  const [A, B, C] = await memberStates(councilId, ['IS', 'NO', 'DK']);
  const start = whole(new Date(Date.now() - 200 * DAY));
  const end = whole(new Date(Date.now() + 100 * DAY));
  const a = await term(councilId, A!.participantId, start, end);
  const b = await term(councilId, B!.participantId, end, new Date(end.getTime() + 730 * DAY));
  await ctx.db.query(
    `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status)
     SELECT $1, jsonb_build_object('en', 'Item ' || i), 'presidency', $2, current_date + 30, 'open' FROM generate_series(1, 3) AS i`,
    [councilId, A!.delegationId],
  );
  return { councilId, A: A!, B: B!, C: C!, a, b, start, end };
}

describe('the handover meeting', () => {
  afterEach(() => stopWorkers());

  it('designated, then closed through the meeting transitions: the presidency passes in the closing transaction — current, chair rights, transfer and audit visible at once; the sweep changes nothing', async () => {
    const w = await world();
    const meetingId = await meeting(w.councilId, 'in_session');
    const res = await ctx.http().post(`/councils/${w.councilId}/presidency/handover-meeting`).send({ meetingId }).expect(201);
    expect(res.body).toMatchObject({ termId: w.a, meetingId, meetingStatus: 'in_session', state: 'pending', closedAt: null, boundary: null });
    const [audit] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE council_id = $1 AND action = 'presidency.handover_meeting_designated' AND entity_id = $2`,
      [w.councilId, w.a],
    );
    expect(audit!.n).toBe(1);
    const read = await ctx.anonymous().get(`/councils/${w.councilId}/presidency/handover-meeting`).set(w.C.head.auth).expect(200);
    expect(read.body).toMatchObject({ termId: w.a, meetingId, state: 'pending' });
    expect((await createBody(w.councilId, w.A.head)).status).toBe(201);
    expect((await createBody(w.councilId, w.B.head)).status).toBe(403);

    // No worker runs (the sweep interval is an hour): whatever follows is the close's own transaction.
    await closeMeeting(w.councilId, meetingId);
    const close = await closedAt(meetingId);
    const current = await ctx.anonymous().get(`/councils/${w.councilId}/presidency/current`).expect(200);
    expect(current.body).toMatchObject({ id: w.b, participantId: w.B.participantId, startsAt: close.toISOString() });
    expect((await createBody(w.councilId, w.A.head)).status).toBe(403);
    expect((await createBody(w.councilId, w.B.head)).status).toBe(201);
    const successor = await ctx.anonymous().get(`/councils/${w.councilId}/presidency/successor`).expect(200);
    expect(successor.body).toMatchObject({ termId: w.b, known: true, successor: { participantId: w.C.participantId } });

    const [x] = await q<{ id: string; to_term_id: string; mode: string; boundary: Date; meeting_id: string; items_moved: number; successor_basis: string }>(
      `SELECT * FROM presidency_transfers WHERE from_term_id = $1`,
      [w.a],
    );
    expect(x).toMatchObject({ to_term_id: w.b, mode: 'meeting', meeting_id: meetingId, items_moved: 3, successor_basis: 'entered' });
    expect(new Date(x!.boundary).toISOString()).toBe(close.toISOString());
    const terms = await q<{ id: string; s: Date; e: Date }>(
      `SELECT id, lower(period) AS s, upper(period) AS e FROM presidency_terms WHERE council_id = $1 ORDER BY lower(period)`,
      [w.councilId],
    );
    expect(terms.map((t) => [t.id, new Date(t.s).toISOString(), new Date(t.e).toISOString()])).toEqual([
      [w.a, w.start.toISOString(), close.toISOString()],
      [w.b, close.toISOString(), new Date(w.end.getTime() + 730 * DAY).toISOString()],
    ]);
    // One transaction: the boundary moved by the transfer itself (its audit row records where the term was to end).
    const [t] = await q<{ before: { endsAt: string }; after: { boundary: string; mode: string; meetingId: string } }>(
      `SELECT before, after FROM audit_log WHERE council_id = $1 AND action = 'presidency.transferred'`,
      [w.councilId],
    );
    expect(t).toMatchObject({ before: { endsAt: w.end.toISOString() }, after: { boundary: close.toISOString(), mode: 'meeting', meetingId } });
    const done = await ctx.http().get(`/councils/${w.councilId}/presidency/handover-meeting?termId=${w.a}`).expect(200);
    expect(done.body).toMatchObject({ state: 'transferred', boundary: close.toISOString(), meetingStatus: 'closed' });

    const snapshot = () =>
      q<{ transfers: number; audits: number; terms: number; periods: string }>(
        `SELECT (SELECT count(*)::int FROM presidency_transfers WHERE council_id = $1) AS transfers,
                (SELECT count(*)::int FROM audit_log WHERE council_id = $1 AND action = 'presidency.transferred') AS audits,
                (SELECT count(*)::int FROM presidency_terms WHERE council_id = $1) AS terms,
                (SELECT string_agg(period::text, ' ' ORDER BY lower(period)) FROM presidency_terms WHERE council_id = $1) AS periods`,
        [w.councilId],
      );
    const [before] = await snapshot();
    expect(before).toMatchObject({ transfers: 1, audits: 1, terms: 2 });
    // Once: a worker's sweeps, direct catch-ups and a secretariat's handover citing the same meeting change nothing.
    await sweepingWorker(200);
    await sleep(800);
    expect(await transfers().transferAtMeetingClose(w.a)).toBe('skipped');
    expect(await transfers().transferTerm(w.a)).toBe('skipped');
    expect(await transfers().catchUp(w.councilId)).toEqual([]);
    const retry = await ctx.http().post(`/councils/${w.councilId}/presidency/handover`).send({ mode: 'meeting', meetingId });
    expect({ status: retry.status, body: retry.body }).toMatchObject({
      status: 200,
      body: { transferId: x!.id, toTermId: w.b, boundary: close.toISOString(), mode: 'meeting' },
    });
    expect(await snapshot()).toEqual([before]);
    const del = await ctx.http().delete(`/councils/${w.councilId}/presidency/handover-meeting?termId=${w.a}`);
    expect({ status: del.status, code: del.body.code }).toEqual({ status: 409, code: 'MEETING_CLOSED' });
  }, 40_000);

  it('a close that could not transfer (an earlier term still awaiting its succession) is left to the sweeper, which transfers both in order', async () => {
    const c = await newCouncil();
    const [A, B, C] = await memberStates(c, ['FI', 'SE', 'NO']);
    // A's term ended a minute ago with no worker to transfer it; B's (entered) runs now; its handover meeting is in session.
    const t1 = whole(new Date(Date.now() - 60_000));
    const a = await term(c, A!.participantId, new Date(t1.getTime() - DAY), t1);
    await ctx.db.query(`UPDATE presidency_terms SET created_at = $2 WHERE id = $1`, [a, new Date(t1.getTime() - DAY)]);
    const b = await term(c, B!.participantId, t1, new Date(t1.getTime() + 100 * DAY));
    const m = await meeting(c, 'in_session', new Date(Date.now() - 30_000));
    await ctx.http().post(`/councils/${c}/presidency/handover-meeting`).send({ meetingId: m }).expect(201);
    await closeMeeting(c, m);
    const close = await closedAt(m);
    expect((await q(`SELECT 1 FROM presidency_transfers WHERE council_id = $1`, [c])).length).toBe(0);
    expect((await ctx.http().get(`/councils/${c}/presidency/handover-meeting`).expect(200)).body.state).toBe('closing');
    await sweepingWorker(200);
    const rows = await until('both transfers', async () => {
      const r = await q<{ from_term_id: string; mode: string; boundary: Date }>(
        `SELECT from_term_id, mode, boundary FROM presidency_transfers WHERE council_id = $1 ORDER BY boundary`,
        [c],
      );
      return r.length === 2 ? r : undefined;
    });
    expect(rows.map((r) => [r.from_term_id, r.mode, new Date(r.boundary).toISOString()])).toEqual([
      [a, 'scheduled', t1.toISOString()],
      [b, 'meeting', close.toISOString()],
    ]);
    const cur = await ctx.anonymous().get(`/councils/${c}/presidency/current`).expect(200);
    expect(cur.body).toMatchObject({ participantId: C!.participantId, startsAt: close.toISOString() });
    await ctx.anonymous().get(`/councils/${c}/presidency/successor`).expect(200);
  }, 30_000);

  it('refusals: closed, cancelled or postponed meeting → 409; another council’s meeting → 404; one per term; nothing stored; undesignate before it closes', async () => {
    const w = await world();
    const other = await world();
    const post = (body: Record<string, unknown>) => ctx.http().post(`/councils/${w.councilId}/presidency/handover-meeting`).send(body);
    for (const status of ['closed', 'cancelled', 'postponed', 'minutes_approved']) {
      const r = await post({ meetingId: await meeting(w.councilId, status) });
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'MEETING_NOT_DESIGNABLE' });
    }
    const foreign = await post({ meetingId: await meeting(other.councilId, 'draft', new Date(Date.now() + 10 * DAY)) });
    expect(foreign.status).toBe(404);
    const tooLate = await post({ meetingId: await meeting(w.councilId, 'draft', new Date(w.end.getTime() + DAY)) });
    expect({ status: tooLate.status, code: tooLate.body.code }).toEqual({ status: 409, code: 'MEETING_AFTER_TERM' });
    expect((await post({ meetingId: await meeting(w.councilId, 'draft'), termId: other.a })).status).toBe(404);
    expect((await post({ meetingId: 'not-a-uuid' })).status).toBe(400);
    expect((await q(`SELECT 1 FROM presidency_handover_meetings WHERE council_id IN ($1, $2)`, [w.councilId, other.councilId])).length).toBe(0);
    await ctx.http().get(`/councils/${w.councilId}/presidency/handover-meeting`).expect(404);

    const first = await meeting(w.councilId, 'convened', new Date(Date.now() + 10 * DAY));
    await post({ meetingId: first }).expect(201);
    const second = await post({ meetingId: await meeting(w.councilId, 'draft', new Date(Date.now() + 20 * DAY)), termId: w.a });
    expect(second.status).toBe(409);
    // The same meeting cannot be the handover meeting of two terms (B's term is in the future, not ended).
    const twice = await post({ meetingId: first, termId: w.b });
    expect(twice.status).toBe(409);

    await ctx.http().delete(`/councils/${w.councilId}/presidency/handover-meeting`).expect(204);
    await ctx.http().get(`/councils/${w.councilId}/presidency/handover-meeting`).expect(404);
    await ctx.http().delete(`/councils/${w.councilId}/presidency/handover-meeting`).expect(404);
    const audits = await q<{ action: string }>(
      `SELECT action FROM audit_log WHERE council_id = $1 AND action LIKE 'presidency.handover_meeting%' ORDER BY id`,
      [w.councilId],
    );
    expect(audits.map((a) => a.action)).toEqual(['presidency.handover_meeting_designated', 'presidency.handover_meeting_undesignated']);
    // Undesignated, its close changes nothing.
    await ctx.db.query(`UPDATE meetings SET status = 'in_session' WHERE id = $1`, [first]);
    await closeMeeting(w.councilId, first);
    expect(await transfers().transferAtMeetingClose(w.a)).toBe('skipped');
    expect((await q(`SELECT 1 FROM presidency_transfers WHERE council_id = $1`, [w.councilId])).length).toBe(0);
  }, 30_000);

  it('a cancelled handover meeting is ignored; one closing after the term’s end is moot (the scheduled transfer happened)', async () => {
    const w = await world();
    const cancelled = await meeting(w.councilId, 'convened', new Date(Date.now() + 10 * DAY));
    await ctx.http().post(`/councils/${w.councilId}/presidency/handover-meeting`).send({ meetingId: cancelled }).expect(201);
    await ctx.http().post(`/councils/${w.councilId}/meetings/${cancelled}/transitions`).send({ to: 'cancelled', version: 1 }).expect(200);
    expect(await transfers().transferAtMeetingClose(w.a)).toBe('skipped');
    expect((await ctx.http().get(`/councils/${w.councilId}/presidency/handover-meeting`).expect(200)).body.state).toBe('cancelled');
    expect((await q(`SELECT 1 FROM presidency_transfers WHERE council_id = $1`, [w.councilId])).length).toBe(0);

    // A term ending in a moment; its handover meeting is still in session when the end comes.
    const c2 = await newCouncil();
    const [D, E] = await memberStates(c2, ['SE', 'FI']);
    const end = whole(new Date(Date.now() + 2000));
    const d = await term(c2, D!.participantId, new Date(end.getTime() - DAY), end);
    const m = await meeting(c2, 'in_session');
    await ctx.http().post(`/councils/${c2}/presidency/handover-meeting`).send({ meetingId: m }).expect(201);
    await sleep(end.getTime() - Date.now() + 100);
    expect(await transfers().catchUp(c2)).toEqual(['transferred']);
    await closeMeeting(c2, m);
    expect(await transfers().transferAtMeetingClose(d)).toBe('skipped');
    const [x] = await q<{ mode: string; boundary: Date; n: number }>(
      `SELECT mode, boundary, count(*) OVER ()::int AS n FROM presidency_transfers WHERE council_id = $1`,
      [c2],
    );
    expect({ mode: x!.mode, boundary: new Date(x!.boundary).toISOString(), n: x!.n }).toEqual({ mode: 'scheduled', boundary: end.toISOString(), n: 1 });
    expect((await ctx.http().get(`/councils/${c2}/presidency/handover-meeting?termId=${d}`).expect(200)).body).toMatchObject({
      state: 'moot',
      boundary: end.toISOString(),
    });
    const [cur] = await q<{ participant_id: string }>(`SELECT participant_id FROM presidency_terms WHERE council_id = $1 AND period @> now()`, [c2]);
    expect(cur!.participant_id).toBe(E!.participantId);
  }, 30_000);

  it('after an outage: the meeting closed before the term’s end unseen, the worker comes back after it — the transfer still happens at the close', async () => {
    const c = await newCouncil();
    const [A, B] = await memberStates(c, ['CA', 'US']);
    const end = whole(new Date(Date.now() + 3000));
    const a = await term(c, A!.participantId, new Date(end.getTime() - DAY), end);
    const m = await meeting(c, 'in_session');
    await ctx.http().post(`/councils/${c}/presidency/handover-meeting`).send({ meetingId: m }).expect(201);
    // A close no listener saw (e.g. written by a process without the handover module): status and audit row only.
    await ctx.db.query(`UPDATE meetings SET status = 'closed', version = version + 1 WHERE id = $1`, [m]);
    await ctx.db.query(`INSERT INTO audit_log (council_id, action, entity_type, entity_id) VALUES ($1, 'meeting.closed', 'meeting', $2)`, [c, m]);
    const close = await closedAt(m);
    expect((await q(`SELECT 1 FROM presidency_transfers WHERE council_id = $1`, [c])).length).toBe(0);
    await sleep(end.getTime() - Date.now() + 100); // no worker until after the end
    expect(await transfers().catchUp(c)).toEqual(['transferred']);
    const [x] = await q<{ mode: string; boundary: Date; to_term_id: string }>(
      `SELECT mode, boundary, to_term_id FROM presidency_transfers WHERE from_term_id = $1`,
      [a],
    );
    expect({ mode: x!.mode, boundary: new Date(x!.boundary).toISOString() }).toEqual({ mode: 'meeting', boundary: close.toISOString() });
    const [next] = await q<{ participant_id: string; s: Date }>(`SELECT participant_id, lower(period) AS s FROM presidency_terms WHERE id = $1`, [
      x!.to_term_id,
    ]);
    expect({ p: next!.participant_id, s: new Date(next!.s).toISOString() }).toEqual({ p: B!.participantId, s: close.toISOString() });
    expect((await q<{ e: Date }>(`SELECT upper(period) AS e FROM presidency_terms WHERE id = $1`, [a]))[0]!.e.toISOString()).toBe(close.toISOString());
  }, 30_000);
});
