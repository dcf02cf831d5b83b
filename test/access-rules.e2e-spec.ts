import { PasswordHasher } from '../src/modules/identity/password-hasher.service.js';
import { delegateOf, secretariat } from './support/actors.js';
import { createTestContext, type TestContext } from './support/test-app.js';

describe('access rules beyond the matrix', () => {
  let ctx: TestContext;
  let councilId: string;
  let delegationId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const council = await ctx
      .http()
      .post('/councils')
      .send({ slug: 'rules', name: 'Rules Council', workingLanguages: ['en'], timeZone: 'UTC' })
      .expect(201);
    councilId = council.body.id;
    const state = await ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name: 'Panama', isoCode: 'PA' }).expect(201);
    const rows = (await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [state.body.id])) as { id: string }[];
    delegationId = rows[0]!.id;
  });
  afterAll(() => ctx.close());

  it('lets a delegation deactivate its own delegate, but only the secretariat reactivate one', async () => {
    const head = await delegateOf(ctx, councilId, delegationId, 'head');
    const adviser = await ctx
      .anonymous()
      .post(`/councils/${councilId}/delegations/${delegationId}/delegates`)
      .set(head.auth)
      .send({ fullName: 'Ana Adviser', email: 'ana@example.org', role: 'adviser' })
      .expect(201);
    const url = `/councils/${councilId}/delegations/${delegationId}/delegates/${adviser.body.id}`;
    const closed = await ctx.anonymous().delete(url).set(head.auth).expect(200);
    expect(closed.body.active).toBe(false);

    const refused = await ctx.anonymous().patch(url).set(head.auth).send({ version: closed.body.version, active: true }).expect(403);
    expect(refused.body.code).toBe('REACTIVATION_NEEDS_SECRETARIAT');
    const [row] = (await ctx.db.query(`SELECT active, version FROM delegates WHERE id = $1`, [adviser.body.id])) as { active: boolean; version: number }[];
    expect(row).toEqual({ active: false, version: closed.body.version });

    const staff = await secretariat(ctx, councilId);
    const reopened = await ctx.anonymous().patch(url).set(staff.auth).send({ version: closed.body.version, active: true }).expect(200);
    expect(reopened.body.active).toBe(true);
  });

  it('keeps presidency term bounds to the millisecond', async () => {
    const [state] = (await ctx.db.query(`SELECT id FROM participants WHERE council_id = $1`, [councilId])) as { id: string }[];
    await expect(
      ctx.db.query(
        `INSERT INTO presidency_terms (council_id, participant_id, period) VALUES ($1, $2, tstzrange('2030-01-01 00:00:00.0001Z', '2031-01-01Z', '[)'))`,
        [councilId, state!.id],
      ),
    ).rejects.toThrow('presidency_terms_millisecond_bounds');
  });

  it('audits the start and the end of a session', async () => {
    const hash = await ctx.app.get(PasswordHasher).hash('a long enough password');
    const [user] = (await ctx.db.query(`INSERT INTO users (email, full_name, password_hash) VALUES ('session@example.org', 'Session User', $1) RETURNING id`, [
      hash,
    ])) as { id: string }[];
    const login = await ctx.anonymous().post('/auth/login').send({ email: 'session@example.org', password: 'a long enough password' }).expect(200);
    await ctx.anonymous().post('/auth/logout').send({ refreshToken: login.body.refreshToken }).expect(204);
    await ctx.anonymous().post('/auth/logout').send({ refreshToken: login.body.refreshToken }).expect(204);
    const actions = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [user!.id])) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['session.started', 'session.ended']);
  });
});
