import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { type AuthzFixtures, createAuthzFixtures } from './support/authz-fixtures.js';
import { ACTOR_NAMES, MATRIX, type MatrixRequest } from './support/authz-matrix.js';
import { caseArb, describeEdit, type Edit, fixedCases, useRealIds } from './support/fuzz/hostile.js';
import { loadOperations, type Operation } from './support/fuzz/operations.js';
import { percentEncode, RawJson, RawWire, serialize, wire, WireClient, type WireResponse } from './support/fuzz/wire.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * Property-based fuzzing of every operation of the committed openapi.json on
 * the real app and database. Each operation is called as an actor who HOLDS
 * its permission (the first actor the authorization matrix lets through),
 * with the matrix's valid request (real ids of fresh objects) changed by one
 * to three hostile edits: malformed values for every body field, query and
 * path parameter, and the hostile classes (thousands of nesting levels, NUL
 * and C0 characters, lone surrogates, null, missing nested objects, arrays
 * for objects, integers ≥ 2^31, 1e400, impossible dates and cursors encoding
 * them, time zones PostgreSQL does not know, over-long and malformed
 * %-escaped values, wrong types).
 *
 * The property, for every response: no 5xx; every 4xx is the JSON error body
 * with a string `code` and the `requestId`; a VALIDATION_FAILED names the
 * field of each problem. The draw is fixed (seed below) and bounded (RUNS
 * random cases per operation, plus fixed cases that give every field each
 * hostile class once), so the run is reproducible. The cases are drawn with
 * fast-check's `fc.sample` (fixed seed per operation, no shrinking) rather
 * than `fc.assert`, so that a run reports every failing request grouped by
 * cause, not only the first. A case that is accepted (2xx) may change the
 * database; after an accepted change the valid request is built afresh.
 *
 * No operation is left out of the walk. Set FUZZ_REPORT=/path.json to get
 * every failure (with the app's error log) as JSON; FUZZ_RUNS to change the
 * number of random cases per operation.
 */
const SEED = 20_261_202;
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** Requests in flight at once: overlaps the database's time with the app's. */
const PARALLEL = 4;
/** Who calls: see actorFor. */
const PREFERENCE = ['secretariat', 'admin', 'chair', 'ownerDelegate', 'otherDelegate', 'observerDelegate', 'foreignSecretariat', 'anonymous'] as const;

const OPERATIONS = loadOperations();
const TAGS = [...new Set(OPERATIONS.map((o) => o.tag))];
// Signing in and out, and accounts, last: an accepted hostile case there must not change who the other operations' callers are.
const LAST = ['users', 'auth'];
TAGS.sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)) || LAST.indexOf(a) - LAST.indexOf(b));

interface Failure {
  route: string;
  actor: string;
  edits: string[];
  method: string;
  url: string;
  status: number | 'no response';
  problem: string;
  response: string;
  log: string;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Json = Record<string | number, unknown> | unknown[];

function setIn(root: Json, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    if (next === null || typeof next !== 'object' || next instanceof RawJson) node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  // defineProperty: keys like __proto__ become own fields of the JSON, as a hostile client would send them.
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}

function deleteIn(root: Json, path: (string | number)[]): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string | number, unknown>;
  }
  delete node[path.at(-1)!];
}

describe('fuzz: every operation of openapi.json with hostile input', () => {
  let ctx: TestContext;
  let f: AuthzFixtures;
  let client: WireClient;
  /** The app's log lines (error level) by the fuzzer's request id. */
  const logLines = new Map<string, string[]>();
  const logs = {
    write(line: string) {
      for (const id of new Set(line.match(/fz-[A-Za-z0-9_.-]+/g) ?? [])) logLines.set(id, [...(logLines.get(id) ?? []), line]);
    },
  };
  const started = Date.now();
  const stats = { resent: 0, requests: 0, operations: 0, byStatus: new Map<number, number>(), accepted: new Map<string, string[]>() };
  const allFailures: Failure[] = [];
  let idLabels: unknown = {};

  beforeAll(async () => {
    ctx = await createTestContext({ env: { LOG_LEVEL: 'error', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }, logStream: logs });
    f = await createAuthzFixtures(ctx);
    const seats = [f.A.X, f.A.Y, f.A.Z, f.A.O, f.B.W].flatMap((seat) => [seat.participantId, seat.delegationId]);
    const objects = [f.A, f.B].flatMap((c) => [c.councilId, c.bodyId, c.focusAreaId, c.recommendationId]);
    // Not the callers' own accounts: an accepted "disable this user" would turn the rest of the walk into 401s.
    const bystander = await f.fresh.user();
    useRealIds([...seats, ...objects, f.A.termId, bystander.id]);
    idLabels = { A: f.A, B: f.B, bystander: bystander.id };
    await ctx.app.listen(0, '127.0.0.1');
    const { port } = ctx.app.getHttpServer().address() as AddressInfo;
    client = new WireClient('127.0.0.1', port);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await ctx?.close();
    const seconds = (Date.now() - started) / 1000;
    const statuses = [...stats.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(
      `fuzz: ${stats.operations} operations, ${stats.requests} requests in ${seconds.toFixed(1)} s (${(stats.requests / seconds).toFixed(0)}/s), seed ${SEED}, ${RUNS} random cases per operation; statuses ${statuses}; ${stats.resent} resent after a closed keep-alive socket; ${allFailures.length} failures`,
    );
    if (process.env.FUZZ_REPORT) {
      writeFileSync(
        process.env.FUZZ_REPORT,
        JSON.stringify({ seconds, requests: stats.requests, failures: allFailures, accepted: Object.fromEntries(stats.accepted), ids: idLabels }, null, 2),
      );
    }
  });

  it('the walk covers every operation of openapi.json, each with a matrix entry and an actor that holds its permission', () => {
    expect(OPERATIONS.length).toBeGreaterThan(100);
    expect(OPERATIONS.filter((o) => !MATRIX[o.route]).map((o) => o.route)).toEqual([]);
    expect(OPERATIONS.filter((o) => !actorFor(o.route)).map((o) => o.route)).toEqual([]);
  });

  /**
   * An actor past the guard and the delegation scope: the first whose matrix
   * status is a success, else the first not refused with 401/403/404 (e.g. a
   * 409 the matrix's valid request meets by design).
   */
  function actorFor(route: string): (typeof ACTOR_NAMES)[number] | undefined {
    const expect = MATRIX[route]?.expect;
    return expect && (PREFERENCE.find((a) => expect[a] < 300) ?? PREFERENCE.find((a) => ![401, 403, 404].includes(expect[a])));
  }

  function build(op: Operation, base: MatrixRequest, edits: Edit[], actor: string, requestId: string) {
    const params: Record<string, string | RawWire> = { councilId: f.A.councilId, ...base.params };
    const query = new Map<string, string | RawWire | (string | RawWire)[]>(Object.entries(base.query ?? {}));
    let body: unknown = base.body === undefined ? undefined : structuredClone(base.body);
    let rawBody: string | undefined;
    for (const e of edits) {
      if (e.at === 'path') params[e.name] = e.value;
      else if (e.at === 'query') query.set(e.name, e.value);
      else if (e.at === 'body-whole') rawBody = e.raw.text;
      else {
        if (body === undefined || body === null || typeof body !== 'object') body = {};
        if (e.at === 'body') setIn(body as Json, e.path, e.value);
        else deleteIn(body as Json, e.path);
      }
    }
    const path = op.route.split(' ')[1]!.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
      const v = params[name];
      if (v === undefined) throw new Error(`${op.route}: no value for :${name}`);
      return wire(v);
    });
    const qs = [...query.entries()]
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k.replace(/[^A-Za-z0-9_.\-[\]]/g, percentEncode)}=${wire(x)}`))
      .join('&');
    const text = rawBody ?? (body === undefined ? undefined : serialize(body));
    const authorization = f.actors[actor as (typeof ACTOR_NAMES)[number]]?.auth.authorization;
    return {
      method: op.method,
      url: qs ? `${path}?${qs}` : path,
      headers: {
        'x-request-id': requestId,
        ...(authorization ? { authorization } : {}),
        ...(base.headers ?? {}),
        ...(text !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: text,
    };
  }

  /** What is wrong with the response, or null. */
  function problemOf(res: WireResponse, requestId: string): string | null {
    if (res.status >= 500) return `status ${res.status}`;
    if (res.status < 400) return null;
    const b = res.json as { code?: unknown; requestId?: unknown; errors?: { field?: unknown }[] } | undefined;
    if (!b || typeof b !== 'object') return `${res.status} without a JSON error body`;
    if (typeof b.code !== 'string' || b.code === '') return `${res.status} without a string code`;
    if (typeof b.requestId !== 'string' || b.requestId === '') return `${res.status} ${b.code} without a requestId`;
    // Our X-Request-Id is kept, except by a refusal of the HTTP parser (nothing of the request was read): a fresh id, sent as the header too, and the connection closed.
    const refusedByParser = res.headers.connection === 'close' && res.headers['x-request-id'] === b.requestId;
    if (b.requestId !== requestId && !refusedByParser) return `${res.status} ${b.code} with requestId ${String(b.requestId)} instead of ${requestId}`;
    if (b.code === 'VALIDATION_FAILED') {
      if (!Array.isArray(b.errors) || b.errors.length === 0) return `400 VALIDATION_FAILED without errors[]`;
      const unnamed = b.errors.filter((e) => typeof e?.field !== 'string' || e.field === '');
      if (unnamed.length > 0) return `400 VALIDATION_FAILED with an error naming no field`;
    }
    return null;
  }

  function logFor(requestId: string): string {
    return (logLines.get(requestId) ?? []).join('').slice(0, 4000);
  }

  async function fuzz(op: Operation): Promise<Failure[]> {
    const actor = actorFor(op.route)!;
    const entry = MATRIX[op.route]!;
    let base = await entry.request(f);
    const random = fc.sample(caseArb(op), { seed: (SEED ^ hash(op.operationId)) >>> 0, numRuns: RUNS });
    const cases = [...fixedCases(op), ...random];
    const failures: Failure[] = [];
    stats.operations += 1;
    for (let i = 0; i < cases.length; i += PARALLEL) {
      const batch = cases.slice(i, i + PARALLEL);
      let accepted = false;
      await Promise.all(
        batch.map(async (edits, j) => {
          const requestId = `fz-${op.operationId}-${i + j}`;
          const req = build(op, base, edits, actor, requestId);
          stats.requests += 1;
          let res: WireResponse;
          try {
            res = await sendOnce(req);
          } catch (err) {
            failures.push({
              route: op.route,
              actor,
              edits: edits.map(describeEdit),
              method: req.method,
              url: req.url.slice(0, 300),
              status: 'no response',
              problem: String(err),
              response: '',
              log: logFor(requestId),
            });
            return;
          }
          stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
          if (res.status < 300) {
            if (op.method !== 'GET') accepted = true;
            const list = stats.accepted.get(op.route) ?? [];
            if (list.length < 200) list.push(edits.map(describeEdit).join(' + '));
            stats.accepted.set(op.route, list);
          }
          const problem = problemOf(res, requestId);
          if (problem) {
            await new Promise((r) => setImmediate(r)); // let the logger flush the line of this request
            failures.push({
              route: op.route,
              actor,
              edits: edits.map(describeEdit),
              method: req.method,
              url: req.url.slice(0, 300),
              status: res.status,
              problem,
              response: res.text.slice(0, 500),
              log: logFor(requestId),
            });
          }
        }),
      );
      // An accepted change may have used up the fresh objects (deleted, versions moved on): start again from a valid request.
      if (accepted) base = await entry.request(f);
    }
    return failures;
  }

  /**
   * Sends the request; a keep-alive socket the server closed while it was
   * being reused (after a refusal at the HTTP parser, the server closes the
   * connection) is a client-side race, not an answer: the request is sent
   * again once, on a new connection.
   */
  async function sendOnce(req: ReturnType<typeof build>): Promise<WireResponse> {
    try {
      return await client.send(req);
    } catch (err) {
      if (!/socket hang up|ECONNRESET/.test(String(err))) throw err;
      stats.resent += 1;
      return client.send({ ...req, headers: { ...req.headers, connection: 'close' } });
    }
  }

  /** One line per kind of failure (route, problem, first log message), with the first example. */
  function summary(failures: Failure[]): string[] {
    const groups = new Map<string, { n: number; first: Failure }>();
    for (const x of failures) {
      const msg = /"msg":"([^"]*)"/.exec(x.log)?.[1] ?? '';
      const errMsg = /"message":"([^"]{0,160})/.exec(x.log)?.[1] ?? '';
      const key = `${x.route} | ${x.problem} | ${msg} ${errMsg}`;
      const g = groups.get(key);
      if (g) g.n += 1;
      else groups.set(key, { n: 1, first: x });
    }
    return [...groups.entries()].map(([key, { n, first }]) => `${key} ×${n} — e.g. ${first.edits.join(' + ')} → ${first.response.slice(0, 200)}`);
  }

  describe.each(TAGS)('%s', (tag) => {
    const ops = OPERATIONS.filter((o) => o.tag === tag);
    it(`${ops.length} operations: no 5xx, every 4xx a JSON error with code, requestId and named fields`, async () => {
      const t0 = Date.now();
      const before = stats.requests;
      const failures: Failure[] = [];
      for (const op of ops) failures.push(...(await fuzz(op)));
      allFailures.push(...failures);
      console.log(
        `fuzz ${tag}: ${ops.length} operations, ${stats.requests - before} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${failures.length} failures`,
      );
      expect(summary(failures)).toEqual([]);
    }, 600_000);
  });
});
