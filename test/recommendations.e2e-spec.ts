import { randomUUID } from 'node:crypto';
import { createTestContext, type TestContext } from './support/test-app.js';

async function council(ctx: TestContext, slug: string): Promise<string> {
  const [c] = (await ctx.db.query(`INSERT INTO councils (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Council ${slug}`])) as { id: string }[];
  return c!.id;
}

async function count(ctx: TestContext, table: string): Promise<number> {
  const rows = (await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
  return rows[0]!.n;
}

describe('focus areas and recommendations', () => {
  let ctx: TestContext;
  let councilId: string;
  let otherId: string;
  const areas: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    councilId = await council(ctx, 'main');
    otherId = await council(ctx, 'other');
  });
  afterAll(() => ctx.close());

  it('creates focus areas with an audit row each', async () => {
    for (const [code, title] of [
      ['A', 'A comprehensive, strategic regional approach'],
      ['C', 'Alternative migration pathways'],
    ] as const) {
      const res = await ctx.http().post(`/councils/${councilId}/focus-areas`).send({ code, title }).expect(201);
      expect(res.body).toMatchObject({ councilId, code, title, recommendations: [] });
      areas[code] = res.body.id;
    }
    const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE council_id = $1 ORDER BY id`, [councilId])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['focus_area.created', 'focus_area.created']);
  });

  it('refuses a duplicate focus-area code with a 409 and a bad code with a 400', async () => {
    const res = await ctx.http().post(`/councils/${councilId}/focus-areas`).send({ code: 'A', title: 'Again' }).expect(409);
    expect(res.body.errors[0].field).toBe('code');
    await ctx.http().post(`/councils/${councilId}/focus-areas`).send({ code: 'a1', title: 'Bad' }).expect(400);
    await ctx.http().post(`/councils/${randomUUID()}/focus-areas`).send({ code: 'Z', title: 'Nowhere' }).expect(403); // nobody holds a role there
  });

  it('creates recommendations in a focus area, audited', async () => {
    const res = await ctx
      .http()
      .post(`/councils/${councilId}/recommendations`)
      .send({ focusAreaId: areas.A, number: 1, title: 'Create a council', body: 'Create a North and Central American Council on Migration.' })
      .expect(201);
    expect(res.body).toMatchObject({ focusAreaId: areas.A, focusAreaCode: 'A', number: 1, whoShouldAct: null, version: 1 });
    await ctx
      .http()
      .post(`/councils/${councilId}/recommendations`)
      .send({
        focusAreaId: areas.C,
        number: 5,
        title: 'Labour pathways',
        body: 'Raise pathways by 50,000.',
        whoShouldAct: 'The United States, Canada and Mexico',
      })
      .expect(201);
    await ctx
      .http()
      .post(`/councils/${councilId}/recommendations`)
      .send({ focusAreaId: areas.C, number: 6, title: 'Protection pathways', body: 'Extend protection pathways.' })
      .expect(201);
    const [audit] = (await ctx.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [res.body.id])) as {
      action: string;
      after: { number: number };
    }[];
    expect(audit).toMatchObject({ action: 'recommendation.created', after: { number: 1 } });
  });

  it('refuses a duplicate number with a 409 and writes nothing', async () => {
    const before = await count(ctx, 'recommendations');
    const audits = await count(ctx, 'audit_log');
    const res = await ctx
      .http()
      .post(`/councils/${councilId}/recommendations`)
      .send({ focusAreaId: areas.C, number: 5, title: 'Duplicate', body: 'Same number.' })
      .expect(409);
    expect(res.body.errors[0].field).toBe('number');
    expect(await count(ctx, 'recommendations')).toBe(before);
    expect(await count(ctx, 'audit_log')).toBe(audits);
  });

  it('refuses a focus area of another council with a 404, and bad input with a 400', async () => {
    const foreign = await ctx.http().post(`/councils/${otherId}/focus-areas`).send({ code: 'A', title: 'Theirs' }).expect(201);
    await ctx.http().post(`/councils/${councilId}/recommendations`).send({ focusAreaId: foreign.body.id, number: 9, title: 'X', body: 'Y' }).expect(404);
    await ctx.http().post(`/councils/${councilId}/recommendations`).send({ focusAreaId: areas.A, number: 0, title: 'X', body: 'Y' }).expect(400);
    await ctx.http().post(`/councils/${councilId}/recommendations`).send({ focusAreaId: areas.A, number: 9, title: ' ', body: 'Y' }).expect(400);
    await ctx.http().post(`/councils/${councilId}/recommendations`).send({ focusAreaId: areas.A, number: 9, title: 'X', body: 'Y', due: 'soon' }).expect(400);
    await ctx.http().post(`/councils/${councilId}/recommendations`).send({ focusAreaId: areas.A, number: '9', title: 'X', body: 'Y' }).expect(400);
  });

  it('lists recommendations by number, and by focus-area code', async () => {
    const all = await ctx.http().get(`/councils/${councilId}/recommendations`).expect(200);
    expect(all.body.items.map((r: { number: number }) => r.number)).toEqual([1, 5, 6]);
    const c = await ctx.http().get(`/councils/${councilId}/recommendations?focusArea=C`).expect(200);
    expect(c.body.items.map((r: { number: number; focusAreaCode: string }) => [r.number, r.focusAreaCode])).toEqual([
      [5, 'C'],
      [6, 'C'],
    ]);
    const none = await ctx.http().get(`/councils/${councilId}/recommendations?focusArea=F`).expect(200);
    expect(none.body.items).toEqual([]);
    await ctx.http().get(`/councils/${councilId}/recommendations?focusArea=c!`).expect(400);
    await ctx.http().get(`/councils/${randomUUID()}/recommendations`).expect(404);
  });

  it('lists focus areas with their recommendations', async () => {
    const res = await ctx.http().get(`/councils/${councilId}/focus-areas`).expect(200);
    expect(res.body.items.map((a: { code: string; recommendations: { number: number }[] }) => [a.code, a.recommendations.map((r) => r.number)])).toEqual([
      ['A', [1]],
      ['C', [5, 6]],
    ]);
  });

  it('reads one recommendation; one of another council is a 404', async () => {
    const list = await ctx.http().get(`/councils/${councilId}/recommendations`).expect(200);
    const id = list.body.items[0].id;
    const one = await ctx.http().get(`/councils/${councilId}/recommendations/${id}`).expect(200);
    expect(one.body).toMatchObject({ id, number: 1 });
    await ctx.http().get(`/councils/${otherId}/recommendations/${id}`).expect(404);
    await ctx.http().get(`/councils/${councilId}/recommendations/nope`).expect(400);
  });

  it('changes a recommendation with the current version; a stale one is a 409; a taken number is a 409', async () => {
    const list = await ctx.http().get(`/councils/${councilId}/recommendations?focusArea=C`).expect(200);
    const six = list.body.items.find((r: { number: number }) => r.number === 6);
    const res = await ctx
      .http()
      .patch(`/councils/${councilId}/recommendations/${six.id}`)
      .send({ version: 1, title: 'Extend protection pathways', whoShouldAct: 'The United States and Canada', focusAreaId: areas.A })
      .expect(200);
    expect(res.body).toMatchObject({ version: 2, title: 'Extend protection pathways', whoShouldAct: 'The United States and Canada', focusAreaCode: 'A' });
    const [audit] = (await ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [six.id])) as {
      action: string;
      before: { version: number };
      after: { version: number };
    }[];
    expect(audit).toMatchObject({ action: 'recommendation.updated', before: { version: 1 }, after: { version: 2 } });

    const stale = await ctx.http().patch(`/councils/${councilId}/recommendations/${six.id}`).send({ version: 1, title: 'Stale' }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const taken = await ctx.http().patch(`/councils/${councilId}/recommendations/${six.id}`).send({ version: 2, number: 5 }).expect(409);
    expect(taken.body.errors[0].field).toBe('number');
    const cleared = await ctx.http().patch(`/councils/${councilId}/recommendations/${six.id}`).send({ version: 2, whoShouldAct: null }).expect(200);
    expect(cleared.body).toMatchObject({ version: 3, whoShouldAct: null });
    await ctx.http().patch(`/councils/${councilId}/recommendations/${six.id}`).send({ version: 3 }).expect(400);
    await ctx.http().patch(`/councils/${councilId}/recommendations/${six.id}`).send({ version: 3, body: null }).expect(400);
    await ctx.http().patch(`/councils/${otherId}/recommendations/${six.id}`).send({ version: 3, title: 'Hijack' }).expect(404);
  });
});
