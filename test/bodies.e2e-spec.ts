import { randomUUID } from 'node:crypto';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/** A council and participants written straight to the database (the councils API is not what is tested here). */
async function council(ctx: TestContext, slug: string): Promise<{ id: string; mx: string; ca: string; ngo: string }> {
  const [c] = (await ctx.db.query(`INSERT INTO councils (slug, name, time_zone) VALUES ($1, $2, 'America/Panama') RETURNING id`, [
    slug,
    `Council ${slug}`,
  ])) as {
    id: string;
  }[];
  const g = given(ctx).inCouncil(c!.id);
  return {
    id: c!.id,
    mx: (await g.memberState('Mexico', { iso: 'MX', position: 1 })).participantId,
    ca: (await g.memberState('Canada', { iso: 'CA', position: 2 })).participantId,
    ngo: (await g.permanentParticipant('Migrant Network', { category: 'migrant_community' })).participantId,
  };
}

async function count(ctx: TestContext, sql: string, params: unknown[] = []): Promise<number> {
  const rows = (await ctx.db.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params)) as { n: number }[];
  return rows[0]!.n;
}

const auditRows = (ctx: TestContext, councilId: string) => count(ctx, `SELECT 1 FROM audit_log WHERE council_id = $1`, [councilId]);

describe('bodies and their leads', () => {
  let ctx: TestContext;
  let c: Awaited<ReturnType<typeof council>>;
  let other: Awaited<ReturnType<typeof council>>;
  const base = () => `/councils/${c.id}/bodies`;

  beforeAll(async () => {
    ctx = await createTestContext();
    c = await council(ctx, 'main');
    other = await council(ctx, 'other');
  });
  afterAll(() => ctx.close());

  describe('creating', () => {
    it('creates a working group and audits it in the same transaction', async () => {
      const before = await auditRows(ctx, c.id);
      const res = await ctx
        .http()
        .post(base())
        .send({ kind: 'working_group', name: 'Working Group on Border Management', description: 'Borders', mandateStart: '2026-01-01' })
        .expect(201);
      expect(res.body).toMatchObject({
        councilId: c.id,
        kind: 'working_group',
        name: 'Working Group on Border Management',
        description: 'Borders',
        mandateStart: '2026-01-01',
        mandateEnd: null,
        status: 'active',
        version: 1,
        leads: [],
      });
      expect(await auditRows(ctx, c.id)).toBe(before + 1);
      const [audit] = (await ctx.db.query(`SELECT action, entity_type, entity_id, after FROM audit_log WHERE entity_id = $1`, [res.body.id])) as {
        action: string;
        entity_type: string;
        after: { name: string };
      }[];
      expect(audit).toMatchObject({ action: 'body.created', entity_type: 'body' });
      expect(audit!.after.name).toBe('Working Group on Border Management');
    });

    it('refuses a task force without a mandate end, naming mandateEnd, and writes nothing', async () => {
      const bodies = await count(ctx, `SELECT 1 FROM bodies`);
      const audits = await auditRows(ctx, c.id);
      const res = await ctx.http().post(base()).send({ kind: 'task_force', name: 'Task Force on Pathways' }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'mandateEnd' })]));
      expect(await count(ctx, `SELECT 1 FROM bodies`)).toBe(bodies);
      expect(await auditRows(ctx, c.id)).toBe(audits);
    });

    it('creates a task force with a mandate end', async () => {
      const res = await ctx
        .http()
        .post(base())
        .send({ kind: 'task_force', name: 'Task Force on Pathways', mandateStart: '2026-01-01', mandateEnd: '2027-12-31' })
        .expect(201);
      expect(res.body).toMatchObject({ kind: 'task_force', mandateStart: '2026-01-01', mandateEnd: '2027-12-31' });
    });

    it('refuses a mandate that ends before it starts, and dates that are not calendar dates', async () => {
      const order = await ctx
        .http()
        .post(base())
        .send({ kind: 'working_group', name: 'Backwards', mandateStart: '2026-06-01', mandateEnd: '2026-01-01' })
        .expect(400);
      expect(order.body.errors[0].field).toBe('mandateEnd');
      const format = await ctx.http().post(base()).send({ kind: 'working_group', name: 'Bad date', mandateStart: '2026-02-30' }).expect(400);
      expect(format.body.errors.map((e: { field: string }) => e.field)).toContain('mandateStart');
      await ctx.http().post(base()).send({ kind: 'working_group', name: 'Timestamp', mandateStart: '2026-01-01T00:00:00Z' }).expect(400);
    });

    it('refuses unknown fields, unknown kinds and blank names', async () => {
      const res = await ctx.http().post(base()).send({ kind: 'working_group', name: 'Extra', chair: 'someone' }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'chair', rule: 'unknown_field' })]));
      await ctx.http().post(base()).send({ kind: 'committee', name: 'X' }).expect(400);
      await ctx.http().post(base()).send({ kind: 'working_group', name: '' }).expect(400);
      await ctx.http().post(base()).send({ kind: 'working_group', name: '   ' }).expect(400);
    });

    it('refuses a second body with the same name (any case) with a 409', async () => {
      const res = await ctx.http().post(base()).send({ kind: 'thematic_network', name: 'working group on border management' }).expect(409);
      expect(res.body.errors[0].field).toBe('name');
    });

    it('answers 404 for an unknown council and 400 for a malformed id', async () => {
      await ctx.http().post(`/councils/${randomUUID()}/bodies`).send({ kind: 'working_group', name: 'Nowhere' }).expect(403); // nobody holds a role there
      await ctx.http().get(`/councils/${randomUUID()}/bodies`).expect(404);
      await ctx.http().get(`/councils/not-a-uuid/bodies`).expect(400);
      await ctx.http().get(`${base()}/not-a-uuid`).expect(400);
    });
  });

  describe('leads', () => {
    let bodyId: string;
    beforeAll(async () => {
      const res = await ctx.http().post(base()).send({ kind: 'working_group', name: 'Working Group on Labour Migration' }).expect(201);
      bodyId = res.body.id;
    });

    it('adds a lead over [from, until) and shows the dates as YYYY-MM-DD', async () => {
      const audits = await auditRows(ctx, c.id);
      const res = await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: c.mx, from: '2020-01-01', until: '2021-01-01' }).expect(201);
      expect(res.body).toMatchObject({ bodyId, participantId: c.mx, participantName: 'Mexico', from: '2020-01-01', until: '2021-01-01' });
      const [row] = (await ctx.db.query(`SELECT period::text AS period FROM body_leads WHERE id = $1`, [res.body.id])) as { period: string }[];
      expect(row!.period).toBe('[2020-01-01,2021-01-01)');
      expect(await auditRows(ctx, c.id)).toBe(audits + 1);
    });

    it('lets the same participant lead again from the day the last lead ended (half-open periods), open-ended', async () => {
      const res = await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: c.mx, from: '2021-01-01' }).expect(201);
      expect(res.body.until).toBeNull();
    });

    it('refuses an overlapping lead of the same participant with a 409 and writes nothing', async () => {
      const leads = await count(ctx, `SELECT 1 FROM body_leads`);
      const audits = await auditRows(ctx, c.id);
      const res = await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: c.mx, from: '2024-01-01', until: '2025-01-01' }).expect(409);
      expect(res.body).toMatchObject({ code: 'OVERLAP' });
      expect(res.body.errors[0].field).toBe('period');
      expect(await count(ctx, `SELECT 1 FROM body_leads`)).toBe(leads);
      expect(await auditRows(ctx, c.id)).toBe(audits);
    });

    it('lets another participant co-lead over the same period', async () => {
      await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: c.ngo, from: '2024-01-01' }).expect(201);
    });

    it('refuses a participant of another council with a 404, and an unknown one too', async () => {
      const leads = await count(ctx, `SELECT 1 FROM body_leads`);
      await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: other.mx, from: '2024-01-01' }).expect(404);
      await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: randomUUID(), from: '2024-01-01' }).expect(404);
      expect(await count(ctx, `SELECT 1 FROM body_leads`)).toBe(leads);
    });

    it('refuses a body of another council with a 404', async () => {
      const foreign = await ctx.http().post(`/councils/${other.id}/bodies`).send({ kind: 'working_group', name: 'Foreign' }).expect(201);
      await ctx.http().get(`${base()}/${foreign.body.id}`).expect(404);
      await ctx.http().post(`${base()}/${foreign.body.id}/leads`).send({ participantId: c.ca, from: '2024-01-01' }).expect(404);
    });

    it('refuses until not after from, and bad dates', async () => {
      const res = await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: c.ca, from: '2024-01-01', until: '2024-01-01' }).expect(400);
      expect(res.body.errors[0].field).toBe('until');
      await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: c.ca, from: '2024-13-01' }).expect(400);
      await ctx.http().post(`${base()}/${bodyId}/leads`).send({ participantId: c.ca }).expect(400);
    });

    it('lists bodies with their current leads only, and one body with all its leads', async () => {
      const list = await ctx.http().get(base()).expect(200);
      const body = list.body.items.find((b: { id: string }) => b.id === bodyId);
      expect(body.leads.map((l: { participantId: string; from: string }) => [l.participantId, l.from]).sort()).toEqual(
        [
          [c.mx, '2021-01-01'],
          [c.ngo, '2024-01-01'],
        ].sort(),
      );
      const one = await ctx.http().get(`${base()}/${bodyId}`).expect(200);
      expect(one.body.leads).toHaveLength(3);
      expect(one.body.leads[0]).toMatchObject({ from: '2020-01-01', until: '2021-01-01' });
    });

    it('filters the list by kind and status', async () => {
      const tf = await ctx.http().get(`${base()}?kind=task_force`).expect(200);
      expect(tf.body.items.map((b: { kind: string }) => b.kind)).toEqual(['task_force']);
      const closed = await ctx.http().get(`${base()}?status=closed`).expect(200);
      expect(closed.body.items).toEqual([]);
      await ctx.http().get(`${base()}?kind=committee`).expect(400);
      await ctx.http().get(`${base()}?colour=red`).expect(400);
    });

    it('removes a lead with its audit row; removing it again is a 404', async () => {
      const one = await ctx.http().get(`${base()}/${bodyId}`).expect(200);
      const leadId = one.body.leads[0].id;
      const audits = await auditRows(ctx, c.id);
      await ctx.http().delete(`${base()}/${bodyId}/leads/${leadId}`).expect(204);
      expect(await auditRows(ctx, c.id)).toBe(audits + 1);
      const [audit] = (await ctx.db.query(`SELECT action, before FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [leadId])) as {
        action: string;
        before: { from: string };
      }[];
      expect(audit).toMatchObject({ action: 'body_lead.removed', before: { from: '2020-01-01' } });
      await ctx.http().delete(`${base()}/${bodyId}/leads/${leadId}`).expect(404);
    });
  });

  describe('changing', () => {
    let body: { id: string; version: number };
    beforeAll(async () => {
      const res = await ctx.http().post(base()).send({ kind: 'task_force', name: 'Task Force on Narrative', mandateEnd: '2027-06-30' }).expect(201);
      body = res.body;
    });

    it('changes a body with the current version, bumps the version and audits before and after', async () => {
      const audits = await auditRows(ctx, c.id);
      const res = await ctx
        .http()
        .patch(`${base()}/${body.id}`)
        .send({ version: 1, name: 'Task Force on the Public Narrative', description: 'Rec. 12', status: 'closed' })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Task Force on the Public Narrative',
        description: 'Rec. 12',
        status: 'closed',
        version: 2,
        mandateEnd: '2027-06-30',
      });
      expect(await auditRows(ctx, c.id)).toBe(audits + 1);
      const [audit] = (await ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [body.id])) as {
        action: string;
        before: { version: number; status: string };
        after: { version: number; status: string };
      }[];
      expect(audit).toMatchObject({ action: 'body.updated', before: { version: 1, status: 'active' }, after: { version: 2, status: 'closed' } });
    });

    it('refuses a stale version with a 409 and changes nothing', async () => {
      const res = await ctx.http().patch(`${base()}/${body.id}`).send({ version: 1, name: 'Stale' }).expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
      const now = await ctx.http().get(`${base()}/${body.id}`).expect(200);
      expect(now.body).toMatchObject({ name: 'Task Force on the Public Narrative', version: 2 });
    });

    it('refuses to clear the mandate end of a task force, naming mandateEnd', async () => {
      const res = await ctx.http().patch(`${base()}/${body.id}`).send({ version: 2, mandateEnd: null }).expect(400);
      expect(res.body.errors[0].field).toBe('mandateEnd');
    });

    it('refuses a PATCH without version, with unknown fields, with nothing to change, or of another kind', async () => {
      await ctx.http().patch(`${base()}/${body.id}`).send({ name: 'No version' }).expect(400);
      const unknown = await ctx.http().patch(`${base()}/${body.id}`).send({ version: 2, kind: 'working_group' }).expect(400);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'kind', rule: 'unknown_field' });
      await ctx.http().patch(`${base()}/${body.id}`).send({ version: 2 }).expect(400);
      await ctx.http().patch(`${base()}/${body.id}`).send({ version: 2, name: null }).expect(400);
      await ctx.http().patch(`${base()}/${body.id}`).send({ version: 2, status: 'dormant' }).expect(400);
    });

    it('answers 404 for an unknown body or one of another council', async () => {
      await ctx.http().patch(`${base()}/${randomUUID()}`).send({ version: 1, name: 'Ghost' }).expect(404);
      await ctx.http().patch(`/councils/${other.id}/bodies/${body.id}`).send({ version: 2, name: 'Hijack' }).expect(404);
    });
  });
});
