import { randomUUID } from 'node:crypto';
import { delegateOf, secretariat } from './support/actors.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface AuditRow {
  id: string;
  council_id: string | null;
  actor_id: string | null;
  actor_delegation_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface Entry {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorDelegationId: string | null;
  requestId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('audit trail', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const auditCount = async (): Promise<number> => ((await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[])[0]!.n;
  const maxAuditId = async (): Promise<string> => ((await ctx.db.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`)) as { id: string }[])[0]!.id;
  const rowsAfter = async (id: string): Promise<AuditRow[]> =>
    (await ctx.db.query(`SELECT a.*, a.id::text AS id FROM audit_log a WHERE a.id > $1::bigint ORDER BY a.id`, [id])) as AuditRow[];

  async function newCouncil(): Promise<string> {
    const res = await ctx
      .http()
      .post('/councils')
      .send({ slug: `a-${randomUUID().slice(0, 8)}`, name: `Council ${randomUUID()}`, workingLanguages: ['es', 'en'], timeZone: 'UTC' })
      .expect(201);
    return res.body.id;
  }

  async function newMemberState(councilId: string, name: string, isoCode: string): Promise<{ participantId: string; delegationId: string }> {
    const p = await ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name, isoCode }).expect(201);
    const [d] = (await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [p.body.id])) as { id: string }[];
    return { participantId: p.body.id, delegationId: d!.id };
  }

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
    await ctx
      .http()
      .post('/councils')
      .send({ slug: 'audit-council', name: 'Again', workingLanguages: ['en'], timeZone: 'UTC' })
      .expect(409);
    const after = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[];
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  describe('the actor', () => {
    it('is the signed-in user, with no delegation, for a secretariat change', async () => {
      const councilId = await newCouncil();
      const officer = await secretariat(ctx, councilId);
      const mark = await maxAuditId();
      await ctx.anonymous().patch(`/councils/${councilId}`).set(officer.auth).send({ version: 1, name: 'Renamed by the secretariat' }).expect(200);
      const rows = await rowsAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'council.updated', council_id: councilId, actor_id: officer.userId, actor_delegation_id: null });
    });

    it('is the delegate and their delegation for a delegate’s change of their own delegation', async () => {
      const councilId = await newCouncil();
      const { delegationId } = await newMemberState(councilId, 'Honduras', 'HN');
      const delegate = await delegateOf(ctx, councilId, delegationId, 'head');
      const mark = await maxAuditId();
      await ctx
        .anonymous()
        .patch(`/councils/${councilId}/delegations/${delegationId}`)
        .set(delegate.auth)
        .set('x-request-id', 'delegate-own-change')
        .send({ version: 1, contactEmail: 'mission@sre.gob.hn' })
        .expect(200);
      const rows = await rowsAfter(mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        council_id: councilId,
        action: 'delegation.updated',
        entity_type: 'delegation',
        entity_id: delegationId,
        actor_id: delegate.userId,
        actor_delegation_id: delegationId,
        request_id: 'delegate-own-change',
      });
      expect(rows[0]!.before).toMatchObject({ contactEmail: null });
      expect(rows[0]!.after).toMatchObject({ contactEmail: 'mission@sre.gob.hn' });
    });
  });

  describe('one audit row per successful change', () => {
    let councilId: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      councilId = await newCouncil();
    });

    /** Runs the request and returns the audit rows it wrote. */
    async function change(run: () => PromiseLike<{ status: number; body: Record<string, unknown> }>, status: number) {
      const mark = await maxAuditId();
      const res = await run();
      expect(res.status).toBe(status);
      return { res, rows: await rowsAfter(mark) };
    }

    const expectOne = (rows: AuditRow[], action: string, entityType: string, entityId: string) => {
      expect(rows.map((r) => [r.action, r.entity_type, r.entity_id, r.council_id])).toEqual([[action, entityType, entityId, councilId]]);
      expect(rows[0]!.actor_id).toBe(ctx.operator.userId);
      expect(rows[0]!.request_id).toEqual(expect.any(String));
    };

    it('councils: create and update', async () => {
      const created = await change(
        () =>
          ctx
            .http()
            .post('/councils')
            .send({ slug: `b-${randomUUID().slice(0, 8)}`, name: 'Another', workingLanguages: ['en'], timeZone: 'UTC' }),
        201,
      );
      expect(created.rows.map((r) => [r.action, r.entity_id, r.council_id])).toEqual([['council.created', created.res.body.id, created.res.body.id]]);
      const updated = await change(() => ctx.http().patch(`/councils/${councilId}`).send({ version: 1, termMonths: 12 }), 200);
      expectOne(updated.rows, 'council.updated', 'council', councilId);
      expect(updated.rows[0]!.before).toMatchObject({ termMonths: 24 });
      expect(updated.rows[0]!.after).toMatchObject({ termMonths: 12 });
    });

    it('participants: creating one writes two rows (the participant and its delegation); an update writes one', async () => {
      const created = await change(
        () => ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name: 'Guatemala', isoCode: 'GT' }),
        201,
      );
      ids.participant = created.res.body.id as string;
      const [d] = (await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [ids.participant])) as { id: string }[];
      ids.delegation = d!.id;
      expect(created.rows.map((r) => [r.action, r.entity_type, r.entity_id])).toEqual([
        ['participant.created', 'participant', ids.participant],
        ['delegation.created', 'delegation', ids.delegation],
      ]);
      expect(created.rows.every((r) => r.council_id === councilId && r.actor_id === ctx.operator.userId)).toBe(true);
      expect(new Set(created.rows.map((r) => r.request_id)).size).toBe(1);

      const updated = await change(
        () => ctx.http().patch(`/councils/${councilId}/participants/${ids.participant}`).send({ version: 1, timeZone: 'America/Guatemala' }),
        200,
      );
      expectOne(updated.rows, 'participant.updated', 'participant', ids.participant);
    });

    it('delegations and delegates', async () => {
      const delegation = await change(
        () => ctx.http().patch(`/councils/${councilId}/delegations/${ids.delegation}`).send({ version: 1, name: 'Guatemalan delegation' }),
        200,
      );
      expectOne(delegation.rows, 'delegation.updated', 'delegation', ids.delegation!);

      const url = `/councils/${councilId}/delegations/${ids.delegation}/delegates`;
      const created = await change(() => ctx.http().post(url).send({ fullName: 'María López', email: 'maria@minex.gob.gt', role: 'head' }), 201);
      const delegateId = created.res.body.id as string;
      expectOne(created.rows, 'delegate.created', 'delegate', delegateId);
      const updated = await change(() => ctx.http().patch(`${url}/${delegateId}`).send({ version: 1, preferredLanguage: 'es' }), 200);
      expectOne(updated.rows, 'delegate.updated', 'delegate', delegateId);
      const removed = await change(() => ctx.http().delete(`${url}/${delegateId}`), 200);
      expectOne(removed.rows, 'delegate.deactivated', 'delegate', delegateId);
    });

    it('bodies and their leads', async () => {
      const created = await change(
        () => ctx.http().post(`/councils/${councilId}/bodies`).send({ kind: 'working_group', name: 'Working Group on Labour Migration' }),
        201,
      );
      const bodyId = created.res.body.id as string;
      expectOne(created.rows, 'body.created', 'body', bodyId);
      const updated = await change(() => ctx.http().patch(`/councils/${councilId}/bodies/${bodyId}`).send({ version: 1, description: 'Labour mobility' }), 200);
      expectOne(updated.rows, 'body.updated', 'body', bodyId);

      const lead = await change(
        () => ctx.http().post(`/councils/${councilId}/bodies/${bodyId}/leads`).send({ participantId: ids.participant, from: '2026-01-01' }),
        201,
      );
      const leadId = lead.res.body.id as string;
      expectOne(lead.rows, 'body_lead.added', 'body_lead', leadId);
      const removed = await change(() => ctx.http().delete(`/councils/${councilId}/bodies/${bodyId}/leads/${leadId}`), 204);
      expectOne(removed.rows, 'body_lead.removed', 'body_lead', leadId);
    });

    it('focus areas and recommendations', async () => {
      const area = await change(() => ctx.http().post(`/councils/${councilId}/focus-areas`).send({ code: 'A', title: 'A regional approach' }), 201);
      const focusAreaId = area.res.body.id as string;
      expectOne(area.rows, 'focus_area.created', 'focus_area', focusAreaId);
      const created = await change(
        () =>
          ctx
            .http()
            .post(`/councils/${councilId}/recommendations`)
            .send({ focusAreaId, number: 1, title: 'Protect migrant workers', body: 'The council recommends…' }),
        201,
      );
      const recommendationId = created.res.body.id as string;
      expectOne(created.rows, 'recommendation.created', 'recommendation', recommendationId);
      const updated = await change(
        () => ctx.http().patch(`/councils/${councilId}/recommendations/${recommendationId}`).send({ version: 1, title: 'Protect all migrant workers' }),
        200,
      );
      expectOne(updated.rows, 'recommendation.updated', 'recommendation', recommendationId);
    });

    it('presidency terms', async () => {
      const startsAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
      const created = await change(() => ctx.http().post(`/councils/${councilId}/presidency/terms`).send({ participantId: ids.participant, startsAt }), 201);
      const termId = created.res.body.id as string;
      expectOne(created.rows, 'presidency_term.created', 'presidency_term', termId);
      const removed = await change(() => ctx.http().delete(`/councils/${councilId}/presidency/terms/${termId}`), 204);
      expectOne(removed.rows, 'presidency_term.deleted', 'presidency_term', termId);
      expect(removed.rows[0]!.after).toBeNull();
      expect(removed.rows[0]!.before).toMatchObject({ id: termId });
    });
  });

  it('leaves neither the change nor its audit row when the transaction fails halfway', async () => {
    const councilId = await newCouncil();
    await ctx.db.query(`
      CREATE FUNCTION test_refuse_delegation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'test: delegations refused';
      END $$`);
    await ctx.db.query(`CREATE TRIGGER test_refuse_delegation BEFORE INSERT ON delegations FOR EACH ROW EXECUTE FUNCTION test_refuse_delegation()`);
    try {
      const audit = await auditCount();
      // The participant row and its audit row are written before the delegation insert fails.
      const res = await ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name: 'Belize', isoCode: 'BZ' }).timeout(10_000);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body).toMatchObject({ statusCode: res.status, code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toContain('delegations refused'); // no internals leak
      expect(await ctx.db.query(`SELECT id FROM participants WHERE council_id = $1`, [councilId])).toEqual([]);
      expect(await auditCount()).toBe(audit);
    } finally {
      await ctx.db.query(`DROP TRIGGER test_refuse_delegation ON delegations`);
      await ctx.db.query(`DROP FUNCTION test_refuse_delegation()`);
    }
    // The council is not left locked: the same change goes through once the trigger is gone.
    await ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name: 'Belize', isoCode: 'BZ' }).timeout(10_000).expect(201);
  });

  describe('GET /councils/:councilId/audit', () => {
    let councilId: string;
    let otherCouncilId: string;
    let officer: Awaited<ReturnType<typeof secretariat>>;
    let participantId: string;
    const url = () => `/councils/${councilId}/audit`;

    beforeAll(async () => {
      councilId = await newCouncil();
      otherCouncilId = await newCouncil();
      officer = await secretariat(ctx, councilId);
      // council.created, then 3 × (participant.created + delegation.created), then participant.updated by the officer
      participantId = (await newMemberState(councilId, 'Costa Rica', 'CR')).participantId;
      await newMemberState(councilId, 'Panama', 'PA');
      await newMemberState(councilId, 'El Salvador', 'SV');
      await ctx
        .anonymous()
        .patch(`/councils/${councilId}/participants/${participantId}`)
        .set(officer.auth)
        .send({ version: 1, timeZone: 'America/Costa_Rica' })
        .expect(200);
      await newMemberState(otherCouncilId, 'Colombia', 'CO');
    });

    const all = async (): Promise<Entry[]> => (await ctx.http().get(`${url()}?limit=200`).expect(200)).body.items;

    it('lists the council’s changes newest first, with their actor, request id and before/after', async () => {
      const res = await ctx.anonymous().get(url()).set(officer.auth).expect(200);
      const items = res.body.items as Entry[];
      expect(res.body.nextCursor).toBeNull();
      expect(items.map((i) => i.action)).toEqual([
        'participant.updated',
        'delegation.created',
        'participant.created',
        'delegation.created',
        'participant.created',
        'delegation.created',
        'participant.created',
        'council.created',
      ]);
      const ids = items.map((i) => BigInt(i.id));
      expect([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(ids);
      expect(Object.keys(items[0]!).sort()).toEqual(
        ['id', 'at', 'action', 'entityType', 'entityId', 'actorId', 'actorDelegationId', 'requestId', 'before', 'after'].sort(),
      );
      expect(items[0]).toMatchObject({
        action: 'participant.updated',
        entityType: 'participant',
        entityId: participantId,
        actorId: officer.userId,
        actorDelegationId: null,
        requestId: expect.any(String),
        before: expect.objectContaining({ timeZone: null }),
        after: expect.objectContaining({ timeZone: 'America/Costa_Rica' }),
      });
      expect(new Date(items[0]!.at).toISOString()).toBe(items[0]!.at);
      expect(items[items.length - 1]).toMatchObject({ action: 'council.created', entityId: councilId, before: null });
    });

    it('never returns rows of another council', async () => {
      const items = await all();
      const [{ n }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE council_id = $1`, [councilId])) as { n: number }[];
      expect(items).toHaveLength(n);
      expect(items.some((i) => i.after?.name === 'Colombia')).toBe(false);
      const other = (await ctx.http().get(`/councils/${otherCouncilId}/audit`).expect(200)).body.items as Entry[];
      expect(other.map((i) => i.action)).toEqual(['delegation.created', 'participant.created', 'council.created']);
    });

    it('filters by entityType, entityId, action, actorId and time', async () => {
      const get = async (q: string) => ((await ctx.http().get(`${url()}?${q}`).expect(200)).body.items as Entry[]).map((i) => i.action);
      expect(await get('entityType=delegation')).toEqual(['delegation.created', 'delegation.created', 'delegation.created']);
      expect(await get(`entityType=participant&entityId=${participantId}`)).toEqual(['participant.updated', 'participant.created']);
      expect(await get('action=participant.created')).toHaveLength(3);
      expect(await get(`actorId=${officer.userId}`)).toEqual(['participant.updated']);
      expect(await get(`actorId=${ctx.operator.userId}`)).toHaveLength(7);
      expect(await get(`action=no.such.action`)).toEqual([]);

      const items = await all();
      const oldest = items[items.length - 1]!.at;
      const newest = items[0]!.at;
      expect(await get(`from=${encodeURIComponent(oldest)}`)).toHaveLength(items.length);
      expect(await get(`to=${encodeURIComponent(oldest)}`)).toEqual([]);
      const after = new Date(new Date(newest).getTime() + 1).toISOString();
      expect(await get(`from=${encodeURIComponent(after)}`)).toEqual([]);
      expect(await get(`from=${encodeURIComponent(oldest)}&to=${encodeURIComponent(after)}`)).toHaveLength(items.length);
      expect(await get(`from=${encodeURIComponent('2000-01-01T00:00:00+02:00')}&action=council.created`)).toEqual(['council.created']);
    });

    it('pages with limit and cursor, without gaps or repeats', async () => {
      const everything = await all();
      const seen: Entry[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = cursor ? `limit=3&cursor=${cursor}` : 'limit=3';
        const res = await ctx.http().get(`${url()}?${q}`).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...(res.body.items as Entry[]));
        cursor = res.body.nextCursor as string | null;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3); // 8 rows: 3 + 3 + 2
      expect(seen.map((i) => i.id)).toEqual(everything.map((i) => i.id));

      // An exact fit: the last page says there is no next one.
      const exact = await ctx.http().get(`${url()}?limit=${everything.length}`).expect(200);
      expect(exact.body.nextCursor).toBeNull();
      // Filters and paging combine.
      const first = await ctx.http().get(`${url()}?entityType=delegation&limit=2`).expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await ctx.http().get(`${url()}?entityType=delegation&limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
    });

    it('defaults to 50 per page and accepts 200', async () => {
      const mark = await maxAuditId();
      // 60 audit rows of this council straight in the table (the log is append-only: INSERT is allowed).
      await ctx.db.query(
        `INSERT INTO audit_log (council_id, action, entity_type, entity_id) SELECT $1, 'test.bulk', 'test', g::text FROM generate_series(1, 60) g`,
        [councilId],
      );
      const res = await ctx.http().get(`${url()}?action=test.bulk`).expect(200);
      expect(res.body.items).toHaveLength(50);
      expect(res.body.nextCursor).toBe(res.body.items[49].id);
      // Numeric order, not text order ("100" after "99").
      const ids = (res.body.items as Entry[]).map((i) => BigInt(i.id));
      expect(ids.every((id, k) => k === 0 || id < ids[k - 1]!)).toBe(true);
      expect(BigInt(res.body.items[0].id)).toBeGreaterThan(BigInt(mark));
      const rest = await ctx.http().get(`${url()}?action=test.bulk&cursor=${res.body.nextCursor}`).expect(200);
      expect(rest.body.items).toHaveLength(10);
      expect(rest.body.nextCursor).toBeNull();
      expect((await ctx.http().get(`${url()}?limit=200`).expect(200)).body.items).toHaveLength(68);
    });

    it('refuses bad paging and filters with a 400 naming the field', async () => {
      const fieldOf = async (q: string) => {
        const res = await ctx.http().get(`${url()}?${q}`).expect(400);
        return (res.body.errors as { field: string }[]).map((e) => e.field);
      };
      expect(await fieldOf('limit=201')).toEqual(['limit']);
      expect(await fieldOf('limit=0')).toEqual(['limit']);
      expect(await fieldOf('limit=abc')).toContain('limit');
      expect(await fieldOf('limit=2.5')).toContain('limit');
      expect(await fieldOf('cursor=abc')).toEqual(['cursor']);
      expect(await fieldOf('cursor=99999999999999999999')).toEqual(['cursor']);
      expect(await fieldOf('actorId=nope')).toEqual(['actorId']);
      expect(await fieldOf('from=yesterday')).toContain('from');
      expect(await fieldOf('from=2026-01-01T00:00:00')).toEqual(['from']); // no offset: ambiguous
      expect(await fieldOf('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).toEqual(['to']);
      expect(await fieldOf('sort=asc')).toEqual(['sort']);
      const res = await ctx.http().get(`${url()}?limit=500`).expect(400);
      expect(res.body.message).toMatch(/limit/);
    });

    it('is for the council’s secretariat and administrators only', async () => {
      const { delegationId } = await newMemberState(otherCouncilId, 'Ecuador', 'EC');
      const delegate = await delegateOf(ctx, otherCouncilId, delegationId);
      const otherOfficer = await secretariat(ctx, otherCouncilId);
      const { admin } = await import('./support/actors.js');
      const administrator = await admin(ctx);

      await ctx.anonymous().get(url()).expect(401);
      const forbidden = await ctx.anonymous().get(url()).set(otherOfficer.auth).expect(403);
      expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'audit.read' } });
      await ctx.anonymous().get(`/councils/${otherCouncilId}/audit`).set(delegate.auth).expect(403);
      await ctx.anonymous().get(`/councils/${otherCouncilId}/audit`).set(otherOfficer.auth).expect(200);
      await ctx.anonymous().get(url()).set(administrator.auth).expect(200);
    });

    it('answers 404 for an unknown council and 400 for a malformed id', async () => {
      await ctx.http().get(`/councils/${randomUUID()}/audit`).expect(404);
      await ctx.http().get('/councils/not-a-uuid/audit').expect(400);
    });

    it('reads through the (council_id, id DESC) index', async () => {
      await ctx.db.transaction(async (em) => {
        await em.query(`SET LOCAL enable_seqscan = off`);
        await em.query(`SET LOCAL enable_bitmapscan = off`);
        const plan = (await em.query(
          `EXPLAIN SELECT id::text AS id, at, action FROM audit_log WHERE council_id = $1 AND id < $2::bigint ORDER BY audit_log.id DESC LIMIT 51`,
          [councilId, '1000'],
        )) as {
          'QUERY PLAN': string;
        }[];
        expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/audit_log_council_id_idx/);
      });
    });
  });

  describe('the application’s database role cannot rewrite history', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of audit_log', async () => {
      await newCouncil();
      const n = await auditCount();
      expect(n).toBeGreaterThan(0);
      await expect(ctx.db.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(ctx.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(ctx.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
      expect(await auditCount()).toBe(n);
      expect(await ctx.db.query(`SELECT 1 FROM audit_log WHERE action = 'forged'`)).toEqual([]);
    });
  });
});
