import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueService } from '../src/core/queue/queue.service.js';
import { SuccessionCheck } from '../src/modules/presidency/transfer/succession-check.service.js';
import { TransferService } from '../src/modules/presidency/transfer/transfer.service.js';
import { type Actor, delegateOf } from './support/actors.js';
import { FAST_NOTIFICATIONS, sleep, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';
import { startWorker } from './support/worker.js';
import { buildWorker, killAllWorkerProcesses, startSmtpRelay } from './support/worker-process.js';

/**
 * The presidency passes at a term's end exactly once: by its delayed job, by the sweeper catching up after
 * an outage (several terms, in order), with two workers racing and duplicate jobs, with a worker SIGKILLed
 * midway; with no successor the term is extended and the council alerted, nobody being picked.
 */

interface State {
  participantId: string;
  delegationId: string;
  head: Actor & { email: string };
}

let ctx: TestContext;
const workers: INestApplicationContext[] = [];

beforeAll(async () => {
  // The sweeper is slow by default here: tests that need it start a worker with a fast one (an "outage" is no worker).
  ctx = await createTestContext({
    env: { ...FAST_NOTIFICATIONS, PRESIDENCY_SWEEP_INTERVAL_MS: '3600000', PRESIDENCY_SUCCESSION_CHECK_INTERVAL_MS: '86400000' },
  });
});
afterAll(async () => {
  await killAllWorkerProcesses();
  for (const w of workers) await w.close().catch(() => undefined);
  await ctx?.close();
});

async function sweepingWorker(sweepMs = 200): Promise<INestApplicationContext> {
  const w = await startWorker({ config: ctx.config, overrides: { presidency: { transferSweepIntervalMs: sweepMs } } });
  workers.push(w);
  return w;
}

/** Closes the in-process workers (bounded: a close stuck behind a job under heavy load is reported, not waited for). */
async function stopWorkers(): Promise<void> {
  while (workers.length) {
    const w = workers.pop()!;
    const closed = await Promise.race([w.close().then(() => true), sleep(15_000).then(() => false)]);
    if (!closed) console.warn('[presidency-transfer] a worker did not close within 15 s');
  }
}

async function newCouncil(opts: { policy?: 'fixed_order' | 'designated'; termMonths?: number } = {}): Promise<string> {
  const slug = `pt-${randomBytes(4).toString('hex')}`;
  const res = await ctx
    .http()
    .post('/councils')
    .send({
      slug,
      name: `Council ${slug}`,
      workingLanguages: ['en'],
      timeZone: 'UTC',
      rotationPolicy: opts.policy ?? 'fixed_order',
      termMonths: opts.termMonths ?? 24,
    })
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
    const [d] = (await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [p.body.id])) as { id: string }[];
    const head = await delegateOf(ctx, councilId, d!.id, 'head');
    const [u] = (await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [head.userId])) as { email: string }[];
    out.push({ participantId: p.body.id as string, delegationId: d!.id, head: { ...head, email: u!.email } });
  }
  return out;
}

/** A term inserted by SQL (recorded before it ends unless `createdAt` says otherwise). */
async function term(councilId: string, participantId: string, start: Date, end: Date, createdAt?: Date): Promise<string> {
  const rows = (await ctx.db.query(
    `INSERT INTO presidency_terms (council_id, participant_id, period, created_at) VALUES ($1, $2, tstzrange($3, $4, '[)'), coalesce($5::timestamptz, now())) RETURNING id`,
    [councilId, participantId, start, end, createdAt ?? null],
  )) as { id: string }[];
  return rows[0]!.id;
}

async function presidencyItems(councilId: string, delegationId: string, open: number, done = 0): Promise<void> {
  await ctx.db.query(
    `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status, acknowledged_at, done_at)
     SELECT $1, jsonb_build_object('en', 'Item ' || i), 'presidency', $2, current_date + 30,
            CASE WHEN i <= $4 THEN 'done' ELSE 'open' END, CASE WHEN i <= $4 THEN now() END, CASE WHEN i <= $4 THEN now() END
       FROM generate_series(1, $3::int + $4::int) AS i`,
    [councilId, delegationId, open, done],
  );
}

/** An adopted decision of the council (taken in writing, closed at `adoptedAt`). */
async function adopted(councilId: string, adoptedAt = new Date(Date.now() - 60_000)): Promise<string> {
  const rows = (await ctx.db.query(
    `INSERT INTO decisions (council_id, procedure, silence_deadline, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
     VALUES ($1, 'written', $2, '{"en":"Decided"}', 'closed', 'adopted', $2, 3, 3, 3) RETURNING id`,
    [councilId, new Date(Math.floor(adoptedAt.getTime() / 1000) * 1000)],
  )) as { id: string }[];
  return rows[0]!.id;
}

async function q<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await ctx.db.query(sql, params)) as T[];
}

const ms = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000 + 1000);

/** The council's terms merge into one contiguous range (no gap) and no instant is covered twice (the exclusion constraint). */
async function expectContiguous(councilId: string): Promise<void> {
  const [r] = await q<{ pieces: number }>(
    `SELECT count(*)::int AS pieces FROM unnest((SELECT range_agg(period) FROM presidency_terms WHERE council_id = $1))`,
    [councilId],
  );
  expect(r!.pieces).toBe(1);
}

function createBody(councilId: string, actor: Actor) {
  return ctx
    .anonymous()
    .post(`/councils/${councilId}/bodies`)
    .set(actor.auth)
    .send({ kind: 'working_group', name: `WG ${randomBytes(4).toString('hex')}` });
}

describe('presidency transfer at the boundary', () => {
  afterEach(() => stopWorkers());

  it('passes at the end by its job: chair rights move, open items carried over, dossier archived, one notice per recipient', async () => {
    const councilId = await newCouncil({ termMonths: 12 });
    const [A, B, C] = await memberStates(councilId, ['CA', 'US', 'FI']);
    const end = ms(new Date(Date.now() + 3000));
    const termId = await term(councilId, A!.participantId, new Date(end.getTime() - 365 * 86_400_000), end);
    await presidencyItems(councilId, A!.delegationId, 5, 2);
    const hasDossiers = (await q<{ present: boolean }>(`SELECT to_regclass('handover_dossiers') IS NOT NULL AS present`, []))[0]!.present;
    if (hasDossiers)
      await ctx.db.query(`INSERT INTO handover_dossiers (council_id, term_id, content, generated_at) VALUES ($1, $2, '{}', now())`, [councilId, termId]);

    expect((await createBody(councilId, A!.head)).status).toBe(201);
    expect((await createBody(councilId, B!.head)).status).toBe(403);

    const worker = await sweepingWorker();
    // The term was recorded by SQL: the sweeper queues its job (delayed to the end).
    const x = await until(
      'the transfer',
      async () =>
        (
          await q<{ id: string; to_term_id: string; mode: string; items_moved: number; dossier_archived: boolean; boundary: Date }>(
            `SELECT * FROM presidency_transfers WHERE from_term_id = $1`,
            [termId],
          )
        )[0],
      15_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(end.getTime());
    expect(x).toMatchObject({ mode: 'scheduled', items_moved: 5, dossier_archived: hasDossiers });
    expect(new Date(x.boundary).toISOString()).toBe(end.toISOString());

    expect((await createBody(councilId, A!.head)).status).toBe(403);
    expect((await createBody(councilId, B!.head)).status).toBe(201);

    const [next] = await q<{ participant_id: string; source: string; s: Date; e: Date }>(
      `SELECT participant_id, source, lower(period) AS s, upper(period) AS e FROM presidency_terms WHERE id = $1`,
      [x.to_term_id],
    );
    expect(next).toMatchObject({ participant_id: B!.participantId, source: 'rotation' });
    expect(new Date(next!.s).toISOString()).toBe(end.toISOString());
    expect(new Date(next!.e).toISOString()).toBe(
      new Date(
        Date.UTC(end.getUTCFullYear() + 1, end.getUTCMonth(), end.getUTCDate(), end.getUTCHours(), end.getUTCMinutes(), end.getUTCSeconds()),
      ).toISOString(),
    );
    const items = await q<{ owner_delegation_id: string; status: string; carried_over: boolean; carry_over_tag: string | null; n: number }>(
      `SELECT owner_delegation_id, status, carried_over, carry_over_tag, count(*)::int AS n FROM action_items WHERE council_id = $1 GROUP BY 1, 2, 3, 4 ORDER BY status`,
      [councilId],
    );
    expect(items).toEqual([
      { owner_delegation_id: A!.delegationId, status: 'done', carried_over: false, carry_over_tag: null, n: 2 },
      { owner_delegation_id: B!.delegationId, status: 'open', carried_over: true, carry_over_tag: `presidency-handover:${termId}`, n: 5 },
    ]);
    if (hasDossiers) expect((await q<{ status: string }>(`SELECT status FROM handover_dossiers WHERE term_id = $1`, [termId]))[0]!.status).toBe('archived');
    const audit = await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE council_id = $1 AND action = 'presidency.transferred'`, [councilId]);
    expect(audit[0]!.n).toBe(1);

    const emails = [A!.head.email, B!.head.email, C!.head.email, 'operator@test.protempore.org'];
    await until('the transfer notice to every head and the secretariat', () =>
      emails.every((e) => ctx.mail.messages.some((m) => m.to.includes(e) && m.subject.includes('passes from State CA to State US'))) ? true : undefined,
    );
    await sleep(800);
    for (const e of emails) expect(ctx.mail.messages.filter((m) => m.to.includes(e) && m.subject.includes('passes from State CA')).length).toBe(1);
    await expectContiguous(councilId);
    void worker;
  }, 40_000);

  it('exactly once: two workers race with 10 duplicate jobs and 10 direct calls — one transfer, one audit row, one notice each, never two terms at once', async () => {
    const councilId = await newCouncil();
    const [A, B, C] = await memberStates(councilId, ['MX', 'GT', 'HN']);
    const end = ms(new Date(Date.now() + 2500));
    const termId = await term(councilId, A!.participantId, new Date(end.getTime() - 86_400_000), end);
    await presidencyItems(councilId, A!.delegationId, 200);
    const w1 = await sweepingWorker(150);
    const w2 = await sweepingWorker(150);
    const queue = ctx.app.get(QueueService);
    for (let i = 0; i < 10; i++) await queue.add('presidency.transfer', { termId }, `dup-${termId}-${i}`, end.getTime() - Date.now() + i * 5);

    // Sample "how many terms cover now" all along, from the database's clock.
    const samples: { at: Date; n: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [r] = await q<{ at: Date; n: number }>(`SELECT now() AS at, count(*)::int AS n FROM presidency_terms WHERE council_id = $1 AND period @> now()`, [
          councilId,
        ]);
        samples.push(r!);
        await sleep(20);
      }
    })();
    await sleep(Math.max(0, end.getTime() - Date.now()));
    const direct = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? w1 : w2).get(TransferService, { strict: false }).transferTerm(termId)));
    await until('the transfer', async () => (await q(`SELECT 1 FROM presidency_transfers WHERE from_term_id = $1`, [termId]))[0]);
    const emails = [A!.head.email, B!.head.email, C!.head.email, 'operator@test.protempore.org'];
    await until('one delivery each', async () => {
      const [r] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE kind = 'presidency.transferred' AND subject_id = $1`, [termId]);
      return r!.n >= emails.length ? true : undefined;
    });
    await sleep(1500); // let every duplicate job run
    sampling = false;
    await sampler;

    expect(direct.filter((o) => o === 'transferred').length).toBeLessThanOrEqual(1);
    const counts = await q<{ transfers: number; audits: number; outbox: number; terms: number }>(
      `SELECT (SELECT count(*)::int FROM presidency_transfers WHERE council_id = $1) AS transfers,
              (SELECT count(*)::int FROM audit_log WHERE council_id = $1 AND action = 'presidency.transferred') AS audits,
              (SELECT count(*)::int FROM outbox WHERE council_id = $1 AND kind = 'presidency.transferred') AS outbox,
              (SELECT count(*)::int FROM presidency_terms WHERE council_id = $1) AS terms`,
      [councilId],
    );
    expect(counts[0]).toEqual({ transfers: 1, audits: 1, outbox: 1, terms: 2 });
    const perRecipient = await q<{ recipient: string; n: number }>(
      `SELECT recipient, count(*)::int AS n FROM deliveries WHERE kind = 'presidency.transferred' AND subject_id = $1 GROUP BY recipient ORDER BY recipient`,
      [termId],
    );
    expect(perRecipient.map((r) => r.n)).toEqual(emails.map(() => 1));
    expect(new Set(perRecipient.map((r) => r.recipient))).toEqual(new Set(emails));
    // Never two terms at once (live), and afterwards every sampled instant is covered by exactly one term.
    expect(samples.length).toBeGreaterThan(20);
    expect(Math.max(...samples.map((s) => s.n))).toBeLessThanOrEqual(1);
    const covered = await q<{ n: number }>(
      `SELECT (SELECT count(*)::int FROM presidency_terms t WHERE t.council_id = $1 AND t.period @> s.at) AS n FROM unnest($2::timestamptz[]) AS s(at)`,
      [councilId, samples.map((s) => s.at)],
    );
    expect(new Set(covered.map((c) => c.n))).toEqual(new Set([1]));
    await expectContiguous(councilId);
    expect(
      (
        await q<{ n: number }>(`SELECT count(*)::int AS n FROM action_items WHERE council_id = $1 AND owner_delegation_id = $2`, [councilId, B!.delegationId])
      )[0]!.n,
    ).toBe(200);
  }, 40_000);

  it('catches up late after an outage over two boundaries, in order, each once', async () => {
    const councilId = await newCouncil();
    const [A, B, C] = await memberStates(councilId, ['BZ', 'CR', 'SV']);
    const t1 = ms(new Date(Date.now() + 500));
    const t2 = new Date(t1.getTime() + 1000);
    const a = await term(councilId, A!.participantId, new Date(t1.getTime() - 86_400_000), t1);
    const b = await term(councilId, B!.participantId, t1, t2);
    await presidencyItems(councilId, A!.delegationId, 4);
    await sleep(t2.getTime() - Date.now() + 300); // no worker: both boundaries pass unnoticed
    expect((await q(`SELECT 1 FROM presidency_transfers WHERE council_id = $1`, [councilId])).length).toBe(0);

    await sweepingWorker(200);
    const rows = await until('both transfers', async () => {
      const r = await q<{ from_term_id: string; successor_basis: string; boundary: Date; executed_at: Date }>(
        `SELECT from_term_id, successor_basis, boundary, executed_at FROM presidency_transfers WHERE council_id = $1 ORDER BY boundary`,
        [councilId],
      );
      return r.length === 2 ? r : undefined;
    });
    expect(rows.map((r) => [r.from_term_id, r.successor_basis])).toEqual([
      [a, 'entered'],
      [b, 'rotation'],
    ]);
    expect(new Date(rows[0]!.executed_at).getTime()).toBeLessThanOrEqual(new Date(rows[1]!.executed_at).getTime());
    const [current] = await q<{ participant_id: string }>(`SELECT participant_id FROM presidency_terms WHERE council_id = $1 AND period @> now()`, [councilId]);
    expect(current!.participant_id).toBe(C!.participantId);
    const items = await q<{ owner_delegation_id: string; carry_over_tag: string; n: number }>(
      `SELECT owner_delegation_id, carry_over_tag, count(*)::int AS n FROM action_items WHERE council_id = $1 GROUP BY 1, 2`,
      [councilId],
    );
    expect(items).toEqual([{ owner_delegation_id: C!.delegationId, carry_over_tag: `presidency-handover:${b}`, n: 4 }]);
    expect(
      (await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE council_id = $1 AND action = 'presidency.transferred'`, [councilId]))[0]!.n,
    ).toBe(2);
    await expectContiguous(councilId);
  }, 30_000);
});

describe('no successor, history, waivers, designations, early handover', () => {
  const transfers = () => ctx.app.get(TransferService, { strict: false });

  it('no successor → the term is extended by a block, audited, announced and alerted; nobody is picked; once', async () => {
    const councilId = await newCouncil();
    const [A, B] = await memberStates(councilId, ['NI', 'PA']);
    await ctx.db.query(`UPDATE participants SET status = 'suspended' WHERE id = $1`, [B!.participantId]);
    const end = ms(new Date(Date.now() + 300));
    const termId = await term(councilId, A!.participantId, new Date(end.getTime() - 86_400_000), end);
    const before = await ctx.http().get(`/councils/${councilId}/presidency/successor`).expect(200);
    expect(before.body).toMatchObject({
      termId,
      known: false,
      successor: null,
      reason: 'no_eligible_member',
      skipped: [{ participantId: B!.participantId, reason: 'suspended' }],
    });
    await sleep(end.getTime() - Date.now() + 50);
    expect(await transfers().catchUp(councilId)).toEqual(['extended']);
    expect(await transfers().catchUp(councilId)).toEqual([]);
    const terms = await q<{ participant_id: string; source: string; s: Date; e: Date }>(
      `SELECT participant_id, source, lower(period) AS s, upper(period) AS e FROM presidency_terms WHERE council_id = $1 ORDER BY lower(period)`,
      [councilId],
    );
    expect(terms.map((t) => [t.participant_id, t.source])).toEqual([
      [A!.participantId, 'rotation'],
      [A!.participantId, 'extension'],
    ]);
    expect(new Date(terms[1]!.s).toISOString()).toBe(end.toISOString());
    const e = new Date(end);
    e.setUTCMonth(e.getUTCMonth() + 3);
    expect(new Date(terms[1]!.e).getUTCMonth()).toBe(e.getUTCMonth());
    const [x] = await q<{ mode: string; successor_basis: string }>(`SELECT mode, successor_basis FROM presidency_transfers WHERE from_term_id = $1`, [termId]);
    expect(x).toEqual({ mode: 'extension', successor_basis: 'extension' });
    const notes = await q<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM outbox WHERE council_id = $1 GROUP BY kind ORDER BY kind`, [
      councilId,
    ]);
    expect(notes).toEqual([
      { kind: 'presidency.extended', n: 1 },
      { kind: 'presidency.no_successor', n: 1 },
    ]);
    expect(
      (await q<{ action: string }>(`SELECT action FROM audit_log WHERE council_id = $1 AND action LIKE 'presidency.%'`, [councilId])).map((r) => r.action),
    ).toEqual(['presidency.extended']);
    // The monthly check finds this month's alert sent: nothing more; the chair is still A's.
    const w = await sweepingWorker(3_600_000);
    await w.get(SuccessionCheck, { strict: false }).run();
    await w.get(SuccessionCheck, { strict: false }).run();
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM presidency_succession_alerts WHERE council_id = $1`, [councilId]))[0]!.n).toBe(1);
    // Next month, one more alert (once).
    const nextMonth = new Date();
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1, 1);
    await w.get(SuccessionCheck, { strict: false }).run(nextMonth);
    await w.get(SuccessionCheck, { strict: false }).run(nextMonth);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM presidency_succession_alerts WHERE council_id = $1`, [councilId]))[0]!.n).toBe(2);
    expect((await createBody(councilId, A!.head)).status).toBe(201);
    await stopWorkers();
  }, 30_000);

  it('designated policy: alert once the deadline passed without designation; a designation too late → 409; one in time is the successor', async () => {
    const councilId = await newCouncil({ policy: 'designated' });
    const [A, B] = await memberStates(councilId, ['DO', 'GT']);
    const end = ms(new Date(Date.now() + 180 * 86_400_000)); // 6 months left: the 12-month deadline has passed
    const termId = await term(councilId, A!.participantId, new Date(end.getTime() - 730 * 86_400_000), end);
    const s = await ctx.anonymous().get(`/councils/${councilId}/presidency/successor`).expect(200);
    expect(s.body).toMatchObject({ known: false, reason: 'designation_missing' });

    const w = await sweepingWorker(3_600_000);
    expect(await w.get(SuccessionCheck, { strict: false }).run()).toBeGreaterThanOrEqual(1);
    expect((await q<{ reason: string }>(`SELECT reason FROM presidency_succession_alerts WHERE term_id = $1`, [termId])).map((r) => r.reason)).toEqual([
      'designation_missing',
    ]);
    await stopWorkers();

    const late = await ctx
      .http()
      .post(`/councils/${councilId}/presidency/designations`)
      .send({ forTermAfter: termId, participantId: B!.participantId, decisionId: await adopted(councilId) });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'DESIGNATION_TOO_LATE' });
    expect((await q(`SELECT 1 FROM presidency_designations WHERE council_id = $1`, [councilId])).length).toBe(0);

    const inTime = await adopted(councilId, new Date(end.getTime() - 400 * 86_400_000));
    const ok = await ctx
      .http()
      .post(`/councils/${councilId}/presidency/designations`)
      .send({ forTermAfter: termId, participantId: B!.participantId, decisionId: inTime })
      .expect(201);
    expect(ok.body).toMatchObject({ forTermAfter: termId, participantId: B!.participantId });
    const again = await ctx
      .http()
      .post(`/councils/${councilId}/presidency/designations`)
      .send({ forTermAfter: termId, participantId: A!.participantId, decisionId: inTime });
    expect(again.status).toBe(409);
    const after = await ctx.anonymous().get(`/councils/${councilId}/presidency/successor?termId=${termId}`).expect(200);
    expect(after.body).toMatchObject({ known: true, basis: 'designated', successor: { participantId: B!.participantId } });

    const proposed = (
      await q<{ id: string }>(
        `INSERT INTO decisions (council_id, procedure, silence_deadline, text) VALUES ($1, 'written', now() + interval '5 days', '{"en":"Pending"}') RETURNING id`,
        [councilId],
      )
    )[0]!.id;
    const notAdopted = await ctx.http().post(`/councils/${councilId}/presidency/waivers`).send({ participantId: B!.participantId, decisionId: proposed });
    expect({ status: notAdopted.status, code: notAdopted.body.code }).toEqual({ status: 409, code: 'DECISION_NOT_ADOPTED' });
  }, 30_000);

  it('waivers: a state that waived this turn or its next turn is skipped (the next-turn waiver is used up by the transfer)', async () => {
    const councilId = await newCouncil();
    const [A, B, C, D] = await memberStates(councilId, ['CA', 'US', 'MX', 'GT']);
    const end = ms(new Date(Date.now() + 400));
    const termId = await term(councilId, A!.participantId, new Date(end.getTime() - 86_400_000), end);
    await ctx
      .http()
      .post(`/councils/${councilId}/presidency/waivers`)
      .send({ participantId: B!.participantId, decisionId: await adopted(councilId), forTermAfter: termId })
      .expect(201);
    await ctx
      .http()
      .post(`/councils/${councilId}/presidency/waivers`)
      .send({ participantId: C!.participantId, decisionId: await adopted(councilId) })
      .expect(201);
    const s = await ctx.anonymous().get(`/councils/${councilId}/presidency/successor`).expect(200);
    expect(s.body).toMatchObject({
      known: true,
      basis: 'rotation',
      successor: { participantId: D!.participantId, isoCode: 'GT' },
      skipped: [
        { participantId: B!.participantId, reason: 'waived' },
        { participantId: C!.participantId, reason: 'waived' },
      ],
    });
    await sleep(end.getTime() - Date.now() + 50);
    expect(await transfers().catchUp(councilId)).toEqual(['transferred']);
    const [w] = await q<{ applied_term_id: string }>(`SELECT applied_term_id FROM presidency_waivers WHERE participant_id = $1`, [C!.participantId]);
    expect(w!.applied_term_id).toBe(termId);
    const [cur] = await q<{ participant_id: string }>(`SELECT participant_id FROM presidency_terms WHERE council_id = $1 AND period @> now()`, [councilId]);
    expect(cur!.participant_id).toBe(D!.participantId);
  }, 20_000);

  it('irregular history entered with explicit dates: never transferred; successor, schedule, troika and current come out right', async () => {
    const councilId = await newCouncil({ termMonths: 24 });
    const codes = ['CA', 'US', 'FI', 'IS', 'RU', 'NO', 'DK', 'SE'];
    const states = await memberStates(councilId, codes);
    const by = (c: string) => states[codes.indexOf(c)]!.participantId;
    const history: [string, string, string][] = [
      ['CA', '1996-09-19', '1998-09-18'],
      ['US', '1998-09-18', '2000-10-13'],
      ['FI', '2000-10-13', '2002-10-10'],
      ['IS', '2002-10-10', '2004-11-24'],
      ['RU', '2004-11-24', '2006-10-26'],
      ['NO', '2006-10-26', '2009-04-29'],
      ['DK', '2009-04-29', '2011-05-12'],
      ['SE', '2011-05-12', '2013-05-15'],
      ['CA', '2013-05-15', '2015-04-24'],
    ];
    const ids: string[] = [];
    for (const [c, s, e] of history) {
      const res = await ctx
        .http()
        .post(`/councils/${councilId}/presidency/terms`)
        .send({ participantId: by(c), startsAt: `${s}T00:00:00.000Z`, endsAt: `${e}T00:00:00.000Z` })
        .expect(201);
      ids.push(res.body.id as string);
    }
    expect(await transfers().catchUp(councilId)).toEqual([]);
    expect((await q(`SELECT 1 FROM presidency_transfers WHERE council_id = $1`, [councilId])).length).toBe(0);

    const cur = await ctx.anonymous().get(`/councils/${councilId}/presidency/current?at=2008-01-01T00:00:00.000Z`).expect(200);
    expect(cur.body.participantId).toBe(by('NO'));
    const troika = await ctx.anonymous().get(`/councils/${councilId}/presidency/troika?at=2009-04-29T00:00:00.000Z`).expect(200);
    expect([troika.body.previous.participantId, troika.body.current.participantId, troika.body.next.participantId]).toEqual([by('NO'), by('DK'), by('SE')]);
    const sched = await ctx.anonymous().get(`/councils/${councilId}/presidency/schedule?at=2014-01-01T00:00:00.000Z&count=3`).expect(200);
    expect(sched.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([by('CA'), by('US'), by('FI')]);
    expect(sched.body.items[1].startsAt).toBe('2015-04-24T00:00:00.000Z');
    // Successor of Norway's long term: the recorded next (Denmark); of the last (Canada 2013–15): the United States by rotation.
    const ofNorway = await ctx.anonymous().get(`/councils/${councilId}/presidency/successor?termId=${ids[5]}`).expect(200);
    expect(ofNorway.body).toMatchObject({ known: true, basis: 'entered', successor: { participantId: by('DK') } });
    const ofLast = await ctx.anonymous().get(`/councils/${councilId}/presidency/successor?termId=${ids[8]}`).expect(200);
    expect(ofLast.body).toMatchObject({ known: true, basis: 'rotation', successor: { participantId: by('US'), isoCode: 'US' } });
    await ctx.anonymous().get(`/councils/${councilId}/presidency/successor`).expect(404);
  }, 20_000);

  it('early handover by the secretariat moves the boundary of both terms in one transaction; refusals leave nothing behind', async () => {
    const councilId = await newCouncil();
    const [A, B] = await memberStates(councilId, ['PA', 'CR']);
    const start = new Date(Date.now() - 100 * 86_400_000);
    start.setUTCMilliseconds(0);
    const end = new Date(Date.now() + 100 * 86_400_000);
    end.setUTCMilliseconds(0);
    const a = await term(councilId, A!.participantId, start, end);
    const b = await term(councilId, B!.participantId, end, new Date(end.getTime() + 365 * 86_400_000));
    await presidencyItems(councilId, A!.delegationId, 3);

    const notClosed = (
      await q<{ id: string }>(
        `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone) VALUES ($1, 'ministerial', 'Ministerial', now() - interval '2 hours', now() - interval '1 hour', 'UTC') RETURNING id`,
        [councilId],
      )
    )[0]!.id;
    const refused = await ctx.http().post(`/councils/${councilId}/presidency/handover`).send({ mode: 'meeting', meetingId: notClosed });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'MEETING_NOT_CLOSED' });
    expect((await ctx.http().post(`/councils/${councilId}/presidency/handover`).send({ mode: 'written' })).status).toBe(400);
    expect(
      (
        await ctx
          .http()
          .post(`/councils/${councilId}/presidency/handover`)
          .send({ mode: 'early', at: new Date(Date.now() + 60_000).toISOString() })
      ).status,
    ).toBe(400);
    expect((await q(`SELECT 1 FROM presidency_transfers WHERE council_id = $1`, [councilId])).length).toBe(0);

    const res = await ctx.http().post(`/councils/${councilId}/presidency/handover`).send({ mode: 'early', termId: a }).expect(201);
    expect(res.body).toMatchObject({ outcome: 'transferred', toTermId: b, mode: 'early', successorBasis: 'entered', itemsMoved: 3 });
    const terms = await q<{ id: string; s: Date; e: Date }>(
      `SELECT id, lower(period) AS s, upper(period) AS e FROM presidency_terms WHERE council_id = $1 ORDER BY lower(period)`,
      [councilId],
    );
    expect(terms.map((t) => t.id)).toEqual([a, b]);
    expect(new Date(terms[0]!.e).toISOString()).toBe(res.body.boundary);
    expect(new Date(terms[1]!.s).toISOString()).toBe(res.body.boundary);
    await expectContiguous(councilId);
    expect((await createBody(councilId, A!.head)).status).toBe(403);
    expect((await createBody(councilId, B!.head)).status).toBe(201);
    // The old end's job (if any) finds the term succeeded; the sweep does nothing more.
    expect(await transfers().transferTerm(a)).toBe('skipped');
    expect(await transfers().catchUp(councilId)).toEqual([]);
  }, 20_000);
});

describe('a worker SIGKILLed at random points of the transfer', () => {
  it('rolls back or commits the whole transfer; a last worker finishes it; exactly once', async () => {
    const started = Date.now();
    const { entry } = await buildWorker();
    const councilId = await newCouncil();
    const [A, B] = await memberStates(councilId, ['HN', 'SV']);
    const end = ms(new Date(Date.now() - 2000));
    await term(councilId, A!.participantId, new Date(end.getTime() - 86_400_000), end, new Date(end.getTime() - 3_600_000));
    await presidencyItems(councilId, A!.delegationId, 3000);
    // A killed worker's SMTP connections reset: through a relay, so the reset never reaches the sink in this process.
    const smtp = await startSmtpRelay(ctx.mail.port);
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: ctx.config.databaseUrl,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: ctx.config.queuePrefix,
      JWT_SECRET: 'test-secret-for-access-tokens-0123456789abcdef',
      MIGRATE_ON_START: 'false',
      DATA_DIR: '/tmp',
      QUEUE_LOCK_MS: '2000',
      PRESIDENCY_SWEEP_INTERVAL_MS: '100',
      OUTBOX_RELAY_INTERVAL_MS: '60000',
      LOG_LEVEL: 'info', // the harness waits for the "worker listening" line
    };
    const state = async () =>
      (
        await q<{ transfers: number; audits: number; moved: number; terms: number; outbox: number }>(
          `SELECT (SELECT count(*)::int FROM presidency_transfers WHERE council_id = $1) AS transfers,
                  (SELECT count(*)::int FROM audit_log WHERE council_id = $1 AND action = 'presidency.transferred') AS audits,
                  (SELECT count(*)::int FROM action_items WHERE council_id = $1 AND owner_delegation_id = $2) AS moved,
                  (SELECT count(*)::int FROM presidency_terms WHERE council_id = $1) AS terms,
                  (SELECT count(*)::int FROM outbox WHERE council_id = $1 AND kind = 'presidency.transferred') AS outbox`,
          [councilId, B!.delegationId],
        )
      )[0]!;
    const none = { transfers: 0, audits: 0, moved: 0, terms: 1, outbox: 0 };
    const all = { transfers: 1, audits: 1, moved: 3000, terms: 2, outbox: 1 };
    const rounds: string[] = [];
    for (let round = 0; round < 8 && Date.now() - started < 18_000; round++) {
      const w = startWorker({ entry, env });
      const first = await Promise.race([w.ready.then(() => 'ready'), w.exited.then((how) => `exited ${how}`)]);
      if (first !== 'ready') throw new Error(`worker ${first}:\n${w.tail()}`);
      const delay = Math.floor(Math.random() * 250);
      await sleep(delay);
      await w.kill();
      const s = await state();
      rounds.push(`round ${round}: killed ${delay} ms after ready → ${JSON.stringify(s)}`);
      // All or nothing: a killed transfer leaves no trace.
      expect([none, all]).toContainEqual(s);
      if (s.transfers === 1) break;
    }
    if ((await state()).transfers === 0) {
      const w = startWorker({ entry, env });
      // Its boot, the killed workers' locks running out (2 s) and the stalled check, then 3,000 items: on a loaded machine, tens of seconds.
      await until('the transfer by the last worker', async () => ((await state()).transfers === 1 ? true : undefined), 45_000);
      await w.kill();
    }
    expect(await state()).toEqual(all);
    await expectContiguous(councilId);
    await smtp.close();
    console.log(`[presidency sigkill] ${rounds.join('\n')}\nfinished in ${Date.now() - started} ms`);
  }, 90_000);
});
