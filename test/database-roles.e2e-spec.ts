import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { inspectRole } from '../src/core/database/database-roles.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE } from '../src/core/embedded/embedded-roles.js';
import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';

/**
 * The API and the worker connect as a least-privilege role: data
 * only, no DDL, the audit log append-only; the schema owner migrates. Every
 * other e2e test runs the app as that role too.
 */
describe.each<QueueKind>(['postgres', 'redis'])('the database roles (queue on %s)', (queue) => {
  let ctx: TestContext;
  /** A connection of the app's own role, outside the app's pool (so a failed statement leaves the pool alone). */
  let asApp: pg.Client;

  beforeAll(async () => {
    ctx = await createTestContext({ queue, worker: true });
    asApp = new pg.Client(ctx.config.databaseUrl);
    await asApp.connect();
  });
  afterAll(async () => {
    await asApp?.end();
    await ctx?.close();
  });

  const refused = async (sql: string, pattern: RegExp = /permission denied|must be owner/) => {
    await expect(asApp.query(sql)).rejects.toThrow(pattern);
  };

  it('connects the API, the worker and the queue as the app role, and migrates as the owner', async () => {
    expect(ctx.config.databaseUrl).toContain(`${EMBEDDED_APP_ROLE}@`);
    expect(ctx.config.migrationDatabaseUrl).toContain(`${EMBEDDED_OWNER_ROLE}@`);
    const [{ me }] = (await ctx.app.get(DataSource).query('SELECT current_user AS me')) as { me: string }[];
    expect(me).toBe(EMBEDDED_APP_ROLE);
    // Every session of the app's database but the test's own (ctx.db, the owner) is the app's role.
    await ctx.app.get(QueueService).ping();
    const sessions = (await ctx.db.query(
      `SELECT DISTINCT usename::text AS role FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
          AND application_name NOT IN ('protempore-test', 'protempore-migrate')`,
    )) as { role: string }[];
    expect(sessions.map((s) => s.role)).toEqual([EMBEDDED_APP_ROLE]);
    const [{ owner }] = (await ctx.db.query(`SELECT pg_get_userbyid(relowner)::text AS owner FROM pg_class WHERE oid = 'audit_log'::regclass`)) as {
      owner: string;
    }[];
    expect(owner).toBe(EMBEDDED_OWNER_ROLE);
  });

  it('is no superuser and can create nothing: no schema, no table in public or in the queue schema', async () => {
    expect(await inspectRole(ctx.app.get(DataSource))).toEqual({
      role: EMBEDDED_APP_ROLE,
      superuser: false,
      createOnDatabase: false,
      createInPublic: false,
      ownedTables: 0,
    });
    await refused(`CREATE TABLE intruder (id int)`);
    await refused(`CREATE TABLE public.intruder (id int)`);
    await refused(`CREATE TABLE bullmq.intruder (id int)`);
    await refused(`CREATE SCHEMA intruder`);
    await refused(`CREATE FUNCTION public.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'`);
    await refused(`CREATE SEQUENCE bullmq.intruder_seq`);
  });

  it('cannot alter, drop or index the schema, nor switch triggers off', async () => {
    await refused(`ALTER TABLE councils ADD COLUMN intruder text`);
    await refused(`ALTER TABLE councils DROP CONSTRAINT councils_pkey`);
    await refused(`DROP TABLE action_items`);
    await refused(`CREATE INDEX intruder_idx ON councils (name)`);
    await refused(`ALTER TABLE audit_log DISABLE TRIGGER ALL`);
    await refused(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await refused(`ALTER TABLE bullmq.job ADD COLUMN intruder text`);
    await refused(`TRUNCATE councils`);
  });

  it('can only read and append to the audit log; cannot write the migration ledgers', async () => {
    const [{ n }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[];
    await refused(`UPDATE audit_log SET action = 'forged'`);
    await refused(`DELETE FROM audit_log`);
    await refused(`TRUNCATE audit_log`);
    await refused(`DELETE FROM schema_migrations`);
    await refused(`INSERT INTO schema_migrations (timestamp, name) VALUES (1, 'forged')`);
    await refused(`DELETE FROM bullmq.migration`);
    const { rows } = await asApp.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
    expect(rows[0]!.n).toBe(n);
    expect((await asApp.query(`SELECT count(*)::int AS n FROM schema_migrations`)).rows[0].n).toBeGreaterThan(0);
  });

  it('works as that role: a write and its audit row through HTTP, then a read', async () => {
    const slug = `roles-${randomUUID().slice(0, 8)}`;
    const created = await ctx
      .http()
      .post('/councils')
      .send({ slug, name: 'Council of least privilege', workingLanguages: ['es', 'en'], timeZone: 'America/Mexico_City' })
      .expect(201);
    const read = await ctx.http().get(`/councils/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ id: created.body.id, slug });
    const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [created.body.id])) as { action: string }[];
    expect(audit.length).toBeGreaterThan(0);
  });

  it('adds jobs as that role (single and bulk: the per-queue id sequences were made by the owner)', async () => {
    const queues = ctx.app.get(QueueService);
    const probe = `roles-probe-${randomUUID()}`;
    await queues.add('silence.close', { decisionId: randomUUID() }, `${probe}-one`, 3_600_000);
    await queues.addBulk('silence.close', [
      { payload: { decisionId: randomUUID() }, jobId: `${probe}-a` },
      { payload: { decisionId: randomUUID() }, jobId: `${probe}-b` },
    ]);
    const job = await queues.queue('system').getJob(`${probe}-one`);
    expect(job?.id).toBe(`${probe}-one`);
    if (queue === 'postgres') {
      const [{ n }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM bullmq.job WHERE id LIKE $1`, [`${probe}-%`])) as { n: number }[];
      expect(n).toBeGreaterThanOrEqual(1);
    }
  });
});
