import { randomUUID } from 'node:crypto';
import { Council } from '../src/modules/councils/entities/council.entity.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * The data source is configured with invalidWhereValuesBehavior = throw: an
 * undefined or null where-value (e.g. an id that a bug left unset) must fail
 * loudly instead of being dropped from the WHERE clause and matching every row.
 */
describe('TypeORM where-values', () => {
  let ctx: TestContext;
  let councilId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    const res = await ctx
      .http()
      .post('/councils')
      .send({ slug: 'where-values', name: 'Where Values', workingLanguages: ['en'], timeZone: 'UTC' })
      .expect(201);
    councilId = res.body.id;
    await ctx
      .http()
      .post('/councils')
      .send({ slug: 'where-values-2', name: 'Where Values 2', workingLanguages: ['en'], timeZone: 'UTC' })
      .expect(201);
  });
  afterAll(() => ctx.close());

  const councils = () => ctx.db.getRepository(Council);

  it('matches rows by a defined value', async () => {
    expect((await councils().findOneBy({ id: councilId }))?.slug).toBe('where-values');
    expect(await councils().findOneBy({ id: randomUUID() })).toBeNull();
  });

  it('throws on an undefined where-value instead of matching the first row', async () => {
    await expect(councils().findOneBy({ id: undefined })).rejects.toThrow(/undefined/i);
    await expect(councils().findOne({ where: { id: undefined } })).rejects.toThrow();
    await expect(councils().find({ where: { id: undefined } })).rejects.toThrow();
    await expect(councils().findBy({ slug: undefined })).rejects.toThrow();
    await expect(councils().countBy({ id: undefined })).rejects.toThrow();
    await expect(councils().existsBy({ id: undefined })).rejects.toThrow();
  });

  it('throws on a null where-value instead of matching every row', async () => {
    await expect(councils().find({ where: { id: null as unknown as string } })).rejects.toThrow(/null/i);
    await expect(councils().findOneBy({ id: null as unknown as string })).rejects.toThrow();
    await expect(councils().findBy({ slug: null as unknown as string })).rejects.toThrow();
  });

  it('throws inside a transaction too, and the writes of a where-less update/delete are refused', async () => {
    await expect(ctx.db.transaction((em) => em.findOneBy(Council, { id: undefined }))).rejects.toThrow();
    await expect(councils().update({ id: undefined }, { name: 'Everyone renamed' })).rejects.toThrow();
    await expect(councils().delete({ id: undefined })).rejects.toThrow();
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM councils WHERE name = 'Everyone renamed'`)).toEqual([{ n: 0 }]);
    expect(await councils().countBy({ slug: 'where-values-2' })).toBe(1);
  });
});
