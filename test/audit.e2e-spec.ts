import { createTestContext, type TestContext } from './support/test-app.js';

describe('audit trail', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('records the request id of the change that wrote it', async () => {
    const res = await ctx
      .http()
      .post('/councils')
      .set('x-request-id', 'audit-req-1')
      .send({ slug: 'audit-council', name: 'Audit Council', workingLanguages: ['en'], timeZone: 'America/Panama' })
      .expect(201);
    const rows = (await ctx.db.query(`SELECT action, entity_id, request_id, after FROM audit_log WHERE request_id = 'audit-req-1'`)) as {
      action: string;
      entity_id: string;
      after: { slug: string };
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'council.created', entity_id: res.body.id });
    expect(rows[0]!.after.slug).toBe('audit-council');
  });

  it('writes nothing for a refused change', async () => {
    const before = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[];
    await ctx.http().post('/councils').send({ slug: 'audit-council', name: 'Again', workingLanguages: ['en'], timeZone: 'UTC' }).expect(409);
    const after = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[];
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
