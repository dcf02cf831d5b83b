import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '../../src/modules/identity/password-hasher.service.js';
import { hashSecretToken, newSecretToken } from '../../src/modules/identity/secret-token.js';
import { type Actor, admin, delegateOf, secretariat } from './actors.js';
import type { TestContext } from './test-app.js';

/**
 * The world the authorization tests act on.
 *
 * Council A (under test):
 * - X: member state whose presidency term covers now — its delegate is the CHAIR;
 * - Y: member state, the OWNER delegation (objects under test belong to it);
 * - Z: member state, another delegation;
 * - O: an observer (intergovernmental organisation).
 * Plus a body led by Y, a focus area with a recommendation, and the current term.
 *
 * Council B: its own member state, body, focus area and secretariat (the
 * "secretariat of another council" acts on A).
 *
 * Everything that a successful write would change is made fresh per request by
 * the `fresh` helpers (direct SQL), so cases never depend on each other.
 */

export const ACTOR_NAMES = ['ownerDelegate', 'otherDelegate', 'observerDelegate', 'chair', 'secretariat', 'foreignSecretariat', 'admin', 'anonymous'] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export interface Seat {
  participantId: string;
  delegationId: string;
}

export interface CouncilFixture {
  councilId: string;
  bodyId: string;
  focusAreaId: string;
  recommendationId: string;
}

export interface AuthzFixtures {
  ctx: TestContext;
  A: CouncilFixture & { X: Seat; Y: Seat; Z: Seat; O: Seat; termId: string };
  B: CouncilFixture & { W: Seat };
  /** null for the anonymous caller. */
  actors: Record<ActorName, Actor | null>;
  fresh: FreshObjects;
  /** An account with a password, for the sign-in routes. */
  signIn: { userId: string; email: string; password: string };
  /** A short unique suffix (letters and digits). */
  unique(): string;
}

let counter = 0;
/** Unique per process; combined with a random prefix so re-runs against one database never collide. */
const RUN = randomBytes(3).toString('hex');
export function unique(): string {
  counter += 1;
  return `${RUN}${counter.toString(36)}`;
}

let codeCounter = 0;

let numberCounter = 1000;

async function one<T>(ctx: TestContext, sql: string, params: unknown[]): Promise<T> {
  const rows = (await ctx.db.query(sql, params)) as T[];
  if (!rows[0]) throw new Error(`fixture query returned no row: ${sql}`);
  return rows[0];
}

export interface FreshObjects {
  body(councilId?: string): Promise<{ id: string; version: number }>;
  /** A lead held by Y (W in council B) of a fresh body. */
  lead(councilId?: string): Promise<{ id: string; bodyId: string }>;
  /** A fresh delegate seat (no user) in the delegation. */
  delegate(councilId: string, delegationId: string): Promise<{ id: string; version: number }>;
  recommendation(councilId?: string): Promise<{ id: string; version: number }>;
  /** A presidency term appended after the last one of council A (not started, so deletable). */
  futureTerm(): Promise<{ id: string }>;
  /**
   * A fresh account (no password) with, by default, a delegate role in council A
   * acting as a fresh seat of delegation Y.
   */
  user(opts?: { role?: 'delegate' | 'none'; disabled?: boolean }): Promise<{ id: string }>;
  /** A fresh session (refresh token) of the sign-in user. */
  refreshToken(): Promise<string>;
  /** A fresh one-time set-password link token for a fresh account. */
  setupLinkToken(): Promise<string>;
  /** Current version of a versioned row. */
  version(table: 'councils' | 'participants' | 'delegations' | 'delegates' | 'bodies' | 'recommendations', id: string): Promise<number>;
}

function freshObjects(ctx: TestContext, get: () => AuthzFixtures): FreshObjects {
  const A = () => get().A;
  const council = (id?: string) => id ?? A().councilId;
  const fixtureOf = (councilId: string): CouncilFixture => (councilId === get().B.councilId ? get().B : get().A);
  return {
    async body(councilId) {
      return one(ctx, `INSERT INTO bodies (council_id, kind, name) VALUES ($1, 'working_group', $2) RETURNING id, version`, [
        council(councilId),
        `Working group ${unique()}`,
      ]);
    },
    async lead(councilId) {
      const c = council(councilId);
      const body = await this.body(c);
      const participantId = c === get().B.councilId ? get().B.W.participantId : A().Y.participantId;
      const lead = await one<{ id: string }>(
        ctx,
        `INSERT INTO body_leads (council_id, body_id, participant_id, period) VALUES ($1, $2, $3, daterange('2026-01-01', NULL, '[)')) RETURNING id`,
        [c, body.id, participantId],
      );
      return { id: lead.id, bodyId: body.id };
    },
    async delegate(councilId, delegationId) {
      return one(
        ctx,
        `INSERT INTO delegates (council_id, delegation_id, full_name, email, role) VALUES ($1, $2, 'Fresh Delegate', $3, 'adviser') RETURNING id, version`,
        [councilId, delegationId, `fresh-${unique()}@test.protempore.org`],
      );
    },
    async recommendation(councilId) {
      const c = council(councilId);
      numberCounter += 1;
      return one(
        ctx,
        `INSERT INTO recommendations (council_id, focus_area_id, number, title, body) VALUES ($1, $2, $3, 'Fresh recommendation', 'Text') RETURNING id, version`,
        [c, fixtureOf(c).focusAreaId, numberCounter],
      );
    },
    async futureTerm() {
      return one(
        ctx,
        `INSERT INTO presidency_terms (council_id, participant_id, period)
         SELECT $1, $2, tstzrange(max(upper(period)), max(upper(period)) + interval '1 year', '[)') FROM presidency_terms WHERE council_id = $1
         RETURNING id`,
        [A().councilId, A().Y.participantId],
      );
    },
    async user(opts = {}) {
      const u = await one<{ id: string }>(
        ctx,
        `INSERT INTO users (email, full_name, disabled_at) VALUES ($1, 'Fresh User', CASE WHEN $2 THEN now() END) RETURNING id`,
        [`user-${unique()}@test.protempore.org`, opts.disabled ?? false],
      );
      if ((opts.role ?? 'delegate') === 'delegate') {
        const seat = await this.delegate(A().councilId, A().Y.delegationId);
        await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role, delegate_id) VALUES ($1, $2, 'delegate', $3)`, [
          u.id,
          A().councilId,
          seat.id,
        ]);
      }
      return u;
    },
    async refreshToken() {
      const token = newSecretToken();
      await ctx.db.query(
        `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, gen_random_uuid(), $2, now() + interval '1 day')`,
        [get().signIn.userId, hashSecretToken(token)],
      );
      return token;
    },
    async setupLinkToken() {
      const user = await this.user({ role: 'none' });
      const token = newSecretToken();
      await ctx.db.query(`INSERT INTO password_setup_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
        user.id,
        hashSecretToken(token),
      ]);
      return token;
    },
    async version(table, id) {
      return (await one<{ version: number }>(ctx, `SELECT version FROM ${table} WHERE id = $1`, [id])).version;
    },
  };
}

/** A focus area code (1 to 3 capital letters) not yet used in this process: three letters from "AAA" (fixtures use "A"). */
export function nextFocusAreaCode(): string {
  const n = codeCounter++;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return letters[Math.floor(n / 676) % 26]! + letters[Math.floor(n / 26) % 26]! + letters[n % 26]!;
}

/** A new recommendation number, unique in the process. */
export function nextRecommendationNumber(): number {
  numberCounter += 1;
  return numberCounter;
}

async function createCouncil(ctx: TestContext, label: string): Promise<string> {
  const slug = `${label}-${unique()}`;
  const res = await ctx
    .http()
    .post('/councils')
    .send({ slug, name: `Council ${slug}`, workingLanguages: ['es', 'en'], timeZone: 'UTC' });
  if (res.status !== 201) throw new Error(`creating a council: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

async function createParticipant(ctx: TestContext, councilId: string, body: Record<string, unknown>): Promise<Seat> {
  const res = await ctx.http().post(`/councils/${councilId}/participants`).send(body);
  if (res.status !== 201) throw new Error(`creating a participant: ${res.status} ${JSON.stringify(res.body)}`);
  const d = await one<{ id: string }>(ctx, `SELECT id FROM delegations WHERE participant_id = $1`, [res.body.id]);
  return { participantId: res.body.id as string, delegationId: d.id };
}

async function councilObjects(ctx: TestContext, councilId: string, leadBy: string): Promise<CouncilFixture> {
  const body = await one<{ id: string }>(
    ctx,
    `INSERT INTO bodies (council_id, kind, name) VALUES ($1, 'working_group', 'Working Group on Labour Migration') RETURNING id`,
    [councilId],
  );
  await ctx.db.query(`INSERT INTO body_leads (council_id, body_id, participant_id, period) VALUES ($1, $2, $3, daterange('2025-01-01', NULL, '[)'))`, [
    councilId,
    body.id,
    leadBy,
  ]);
  const fa = await one<{ id: string }>(ctx, `INSERT INTO focus_areas (council_id, code, title) VALUES ($1, 'A', 'A regional approach') RETURNING id`, [
    councilId,
  ]);
  const rec = await one<{ id: string }>(
    ctx,
    `INSERT INTO recommendations (council_id, focus_area_id, number, title, body) VALUES ($1, $2, 1, 'Recommendation one', 'Text') RETURNING id`,
    [councilId, fa.id],
  );
  return { councilId, bodyId: body.id, focusAreaId: fa.id, recommendationId: rec.id };
}

/** Builds councils A and B, their objects and one actor per column of the matrix. */
export async function createAuthzFixtures(ctx: TestContext): Promise<AuthzFixtures> {
  const a = await createCouncil(ctx, 'a');
  const b = await createCouncil(ctx, 'b');
  const X = await createParticipant(ctx, a, { kind: 'member_state', name: 'Mexico', isoCode: 'MX' });
  const Y = await createParticipant(ctx, a, { kind: 'member_state', name: 'Guatemala', isoCode: 'GT' });
  const Z = await createParticipant(ctx, a, { kind: 'member_state', name: 'Honduras', isoCode: 'HN' });
  const O = await createParticipant(ctx, a, { kind: 'observer', name: 'International Organization for Migration', category: 'intergovernmental' });
  const W = await createParticipant(ctx, b, { kind: 'member_state', name: 'Panama', isoCode: 'PA' });

  // X holds the presidency now: its delegate is the chair.
  const term = await one<{ id: string }>(
    ctx,
    `INSERT INTO presidency_terms (council_id, participant_id, period)
     VALUES ($1, $2, tstzrange(date_trunc('second', now()) - interval '30 days', date_trunc('second', now()) + interval '300 days', '[)')) RETURNING id`,
    [a, X.participantId],
  );
  await ctx.db.query(
    `INSERT INTO presidency_terms (council_id, participant_id, period)
     VALUES ($1, $2, tstzrange(date_trunc('second', now()) - interval '30 days', date_trunc('second', now()) + interval '300 days', '[)'))`,
    [b, W.participantId],
  );

  const objectsA = await councilObjects(ctx, a, Y.participantId);
  const objectsB = await councilObjects(ctx, b, W.participantId);

  const actors: Record<ActorName, Actor | null> = {
    ownerDelegate: await delegateOf(ctx, a, Y.delegationId, 'head'),
    otherDelegate: await delegateOf(ctx, a, Z.delegationId, 'head'),
    observerDelegate: await delegateOf(ctx, a, O.delegationId, 'head'),
    chair: await delegateOf(ctx, a, X.delegationId, 'head'),
    secretariat: await secretariat(ctx, a),
    foreignSecretariat: await secretariat(ctx, b),
    admin: await admin(ctx),
    anonymous: null,
  };

  const password = `correct horse ${unique()} battery`;
  const email = `sign-in-${unique()}@test.protempore.org`;
  const signInUser = await one<{ id: string }>(ctx, `INSERT INTO users (email, full_name, password_hash) VALUES ($1, 'Sign In', $2) RETURNING id`, [
    email,
    await ctx.app.get(PasswordHasher).hash(password),
  ]);

  const get = () => fixtures;
  const fixtures: AuthzFixtures = {
    ctx,
    A: { ...objectsA, X, Y, Z, O, termId: term.id },
    B: { ...objectsB, W },
    actors,
    fresh: freshObjects(ctx, get),
    signIn: { userId: signInUser.id, email, password },
    unique,
  };
  return fixtures;
}

/**
 * A snapshot of the whole database: one entry per table of the public schema.
 * Two equal snapshots = nothing changed in between.
 *
 * Hashing every row of every table twice per case made the authorization tests the slowest of the suite, so
 * by default a change log records the changes instead. On the first snapshot, in the test file's own
 * database and as the schema owner, it installs a schema `test_changes` (outside `public`: the app's tables
 * stay as they are) with a log table, and on every table of `public` AFTER triggers that append one log row
 * per inserted or deleted row, per updated row whose text differs (an UPDATE writing the same values is no
 * change, as for the hash) and per TRUNCATE. The log is transactional, as the rows are: a rolled-back write
 * leaves nothing, while a row written and put back within one committed transaction counts (the hash
 * saw no change there). A snapshot is the number of logged changes per table; each snapshot first puts the
 * triggers on any table created since (which then appears as a new key). Sequences are not covered
 * (nextval is not transactional), nor were they by the hash. Only the databases of the files that take
 * snapshots get the log (each test file has its own database): the schema and role tests never see it.
 *
 * TEST_DB_SNAPSHOT=hash takes the former full snapshot instead (the row count and an md5 of all rows per
 * table, which grows with the database: the matrix and mass-assignment files ran 5 to 10 times longer), to
 * cross-check.
 */
export class DatabaseSnapshot {
  private sql: string | undefined;
  private installed = false;

  constructor(private readonly ctx: Pick<TestContext, 'db'>) {}

  async take(): Promise<Record<string, string>> {
    if (process.env.TEST_DB_SNAPSHOT === 'hash') return this.hash();
    if (!this.installed) {
      await this.ctx.db.query(CHANGE_LOG_SQL);
      this.installed = true;
    }
    const rows = (await this.ctx.db.query(`SELECT t, n FROM test_changes.snapshot()`)) as { t: string; n: string }[];
    return Object.fromEntries(rows.map((r) => [r.t, `changes: ${r.n}`]));
  }

  private async hash(): Promise<Record<string, string>> {
    if (!this.sql) {
      const tables = (await this.ctx.db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )) as { table_name: string }[];
      this.sql = tables
        .map(
          ({ table_name: t }) =>
            `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '-') AS h FROM public."${t}" x`,
        )
        .join(' UNION ALL ');
    }
    const rows = (await this.ctx.db.query(this.sql)) as { t: string; h: string }[];
    return Object.fromEntries(rows.map((r) => [r.t, r.h]));
  }
}

/**
 * The change log of DatabaseSnapshot (idempotent). The trigger function runs as its owner (SECURITY DEFINER),
 * so the app's role, which has no right on the schema, writes the log through it.
 */
const CHANGE_LOG_SQL = `
CREATE SCHEMA IF NOT EXISTS test_changes;
CREATE TABLE IF NOT EXISTS test_changes.log (tbl text NOT NULL);
CREATE TABLE IF NOT EXISTS test_changes.counts (tbl text PRIMARY KEY, n bigint NOT NULL);
CREATE OR REPLACE FUNCTION test_changes.record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
BEGIN
  INSERT INTO test_changes.log (tbl) VALUES (TG_TABLE_NAME);
  RETURN NULL;
END $fn$;
CREATE OR REPLACE FUNCTION test_changes.snapshot() RETURNS TABLE (t text, n bigint) LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS rel FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND NOT EXISTS (SELECT FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'test_changes_write')
  LOOP
    EXECUTE format('CREATE TRIGGER test_changes_write AFTER INSERT OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION test_changes.record()', r.rel);
    EXECUTE format('CREATE TRIGGER test_changes_update AFTER UPDATE ON %s FOR EACH ROW WHEN (OLD::text IS DISTINCT FROM NEW::text) EXECUTE FUNCTION test_changes.record()', r.rel);
    EXECUTE format('CREATE TRIGGER test_changes_truncate AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION test_changes.record()', r.rel);
  END LOOP;
  -- The committed log rows move into the counts, so that the log stays short (only this function writes the counts).
  IF EXISTS (SELECT FROM test_changes.log) THEN
    WITH moved AS (DELETE FROM test_changes.log RETURNING tbl)
    INSERT INTO test_changes.counts AS c (tbl, n) SELECT tbl, count(*) FROM moved GROUP BY tbl
    ON CONFLICT (tbl) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN QUERY
    SELECT c.relname::text, coalesce(l.n, 0) FROM pg_class c
    LEFT JOIN test_changes.counts l ON l.tbl = c.relname
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
    ORDER BY c.relname;
END $fn$;
`;
