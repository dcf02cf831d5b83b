import { randomBytes } from 'node:crypto';
import { type Actor, delegateOf } from './support/actors.js';
import { DatabaseSnapshot } from './support/authz-fixtures.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * Chair rights follow the presidency calendar by themselves: the chair is
 * computed per request from the term covering now, never stored, so when a
 * term ends the rights move to the next holder with no job running.
 */
describe('chair rights move at the end of a presidency term', () => {
  let ctx: TestContext;
  let snapshot: DatabaseSnapshot;
  beforeAll(async () => {
    ctx = await createTestContext();
    snapshot = new DatabaseSnapshot(ctx);
  });
  afterAll(() => ctx.close());

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function memberState(councilId: string, name: string, isoCode: string): Promise<{ participantId: string; delegationId: string }> {
    const res = await ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name, isoCode }).expect(201);
    const [d] = (await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [res.body.id])) as { id: string }[];
    return { participantId: res.body.id as string, delegationId: d!.id };
  }

  function postBody(councilId: string, actor: Actor) {
    return ctx
      .anonymous()
      .post(`/councils/${councilId}/bodies`)
      .set(actor.auth)
      .send({ kind: 'working_group', name: `Working group ${randomBytes(4).toString('hex')}` });
  }

  async function refusedWithoutChange(councilId: string, actor: Actor): Promise<void> {
    const before = await snapshot.take();
    const res = await postBody(councilId, actor);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', details: { permission: 'body.manage' } } });
    expect(await snapshot.take()).toEqual(before);
  }

  it("X's delegate is chair until X's term ends, then Y's delegate is", async () => {
    const slug = `chair-${randomBytes(4).toString('hex')}`;
    const council = await ctx
      .http()
      .post('/councils')
      .send({ slug, name: `Council ${slug}`, workingLanguages: ['en'], timeZone: 'UTC' })
      .expect(201);
    const councilId = council.body.id as string;
    const X = await memberState(councilId, 'Costa Rica', 'CR');
    const Y = await memberState(councilId, 'Panama', 'PA');
    const delegateX = await delegateOf(ctx, councilId, X.delegationId, 'head');
    const delegateY = await delegateOf(ctx, councilId, Y.delegationId, 'head');

    // X's term ends 2 s from now, Y's starts at that instant ('[)' ranges: no gap, no overlap).
    const boundary = new Date(Date.now() + 2000);
    await ctx.db.query(
      `INSERT INTO presidency_terms (council_id, participant_id, period)
       VALUES ($1, $2, tstzrange($4::timestamptz - interval '1 year', $4::timestamptz, '[)')),
              ($1, $3, tstzrange($4::timestamptz, $4::timestamptz + interval '1 year', '[)'))`,
      [councilId, X.participantId, Y.participantId, boundary.toISOString()],
    );

    // Before the boundary: X chairs.
    const current = await ctx.anonymous().get(`/councils/${councilId}/presidency/current`).expect(200);
    expect(current.body.participantId).toBe(X.participantId);
    const created = await postBody(councilId, delegateX);
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    await refusedWithoutChange(councilId, delegateY);
    // The checks above are only meaningful if they ran before the boundary.
    expect(Date.now()).toBeLessThan(boundary.getTime());

    await sleep(boundary.getTime() - Date.now() + 250);

    // After it, with nothing run in between: Y chairs, X does not.
    const next = await ctx.anonymous().get(`/councils/${councilId}/presidency/current`).expect(200);
    expect(next.body.participantId).toBe(Y.participantId);
    await refusedWithoutChange(councilId, delegateX);
    const createdByY = await postBody(councilId, delegateY);
    expect({ status: createdByY.status, body: createdByY.body }).toMatchObject({ status: 201 });

    // Both stay plain delegates throughout: they still read the council's bodies.
    await ctx.anonymous().get(`/councils/${councilId}/bodies`).set(delegateX.auth).expect(200);
  });
});
