import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/core/database/data-source-options.js';
import { cloneDatabase } from './support/test-app.js';

/** The migrations are the schema; the entities must describe exactly what they built. */
describe('database schema', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(await cloneDatabase(), { poolSize: 2 }));
    await db.initialize();
  });
  afterAll(() => db.destroy());

  it('matches the entities: migration:generate would find nothing to do', async () => {
    const sql = await db.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no pending migrations', async () => {
    expect(await db.showMigrations()).toBe(false);
  });

  it('refuses to update or delete audit rows', async () => {
    await db.query(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.done', 'test', '1')`);
    await expect(db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow('append-only');
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow('append-only');
  });

  it('reverts and re-applies every migration cleanly', async () => {
    const { migrations } = await import('../migrations/index.js');
    for (let i = 0; i < migrations.length; i++) await db.undoLastMigration({ transaction: 'each' });
    const left = (await db.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    )) as { n: number }[];
    expect(left[0]!.n).toBe(0);
    await db.runMigrations({ transaction: 'each' });
    expect(await db.showMigrations()).toBe(false);
  });
});
