import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { PresidencyTransferSweepJob } from '../src/modules/presidency/transfer/jobs/presidency-transfer-sweep.job.js';
import { TransferService } from '../src/modules/presidency/transfer/transfer.service.js';
import { type Actor, delegateOf } from './support/actors.js';
import { given } from './support/given.js';
import { FAST_NOTIFICATIONS } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * The presidency's edges, through the HTTP API:
 * - one decision, one transfer: a handover by written procedure sent twice (at once, or one after the other) hands
 *   the presidency over once — the retry answers 200 with the same transfer and changes nothing;
 * - no handover into the past: `at` within the outgoing term, not before the decision, not further back than the
 *   clocks' tolerance; whatever is accepted leaves exactly one holder at every instant (the database holds it too:
 *   a deferred no-gap trigger beside the exclusion constraint), and `current` / `successor` answer.
 */

interface State {
  participantId: string;
  delegationId: string;
  head: Actor;
}

let ctx: TestContext;

beforeAll(async () => {
  // A worker whose periodic sweep never fires by itself: the tests run it when they mean to.
  ctx = await createTestContext({
    worker: true,
    env: { ...FAST_NOTIFICATIONS, PRESIDENCY_SWEEP_INTERVAL_MS: '3600000', PRESIDENCY_SUCCESSION_CHECK_INTERVAL_MS: '86400000' },
  });
});
afterAll(() => ctx?.close());

const DAY = 86_400_000;
const whole = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
const transfers = () => ctx.app.get(TransferService, { strict: false });
const sweep = () => ctx.worker!.get(PresidencyTransferSweepJob, { strict: false }).handle();

async function q<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await ctx.db.query(sql, params)) as T[];
}

async function newCouncil(): Promise<string> {
  const slug = `pe-${randomBytes(4).toString('hex')}`;
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

/** A decision of the council adopted in writing at `adoptedAt` (whole milliseconds). */
async function adopted(councilId: string, adoptedAt: Date): Promise<string> {
  const rows = await q<{ id: string }>(
    `INSERT INTO decisions (council_id, procedure, silence_deadline, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
     VALUES ($1, 'written', $2, '{"en":"The presidency passes"}', 'closed', 'adopted', $2, 3, 3, 3) RETURNING id`,
    [councilId, adoptedAt],
  );
  return rows[0]!.id;
}

function createBody(councilId: string, actor: Actor) {
  return ctx
    .anonymous()
    .post(`/councils/${councilId}/bodies`)
    .set(actor.auth)
    .send({ kind: 'working_group', name: `WG ${randomBytes(4).toString('hex')}` });
}

const handover = (councilId: string, body: Record<string, unknown>) => ctx.http().post(`/councils/${councilId}/presidency/handover`).send(body);

/** Everything a handover changes, to compare before and after. */
async function snapshot(councilId: string) {
  const [r] = await q<{ transfers: number; audits: number; terms: number; periods: string | null; outbox: number }>(
    `SELECT (SELECT count(*)::int FROM presidency_transfers WHERE council_id = $1) AS transfers,
            (SELECT count(*)::int FROM audit_log WHERE council_id = $1 AND action = 'presidency.transferred') AS audits,
            (SELECT count(*)::int FROM presidency_terms WHERE council_id = $1) AS terms,
            (SELECT string_agg(participant_id::text || ' ' || period::text, ' | ' ORDER BY lower(period)) FROM presidency_terms WHERE council_id = $1) AS periods,
            (SELECT count(*)::int FROM outbox WHERE council_id = $1 AND kind = 'presidency.transferred') AS outbox`,
    [councilId],
  );
  return r!;
}

/** The council's terms merge into one range: no instant between the first start and the last end without a holder. */
async function pieces(councilId: string): Promise<number> {
  const [r] = await q<{ pieces: number }>(
    `SELECT count(*)::int AS pieces FROM unnest((SELECT range_agg(period) FROM presidency_terms WHERE council_id = $1))`,
    [councilId],
  );
  return r!.pieces;
}

/** A's term covering now (started `startedAgoMs` ago, ending in 100 days), no next term entered; 3 open items of the presidency. */
async function world(startedAgoMs = 200 * DAY, opts: { nextEntered?: boolean } = {}) {
  const councilId = await newCouncil();
  const [A, B, C] = await memberStates(councilId, ['CA', 'US', 'MX']);
  const start = whole(new Date(Date.now() - startedAgoMs));
  const end = whole(new Date(Date.now() + 100 * DAY));
  const a = await term(councilId, A!.participantId, start, end);
  const b = opts.nextEntered ? await term(councilId, B!.participantId, end, new Date(end.getTime() + 730 * DAY)) : undefined;
  await ctx.db.query(
    `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status)
     SELECT $1, jsonb_build_object('en', 'Item ' || i), 'presidency', $2, current_date + 30, 'open' FROM generate_series(1, 3) AS i`,
    [councilId, A!.delegationId],
  );
  return { councilId, A: A!, B: B!, C: C!, a, b, start, end };
}

/** After an accepted handover to B: B presides now (chair rights too), its successor is known, one holder at every instant. */
async function expectHandedToB(w: Awaited<ReturnType<typeof world>>, boundary: string): Promise<void> {
  const current = await ctx.anonymous().get(`/councils/${w.councilId}/presidency/current`).expect(200);
  expect(current.body).toMatchObject({ participantId: w.B.participantId, startsAt: boundary });
  const successor = await ctx.anonymous().get(`/councils/${w.councilId}/presidency/successor`).expect(200);
  expect(successor.body).toMatchObject({ termId: current.body.id, known: true, successor: { participantId: w.C.participantId } });
  const [old] = await q<{ e: Date }>(`SELECT upper(period) AS e FROM presidency_terms WHERE id = $1`, [w.a]);
  expect(new Date(old!.e).toISOString()).toBe(boundary);
  expect(await pieces(w.councilId)).toBe(1);
  expect((await createBody(w.councilId, w.A.head)).status).toBe(403);
  expect((await createBody(w.councilId, w.B.head)).status).toBe(201);
}

describe('one decision, one transfer', () => {
  it('two concurrent identical written handovers: one transfer, one audit row, one term created — the other answers 200 with the same transfer', async () => {
    const w = await world();
    const decisionId = await adopted(w.councilId, whole(new Date(Date.now() - 60_000)));
    const body = { mode: 'written', decisionId };
    const [r1, r2] = await Promise.all([handover(w.councilId, body), handover(w.councilId, body)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    expect(r1.body).toEqual(r2.body);
    expect(r1.body).toMatchObject({ outcome: 'transferred', mode: 'written', successorBasis: 'rotation', itemsMoved: 3 });
    expect(await snapshot(w.councilId)).toMatchObject({ transfers: 1, audits: 1, terms: 2, outbox: 1 });
    const [x] = await q<{ id: string; decision_id: string; to_term_id: string }>(
      `SELECT id, decision_id, to_term_id FROM presidency_transfers WHERE council_id = $1`,
      [w.councilId],
    );
    expect(x).toEqual({ id: r1.body.transferId, decision_id: decisionId, to_term_id: r1.body.toTermId });
    await expectHandedToB(w, r1.body.boundary);
  }, 30_000);

  it('sequential retries: the same request again → 200 and the same transfer, nothing changes; another request citing the decision → 409 DECISION_ALREADY_USED', async () => {
    const w = await world();
    const decisionId = await adopted(w.councilId, whole(new Date(Date.now() - 60_000)));
    const first = await handover(w.councilId, { mode: 'written', decisionId }).expect(201);
    const after = await snapshot(w.councilId);
    expect(after).toMatchObject({ transfers: 1, audits: 1, terms: 2 });

    // A client retry without termId (and with it), and one repeating the instant: the same transfer.
    for (const retry of [
      { mode: 'written', decisionId },
      { mode: 'written', decisionId, termId: w.a },
      { mode: 'written', decisionId, at: first.body.boundary },
    ]) {
      const res = await handover(w.councilId, retry);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: first.body });
    }
    // Different requests citing the same decision: refused, naming it.
    for (const other of [
      { mode: 'written', decisionId, at: new Date(Date.now() - 1000).toISOString() },
      { mode: 'early', decisionId },
      { mode: 'written', decisionId, termId: first.body.toTermId },
    ]) {
      const res = await handover(w.councilId, other);
      expect({ status: res.status, code: res.body.code, field: res.body.errors?.[0]?.field, transferId: res.body.details?.transferId }).toEqual({
        status: 409,
        code: 'DECISION_ALREADY_USED',
        field: 'decisionId',
        transferId: first.body.transferId,
      });
    }
    expect(await snapshot(w.councilId)).toEqual(after);
    await expectHandedToB(w, first.body.boundary);
    // The sweep after it changes nothing either.
    await sweep();
    expect(await transfers().catchUp(w.councilId)).toEqual([]);
    expect(await snapshot(w.councilId)).toEqual(after);

    // The database holds it: a second transfer citing the decision is refused by its unique key.
    await expect(
      ctx.db.query(
        `INSERT INTO presidency_transfers (council_id, from_term_id, to_term_id, mode, successor_basis, boundary, decision_id) VALUES ($1, $2, $3, 'written', 'rotation', now(), $4)`,
        [w.councilId, first.body.toTermId, w.a, decisionId],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'presidency_transfers_decision_key' }) });
  }, 30_000);
});

describe('no handover into the past', () => {
  it('refuses an instant years back, before the decision, before the term or in the future — each with its own code naming `at`; nothing changes', async () => {
    // A's term started 3 years ago: an instant 2 years back lies within it.
    const w = await world(3 * 365 * DAY);
    const decisionId = await adopted(w.councilId, whole(new Date(Date.now() - 30_000)));
    const before = await snapshot(w.councilId);
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ mode: 'written', decisionId, at: new Date(Date.now() - 2 * 365 * DAY).toISOString() }, 400, 'HANDOVER_IN_PAST'],
      [{ mode: 'written', decisionId, at: new Date(Date.now() - 10 * 60_000).toISOString() }, 400, 'HANDOVER_IN_PAST'],
      [{ mode: 'written', decisionId, at: new Date(Date.now() - 120_000).toISOString() }, 409, 'HANDOVER_BEFORE_DECISION'],
      [{ mode: 'written', decisionId, at: new Date(Date.now() + 60_000).toISOString() }, 400, 'HANDOVER_IN_FUTURE'],
    ];
    for (const [body, status, code] of refusals) {
      const res = await handover(w.councilId, body);
      expect({ status: res.status, code: res.body.code, field: res.body.errors?.[0]?.field }).toEqual({ status, code, field: 'at' });
    }
    expect(await snapshot(w.councilId)).toEqual(before);
    const current = await ctx.anonymous().get(`/councils/${w.councilId}/presidency/current`).expect(200);
    expect(current.body.participantId).toBe(w.A.participantId);
    await ctx.anonymous().get(`/councils/${w.councilId}/presidency/successor`).expect(200);

    // A term that began a minute ago: an instant before its start (yet within the tolerance) is not within it.
    const fresh = await world(60_000);
    const d2 = await adopted(fresh.councilId, whole(new Date(Date.now() - 10 * 60_000)));
    const early = await handover(fresh.councilId, { mode: 'written', decisionId: d2, at: new Date(Date.now() - 120_000).toISOString() });
    expect({ status: early.status, code: early.body.code, field: early.body.errors?.[0]?.field }).toEqual({
      status: 409,
      code: 'HANDOVER_BEFORE_TERM',
      field: 'at',
    });
    expect((await snapshot(fresh.councilId)).transfers).toBe(0);

    // Within the tolerance and after the decision: accepted, and the incoming term covers now.
    const at = new Date(Date.now() - 20_000).toISOString();
    const ok = await handover(w.councilId, { mode: 'written', decisionId, at }).expect(201);
    expect(ok.body.boundary).toBe(at);
    await expectHandedToB(w, at);
    await sweep();
    expect(await transfers().catchUp(w.councilId)).toEqual([]);
    await expectHandedToB(w, at);
  }, 40_000);

  it('no accepted handover leaves a gap or a holder-less now: combinations of at, decision, term start and an entered successor', async () => {
    const SEC = 1000;
    const tolerance = 300 * SEC;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          atAgo: fc.constantFrom<number | undefined>(undefined, 0, 30 * SEC, 200 * SEC, 400 * SEC, 400 * DAY),
          decisionAgo: fc.constantFrom(10 * SEC, 100 * SEC, 250 * SEC, 1000 * SEC),
          startedAgo: fc.constantFrom(150 * SEC, 3 * 365 * DAY),
          nextEntered: fc.boolean(),
        }),
        async ({ atAgo, decisionAgo, startedAgo, nextEntered }) => {
          const w = await world(startedAgo, { nextEntered });
          const now = Date.now();
          const decisionId = await adopted(w.councilId, whole(new Date(now - decisionAgo)));
          const before = await snapshot(w.councilId);
          const at = atAgo === undefined ? undefined : new Date(now - atAgo).toISOString();
          const res = await handover(w.councilId, { mode: 'written', decisionId, ...(at ? { at } : {}) });
          const ago = atAgo ?? 0;
          const expected =
            ago > tolerance ? 'HANDOVER_IN_PAST' : ago >= startedAgo ? 'HANDOVER_BEFORE_TERM' : ago > decisionAgo ? 'HANDOVER_BEFORE_DECISION' : 'accepted';
          expect(res.status === 201 ? 'accepted' : res.body.code).toBe(expected);
          if (res.status === 201) {
            accepted++;
            if (at) expect(res.body.boundary).toBe(at);
            if (w.b) expect(res.body.toTermId).toBe(w.b);
            await expectHandedToB(w, res.body.boundary);
            expect(await snapshot(w.councilId)).toMatchObject({ transfers: 1, audits: 1, terms: 2 });
          } else {
            expect(await snapshot(w.councilId)).toEqual(before);
            expect((await ctx.anonymous().get(`/councils/${w.councilId}/presidency/current`).expect(200)).body.participantId).toBe(w.A.participantId);
            await ctx.anonymous().get(`/councils/${w.councilId}/presidency/successor`).expect(200);
          }
          // The sweep (what the worker catches up) finds nothing to change, and there is one holder now.
          expect(await transfers().catchUp(w.councilId)).toEqual([]);
          const [n] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM presidency_terms WHERE council_id = $1 AND period @> now()`, [w.councilId]);
          expect(n!.n).toBe(1);
          expect(await pieces(w.councilId)).toBe(1);
        },
      ),
      { numRuns: 12 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);

  it('the database refuses a gap between terms at commit (deferred trigger), yet lets a boundary move in two statements', async () => {
    const w = await world(200 * DAY, { nextEntered: true });
    // Shortening a term alone leaves a gap: refused at commit.
    await expect(
      ctx.db.query(`UPDATE presidency_terms SET period = tstzrange(lower(period), upper(period) - interval '1 day', '[)') WHERE id = $1`, [w.a]),
    ).rejects.toThrow(/presidency_terms_no_gap|without a holder/);
    // A term after a gap: refused.
    await expect(
      ctx.db.query(
        `INSERT INTO presidency_terms (council_id, participant_id, period) VALUES ($1, $2, tstzrange($3::timestamptz + interval '800 days', $3::timestamptz + interval '900 days', '[)'))`,
        [w.councilId, w.C.participantId, w.end],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'presidency_terms_no_gap' }) });
    // Both boundaries moved in one transaction: accepted.
    await ctx.db.transaction(async (em) => {
      await em.query(`UPDATE presidency_terms SET period = tstzrange(lower(period), upper(period) - interval '1 day', '[)') WHERE id = $1`, [w.a]);
      await em.query(`UPDATE presidency_terms SET period = tstzrange(lower(period) - interval '1 day', upper(period), '[)') WHERE id = $1`, [w.b]);
    });
    expect(await pieces(w.councilId)).toBe(1);
    // Deleting the term between two others: refused; the API says PRESIDENCY_GAP for a term after a gap.
    const last = await term(w.councilId, w.C.participantId, new Date(w.end.getTime() + 730 * DAY), new Date(w.end.getTime() + 1000 * DAY));
    expect(last).toBeTruthy();
    await expect(ctx.db.query(`DELETE FROM presidency_terms WHERE id = $1`, [w.b])).rejects.toThrow(/without a holder/);
    const gap = await ctx
      .http()
      .post(`/councils/${w.councilId}/presidency/terms`)
      .send({ participantId: w.A.participantId, startsAt: new Date(w.end.getTime() + 2000 * DAY).toISOString() });
    expect({ status: gap.status, code: gap.body.code }).toEqual({ status: 409, code: 'PRESIDENCY_GAP' });
  }, 30_000);
});
