import { type AuthzFixtures, createAuthzFixtures, DatabaseSnapshot } from './support/authz-fixtures.js';
import { ACTOR_NAMES, MATRIX, type MatrixRequest, pathOf, send, splitRoute } from './support/authz-matrix.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * Every state change writes its audit row (in the change's own transaction).
 * For every write route of the route table (the authorization matrix, which
 * has a request builder and an allowed actor per route), one SUCCESSFUL call
 * must add audit_log rows, and a refused call must add none. A route missing
 * from the matrix fails the matrix test, so no write route escapes this one.
 *
 * Beyond the row count: whatever tables the call changed, if any changed,
 * audit_log must be among them (a route cannot change state silently).
 */

/**
 * Write routes that change no council state, so they write no audit row, with why.
 * Anything else that answers 2xx must be audited.
 */
const EXEMPT: Record<string, string> = {
  // Sign-in, sign-out and setting a password audit themselves (session.started / session.ended …); a refresh
  // only rotates the token of a session whose start was audited (no change of who may do what).
  'POST /auth/refresh': 'rotates the token of an audited session',
  // The caller's own inbox: read marks are the reader's, not a change to the council's record.
  'POST /me/notifications/read-all': "the caller's own read marks",
  'POST /me/notifications/:notificationId/read': "the caller's own read mark",
};

/**
 * Write routes the matrix cannot call successfully (its allowed actors meet a
 * domain conflict there on purpose): each gets its own successful request here,
 * in a council of its own, made by the test operator (secretariat of every council).
 */
const SUCCESS: Partial<Record<string, (f: AuthzFixtures) => Promise<MatrixRequest>>> = {
  // Council A rotates in a fixed order: a designation needs a council with the designated policy.
  'POST /councils/:councilId/presidency/designations': async (f) => {
    const councilId = await council(f, 'designated');
    const [a, b] = await memberStates(f, councilId, ['DO', 'GT']);
    const end = new Date(Math.floor(Date.now() / 1000) * 1000 + 700 * 86_400_000);
    const termId = await term(f, councilId, a!, new Date(end.getTime() - 730 * 86_400_000), end);
    return { params: { councilId }, body: { forTermAfter: termId, participantId: b!, decisionId: await adoptedDecision(f, councilId) } };
  },
  // An early handover would end the chair's presidency in council A: it is made in a council of its own.
  'POST /councils/:councilId/presidency/handover': async (f) => {
    const councilId = await council(f, 'fixed_order');
    const [a, b] = await memberStates(f, councilId, ['PA', 'CR']);
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 100 * 86_400_000);
    const end = new Date(start.getTime() + 200 * 86_400_000);
    const termId = await term(f, councilId, a!, start, end);
    await term(f, councilId, b!, end, new Date(end.getTime() + 365 * 86_400_000));
    return { params: { councilId }, body: { mode: 'early', termId } };
  },
};

async function council(f: AuthzFixtures, rotationPolicy: 'fixed_order' | 'designated'): Promise<string> {
  const slug = `audit-${f.unique()}`;
  const res = await f.ctx
    .http()
    .post('/councils')
    .send({ slug, name: `Council ${slug}`, workingLanguages: ['en'], timeZone: 'UTC', rotationPolicy, termMonths: 24 });
  if (res.status !== 201) throw new Error(`council fixture: ${res.status} ${res.text}`);
  return res.body.id as string;
}

async function memberStates(f: AuthzFixtures, councilId: string, codes: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const isoCode of codes) {
    const res = await f.ctx
      .http()
      .post(`/councils/${councilId}/participants`)
      .send({ kind: 'member_state', name: `State ${isoCode}`, isoCode });
    if (res.status !== 201) throw new Error(`participant fixture: ${res.status} ${res.text}`);
    ids.push(res.body.id as string);
  }
  return ids;
}

async function term(f: AuthzFixtures, councilId: string, participantId: string, start: Date, end: Date): Promise<string> {
  const rows = (await f.ctx.db.query(
    `INSERT INTO presidency_terms (council_id, participant_id, period) VALUES ($1, $2, tstzrange($3, $4, '[)')) RETURNING id`,
    [councilId, participantId, start, end],
  )) as { id: string }[];
  return rows[0]!.id;
}

/** An adopted decision of the council, taken in writing a minute ago. */
async function adoptedDecision(f: AuthzFixtures, councilId: string): Promise<string> {
  const rows = (await f.ctx.db.query(
    `INSERT INTO decisions (council_id, procedure, silence_deadline, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
     VALUES ($1, 'written', date_trunc('second', now()) - interval '1 minute', '{"en":"Decided"}', 'closed', 'adopted', date_trunc('second', now()) - interval '1 minute', 3, 3, 3) RETURNING id`,
    [councilId],
  )) as { id: string }[];
  return rows[0]!.id;
}

const isWrite = (route: string) => !/^(GET|HEAD|OPTIONS) /.test(route);

describe('audit coverage of write routes', () => {
  let ctx: TestContext;
  let f: AuthzFixtures;
  let snapshot: DatabaseSnapshot;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    f = await createAuthzFixtures(ctx);
    snapshot = new DatabaseSnapshot(ctx);
  });
  afterAll(() => ctx.close());

  const auditCount = async (): Promise<number> => ((await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[])[0]!.n;
  const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(b)
      .filter((t) => a[t] !== b[t])
      .sort();

  const writes = Object.keys(MATRIX).filter(isWrite);

  it('the exemptions and extra requests name write routes of the table', () => {
    expect([...Object.keys(EXEMPT), ...Object.keys(SUCCESS)].filter((r) => !writes.includes(r))).toEqual([]);
  });

  it('every write route has a successful call (in the matrix or here)', () => {
    const none = writes.filter((r) => !SUCCESS[r] && !ACTOR_NAMES.some((a) => MATRIX[r]!.expect[a] < 300));
    expect(none).toEqual([]);
  });

  describe.each(writes)('%s', (route) => {
    const { method } = splitRoute(route);

    it('a successful call writes audit rows (or is exempt, changing no council state)', async () => {
      const extra = SUCCESS[route];
      const actor = extra ? 'the test operator' : ACTOR_NAMES.find((a) => MATRIX[route]!.expect[a] < 300)!;
      const authorization = extra ? ctx.operator.auth.authorization : (f.actors[actor as (typeof ACTOR_NAMES)[number]]?.auth.authorization ?? null);
      const req = extra ? await extra(f) : await MATRIX[route]!.request(f);
      const path = pathOf(route, req, f);
      const before = await snapshot.take();
      const count = await auditCount();
      const res = await send(ctx.app, method, path, req, authorization);
      const context = `${route} as ${actor}: ${method} ${path} → ${res.status} ${res.text.slice(0, 300)}`;
      expect({ succeeded: res.status >= 200 && res.status < 300, context }).toEqual({ succeeded: true, context });
      const after = await snapshot.take();
      const changed = changedTables(before, after);
      const added = (await auditCount()) - count;
      if (EXEMPT[route]) {
        expect({ added, context }).toEqual({ added: 0, context });
        return;
      }
      expect({ audited: added > 0, changed, context }).toEqual({ audited: true, changed, context });
    });

    const refusedBy = ACTOR_NAMES.find((a) => MATRIX[route]!.expect[a] === 403) ?? ACTOR_NAMES.find((a) => MATRIX[route]!.expect[a] === 401);
    const refusal = refusedBy ? it : it.skip;
    refusal(`a refused call (as ${refusedBy ?? 'nobody'}) writes no audit row and changes nothing`, async () => {
      const req = await MATRIX[route]!.request(f);
      const path = pathOf(route, req, f);
      const before = await snapshot.take();
      const res = await send(ctx.app, method, path, req, f.actors[refusedBy!]?.auth.authorization ?? null);
      expect(res.status).toBe(MATRIX[route]!.expect[refusedBy!]);
      expect(await snapshot.take()).toEqual(before);
    });
  });
});
