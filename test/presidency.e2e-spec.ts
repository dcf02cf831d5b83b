import { randomBytes, randomUUID } from 'node:crypto';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * The presidency: terms that follow each other without gaps or overlaps, the
 * current holder, the troika, and the projected calendar under both rotation
 * policies. Fixtures go in with direct SQL; every check of a refused change
 * also checks that nothing changed in the database.
 */
describe('presidency', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  async function insertCouncil(opts: { policy?: 'fixed_order' | 'designated'; termMonths?: number } = {}): Promise<string> {
    const slug = `c-${randomBytes(4).toString('hex')}`;
    const rows = (await ctx.db.query(`INSERT INTO councils (slug, name, term_months, rotation_policy) VALUES ($1, $2, $3, $4) RETURNING id`, [
      slug,
      `Council ${slug}`,
      opts.termMonths ?? 24,
      opts.policy ?? 'fixed_order',
    ])) as { id: string }[];
    return rows[0]!.id;
  }

  async function insertMemberState(
    councilId: string,
    name: string,
    isoCode: string,
    position: number,
    status: 'active' | 'suspended' | 'withdrawn' = 'active',
  ): Promise<string> {
    return (await given(ctx).inCouncil(councilId).memberState(name, { iso: isoCode, position, status })).participantId;
  }

  async function insertOther(councilId: string, kind: 'observer' | 'permanent_participant', name: string, category: string): Promise<string> {
    return (await given(ctx).inCouncil(councilId).participant(kind, name, { category })).participantId;
  }

  /** What a refused request must leave untouched: the council's terms and its audit trail. */
  async function snapshot(councilId: string): Promise<{ terms: unknown[]; audit: number }> {
    const terms = (await ctx.db.query(
      `SELECT id, participant_id, lower(period) AS s, upper(period) AS e, source FROM presidency_terms WHERE council_id = $1 ORDER BY lower(period)`,
      [councilId],
    )) as unknown[];
    const [{ n }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE council_id = $1`, [councilId])) as { n: number }[];
    return { terms, audit: n };
  }

  async function auditRows(councilId: string): Promise<{ action: string; entity_type: string; entity_id: string; before: unknown; after: unknown }[]> {
    return (await ctx.db.query(`SELECT action, entity_type, entity_id, before, after FROM audit_log WHERE council_id = $1 ORDER BY id`, [councilId])) as {
      action: string;
      entity_type: string;
      entity_id: string;
      before: unknown;
      after: unknown;
    }[];
  }

  const base = (councilId: string) => `/councils/${councilId}/presidency`;

  describe('a fixed-order council (24-month terms, one state suspended)', () => {
    let councilId: string;
    const ids: Record<string, string> = {};
    let observerId: string;
    let permanentId: string;

    beforeAll(async () => {
      councilId = await insertCouncil();
      ids.A = await insertMemberState(councilId, 'Alpha', 'AA', 1);
      ids.B = await insertMemberState(councilId, 'Bravo', 'BB', 2);
      ids.C = await insertMemberState(councilId, 'Charlie', 'CC', 3, 'suspended');
      ids.D = await insertMemberState(councilId, 'Delta', 'DD', 4);
      ids.E = await insertMemberState(councilId, 'Echo', 'EE', 5, 'withdrawn');
      observerId = await insertOther(councilId, 'observer', 'An IGO', 'intergovernmental');
      permanentId = await insertOther(councilId, 'permanent_participant', 'An Indigenous people', 'indigenous');
    });

    it('requires startsAt for the first term', async () => {
      const before = await snapshot(councilId);
      const res = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.A })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'startsAt', rule: 'required' })]);
      expect(await snapshot(councilId)).toEqual(before);
    });

    it('records the first term, its end defaulting to the council term length, with one audit row', async () => {
      const res = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.A, startsAt: '2090-01-01T00:00:00Z', note: 'first' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        participantId: ids.A,
        holderName: 'Alpha',
        isoCode: 'AA',
        startsAt: '2090-01-01T00:00:00.000Z',
        endsAt: '2092-01-01T00:00:00.000Z',
        source: 'rotation',
        note: 'first',
      });
      const audit = await auditRows(councilId);
      expect(audit).toEqual([{ action: 'presidency_term.created', entity_type: 'presidency_term', entity_id: res.body.id, before: null, after: res.body }]);
    });

    it('appends the next term at the end of the last one when no dates are given', async () => {
      const auditBefore = (await snapshot(councilId)).audit;
      const res = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.B })
        .expect(201);
      expect(res.body).toMatchObject({ participantId: ids.B, startsAt: '2092-01-01T00:00:00.000Z', endsAt: '2094-01-01T00:00:00.000Z' });
      expect((await snapshot(councilId)).audit).toBe(auditBefore + 1);
      const list = await ctx
        .http()
        .get(`${base(councilId)}/terms`)
        .expect(200);
      expect(list.body.items.map((t: { holderName: string }) => t.holderName)).toEqual(['Alpha', 'Bravo']);
    });

    it('refuses an overlapping term with 409 OVERLAP and leaves the database unchanged', async () => {
      const before = await snapshot(councilId);
      const res = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.D, startsAt: '2093-01-01T00:00:00Z', endsAt: '2095-01-01T00:00:00Z' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'OVERLAP', message: 'the term overlaps another presidency term of the council' });
      // Also a term lying entirely inside an existing one.
      await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.D, startsAt: '2090-06-01T00:00:00Z', endsAt: '2090-07-01T00:00:00Z' })
        .expect(409);
      expect(await snapshot(councilId)).toEqual(before);
    });

    it('refuses a gap after the last term or before the first with 409 PRESIDENCY_GAP, unchanged', async () => {
      const before = await snapshot(councilId);
      const after = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.D, startsAt: '2094-02-01T00:00:00Z' })
        .expect(409);
      expect(after.body).toMatchObject({ code: 'PRESIDENCY_GAP', errors: [expect.objectContaining({ field: 'startsAt' })] });
      expect(after.body.message).toContain('2094-01-01T00:00:00.000Z');
      const beforeFirst = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.D, startsAt: '2087-01-01T00:00:00Z', endsAt: '2089-12-31T00:00:00Z' })
        .expect(409);
      expect(beforeFirst.body.code).toBe('PRESIDENCY_GAP');
      expect(await snapshot(councilId)).toEqual(before);
    });

    it('refuses a holder that is not a member state, or not an active one, naming participantId', async () => {
      const before = await snapshot(councilId);
      for (const participantId of [observerId, permanentId]) {
        const res = await ctx
          .http()
          .post(`${base(councilId)}/terms`)
          .send({ participantId })
          .expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'participantId', rule: 'member_state' })]);
      }
      for (const participantId of [ids.C, ids.E]) {
        const res = await ctx
          .http()
          .post(`${base(councilId)}/terms`)
          .send({ participantId, source: 'rotation' })
          .expect(409);
        expect(res.body).toMatchObject({ code: 'HOLDER_NOT_ACTIVE', errors: [expect.objectContaining({ field: 'participantId' })] });
        await ctx
          .http()
          .post(`${base(councilId)}/terms`)
          .send({ participantId, source: 'designated' })
          .expect(409);
      }
      // A participant of another council is not found here.
      const other = await insertCouncil();
      const stranger = await insertMemberState(other, 'Stranger', 'ZZ', 1);
      await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: stranger })
        .expect(404);
      expect(await snapshot(councilId)).toEqual(before);
    });

    it('the database itself refuses a non-member-state holder (composite foreign key)', async () => {
      await expect(
        ctx.db.query(`INSERT INTO presidency_terms (council_id, participant_id, period) VALUES ($1, $2, tstzrange('2094-01-01', '2095-01-01', '[)'))`, [
          councilId,
          observerId,
        ]),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'presidency_terms_holder_is_member_state_fkey' }) });
    });

    it('gives the current holder for instants, a boundary belonging to the incoming term', async () => {
      const at = (iso: string) =>
        ctx
          .http()
          .get(`${base(councilId)}/current`)
          .query({ at: iso });
      expect((await at('2090-01-01T00:00:00Z').expect(200)).body.holderName).toBe('Alpha');
      expect((await at('2091-12-31T23:59:59.999Z').expect(200)).body.holderName).toBe('Alpha');
      expect((await at('2092-01-01T00:00:00Z').expect(200)).body.holderName).toBe('Bravo');
      expect((await at('2092-01-01T01:00:00+01:00').expect(200)).body.holderName).toBe('Bravo');
      expect((await at('2091-12-31T23:30:00-01:00').expect(200)).body.holderName).toBe('Bravo');
      expect((await at('2093-06-15').expect(200)).body).toMatchObject({ holderName: 'Bravo', isoCode: 'BB', endsAt: '2094-01-01T00:00:00.000Z' });
      const after = await at('2094-01-01T00:00:00Z').expect(404);
      expect(after.body.code).toBe('NO_PRESIDENCY');
      expect((await at('2089-12-31T23:59:59Z').expect(404)).body.code).toBe('NO_PRESIDENCY');
      // Default: now, which is long before the first term.
      expect(
        (
          await ctx
            .http()
            .get(`${base(councilId)}/current`)
            .expect(404)
        ).body.code,
      ).toBe('NO_PRESIDENCY');
    });

    it('gives the troika, projecting the next holder past the suspended and withdrawn states', async () => {
      const first = await ctx
        .http()
        .get(`${base(councilId)}/troika`)
        .query({ at: '2091-01-01T00:00:00Z' })
        .expect(200);
      expect(first.body.previous).toBeNull();
      expect(first.body.current).toMatchObject({ holderName: 'Alpha', projected: false });
      expect(first.body.next).toMatchObject({ holderName: 'Bravo', projected: false, startsAt: '2092-01-01T00:00:00.000Z' });

      const second = await ctx
        .http()
        .get(`${base(councilId)}/troika`)
        .query({ at: '2093-01-01T00:00:00Z' })
        .expect(200);
      expect(second.body).toEqual({
        at: '2093-01-01T00:00:00.000Z',
        previous: expect.objectContaining({ holderName: 'Alpha', projected: false }),
        current: expect.objectContaining({ holderName: 'Bravo', projected: false }),
        next: {
          id: null,
          participantId: ids.D,
          holderName: 'Delta',
          isoCode: 'DD',
          startsAt: '2094-01-01T00:00:00.000Z',
          endsAt: '2096-01-01T00:00:00.000Z',
          source: null,
          note: null,
          projected: true,
          toBeDesignated: false,
        },
      });
    });

    it('projects the schedule: recorded terms, then the rotation order skipping C and E and wrapping around', async () => {
      const res = await ctx
        .http()
        .get(`${base(councilId)}/schedule`)
        .query({ at: '2089-01-01T00:00:00Z' })
        .expect(200);
      expect(res.body.rotationPolicy).toBe('fixed_order');
      expect(res.body.items.map((e: { isoCode: string; projected: boolean; startsAt: string }) => [e.isoCode, e.projected, e.startsAt.slice(0, 4)])).toEqual([
        ['AA', false, '2090'],
        ['BB', false, '2092'],
        ['DD', true, '2094'],
        ['AA', true, '2096'],
        ['BB', true, '2098'],
        ['DD', true, '2100'],
      ]);
      const three = await ctx
        .http()
        .get(`${base(councilId)}/schedule`)
        .query({ count: 3, at: '2092-06-01T00:00:00Z' })
        .expect(200);
      expect(three.body.items.map((e: { isoCode: string }) => e.isoCode)).toEqual(['BB', 'DD', 'AA']);
      // Default instant is now: both recorded terms are still ahead.
      const now = await ctx
        .http()
        .get(`${base(councilId)}/schedule`)
        .query({ count: 2 })
        .expect(200);
      expect(now.body.items.map((e: { isoCode: string }) => e.isoCode)).toEqual(['AA', 'BB']);
    });

    it('deletes only the last term, audited; an earlier one is refused', async () => {
      const list = (
        await ctx
          .http()
          .get(`${base(councilId)}/terms`)
          .expect(200)
      ).body.items as { id: string }[];
      const before = await snapshot(councilId);
      const notLast = await ctx
        .http()
        .delete(`${base(councilId)}/terms/${list[0]!.id}`)
        .expect(409);
      expect(notLast.body.code).toBe('PRESIDENCY_TERM_NOT_LAST');
      expect(await snapshot(councilId)).toEqual(before);

      await ctx
        .http()
        .delete(`${base(councilId)}/terms/${list[1]!.id}`)
        .expect(204);
      const after = await snapshot(councilId);
      expect(after.terms).toHaveLength(1);
      expect(after.audit).toBe(before.audit + 1);
      const last = (await auditRows(councilId)).at(-1)!;
      expect(last).toMatchObject({
        action: 'presidency_term.deleted',
        entity_id: list[1]!.id,
        after: null,
        before: expect.objectContaining({ holderName: 'Bravo' }),
      });

      await ctx
        .http()
        .delete(`${base(councilId)}/terms/${list[1]!.id}`)
        .expect(404);
      await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.B })
        .expect(201);
    });

    it('serialises concurrent appends: both land, one after the other', async () => {
      const before = await snapshot(councilId);
      const results = await Promise.all(
        [ids.D, ids.A].map((participantId) =>
          ctx
            .http()
            .post(`${base(councilId)}/terms`)
            .send({ participantId }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      const starts = results.map((r) => r.body.startsAt as string).sort();
      expect(starts).toEqual(['2094-01-01T00:00:00.000Z', '2096-01-01T00:00:00.000Z']);
      const after = await snapshot(councilId);
      expect(after.terms).toHaveLength(before.terms.length + 2);
      expect(after.audit).toBe(before.audit + 2);
    });
  });

  describe('history entered by prepending (the Arctic Council)', () => {
    let councilId: string;
    const ids: Record<string, string> = {};
    const states: [string, string][] = [
      ['CA', 'Canada'],
      ['US', 'United States'],
      ['FI', 'Finland'],
      ['IS', 'Iceland'],
      ['RU', 'Russia'],
      ['NO', 'Norway'],
      ['DK', 'Denmark'],
      ['SE', 'Sweden'],
    ];

    beforeAll(async () => {
      councilId = await insertCouncil();
      for (const [i, [iso, name]] of states.entries()) ids[iso] = await insertMemberState(councilId, name, iso, i + 1, iso === 'RU' ? 'suspended' : 'active');
    });

    it('takes the latest term with explicit dates, then earlier ones prepended, irregular lengths included', async () => {
      const post = (iso: string, startsAt: string, endsAt: string, source = 'historical') =>
        ctx
          .http()
          .post(`${base(councilId)}/terms`)
          .send({ participantId: ids[iso], startsAt, endsAt, source });
      await post('CA', '2013-05-15', '2015-04-24').expect(201);
      const history: [string, string, string][] = [
        ['SE', '2011-05-12', '2013-05-15'],
        ['DK', '2009-04-29', '2011-05-12'],
        ['NO', '2006-10-26', '2009-04-29'],
        ['RU', '2004-11-24', '2006-10-26'], // suspended today, but a historical term may name it
        ['IS', '2002-10-10', '2004-11-24'],
        ['FI', '2000-10-13', '2002-10-10'],
        ['US', '1998-09-18', '2000-10-13'],
        ['CA', '1996-09-19', '1998-09-18'],
      ];
      const before = await snapshot(councilId);
      for (const [iso, s, e] of history) await post(iso, s, e).expect(201);
      expect((await snapshot(councilId)).audit).toBe(before.audit + history.length);

      const list = await ctx
        .http()
        .get(`${base(councilId)}/terms`)
        .expect(200);
      expect(list.body.items.map((t: { isoCode: string; startsAt: string; source: string }) => [t.isoCode, t.startsAt.slice(0, 10), t.source])).toEqual(
        [...history]
          .reverse()
          .map(([iso, s]) => [iso, s, 'historical'])
          .concat([['CA', '2013-05-15', 'historical']]),
      );
    });

    it('refuses a suspended state for a new (non-historical) term, even when prepending', async () => {
      const before = await snapshot(councilId);
      const res = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: ids.RU, startsAt: '1994-09-19', endsAt: '1996-09-19', source: 'rotation' })
        .expect(409);
      expect(res.body.code).toBe('HOLDER_NOT_ACTIVE');
      expect(await snapshot(councilId)).toEqual(before);
    });

    it('gives the troika during Norway’s longer term and at a handover instant', async () => {
      const norway = await ctx
        .http()
        .get(`${base(councilId)}/troika`)
        .query({ at: '2008-01-01T00:00:00Z' })
        .expect(200);
      expect([norway.body.previous.isoCode, norway.body.current.isoCode, norway.body.next.isoCode]).toEqual(['RU', 'NO', 'DK']);
      const handover = await ctx
        .http()
        .get(`${base(councilId)}/troika`)
        .query({ at: '2009-04-29T00:00:00Z' })
        .expect(200);
      expect([handover.body.previous.isoCode, handover.body.current.isoCode, handover.body.next.isoCode]).toEqual(['NO', 'DK', 'SE']);
      const canada = await ctx
        .http()
        .get(`${base(councilId)}/troika`)
        .query({ at: '2014-01-01T00:00:00Z' })
        .expect(200);
      expect(canada.body.next).toMatchObject({ isoCode: 'US', projected: true, startsAt: '2015-04-24T00:00:00.000Z', endsAt: '2017-04-24T00:00:00.000Z' });
    });

    it('projects past the suspended state in the schedule', async () => {
      const res = await ctx
        .http()
        .get(`${base(councilId)}/schedule`)
        .query({ at: '2015-01-01T00:00:00Z', count: 6 })
        .expect(200);
      expect(res.body.items.map((e: { isoCode: string }) => e.isoCode)).toEqual(['CA', 'US', 'FI', 'IS', 'NO', 'DK']);
    });

    it('refuses to delete a term that has started', async () => {
      const list = (
        await ctx
          .http()
          .get(`${base(councilId)}/terms`)
          .expect(200)
      ).body.items as { id: string }[];
      const before = await snapshot(councilId);
      const res = await ctx
        .http()
        .delete(`${base(councilId)}/terms/${list.at(-1)!.id}`)
        .expect(409);
      expect(res.body.code).toBe('PRESIDENCY_TERM_STARTED');
      expect(await snapshot(councilId)).toEqual(before);
    });
  });

  describe('a designated-policy council (12-month terms)', () => {
    let councilId: string;
    let holder: string;

    beforeAll(async () => {
      councilId = await insertCouncil({ policy: 'designated', termMonths: 12 });
      holder = await insertMemberState(councilId, 'Guatemala', 'GT', 1);
      await insertMemberState(councilId, 'Honduras', 'HN', 2);
    });

    it('month-end start: the default end is clamped to the month end', async () => {
      const res = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: holder, startsAt: '2092-02-29T00:00:00Z', source: 'designated' })
        .expect(201);
      expect(res.body).toMatchObject({ startsAt: '2092-02-29T00:00:00.000Z', endsAt: '2093-02-28T00:00:00.000Z', source: 'designated' });
    });

    it('projects entries with holder null and never picks one silently', async () => {
      const schedule = await ctx
        .http()
        .get(`${base(councilId)}/schedule`)
        .query({ count: 3 })
        .expect(200);
      expect(schedule.body.rotationPolicy).toBe('designated');
      expect(schedule.body.items[0]).toMatchObject({ holderName: 'Guatemala', projected: false, toBeDesignated: false });
      expect(schedule.body.items.slice(1)).toEqual([
        expect.objectContaining({ participantId: null, holderName: null, projected: true, toBeDesignated: true, startsAt: '2093-02-28T00:00:00.000Z' }),
        expect.objectContaining({ participantId: null, holderName: null, projected: true, toBeDesignated: true, endsAt: '2095-02-28T00:00:00.000Z' }),
      ]);
      const troika = await ctx
        .http()
        .get(`${base(councilId)}/troika`)
        .query({ at: '2092-06-01T00:00:00Z' })
        .expect(200);
      expect(troika.body.current).toMatchObject({ holderName: 'Guatemala' });
      expect(troika.body.next).toBeNull();
    });
  });

  describe('bad input and unknown councils', () => {
    let councilId: string;
    let stateId: string;
    beforeAll(async () => {
      councilId = await insertCouncil();
      stateId = await insertMemberState(councilId, 'Mexico', 'MX', 1);
      await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: stateId, startsAt: '2090-01-01T00:00:00Z' })
        .expect(201);
    });

    const fieldsOf = (body: { errors?: { field: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.field))];

    it('names the field of a malformed id, a bad date, an unknown field or a bad count', async () => {
      const before = await snapshot(councilId);
      expect(fieldsOf((await ctx.http().get('/councils/not-a-uuid/presidency/terms').expect(400)).body)).toEqual(['councilId']);
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .delete(`${base(councilId)}/terms/nope`)
              .expect(400)
          ).body,
        ),
      ).toEqual(['termId']);
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .post(`${base(councilId)}/terms`)
              .send({ participantId: 'nope' })
              .expect(400)
          ).body,
        ),
      ).toEqual(['participantId']);
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .post(`${base(councilId)}/terms`)
              .send({})
              .expect(400)
          ).body,
        ),
      ).toEqual(['participantId']);

      const backwards = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: stateId, startsAt: '2092-01-01T00:00:00Z', endsAt: '2091-01-01T00:00:00Z' })
        .expect(400);
      expect(fieldsOf(backwards.body)).toEqual(['endsAt']);
      const empty = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: stateId, endsAt: '2092-01-01T00:00:00Z' })
        .expect(400);
      expect(fieldsOf(empty.body)).toEqual(['endsAt']);

      const unknown = await ctx
        .http()
        .post(`${base(councilId)}/terms`)
        .send({ participantId: stateId, colour: 'blue' })
        .expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'colour', rule: 'unknown_field' })]);
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .post(`${base(councilId)}/terms`)
              .send({ participantId: stateId, source: 'extension' })
              .expect(400)
          ).body,
        ),
      ).toEqual(['source']);
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .post(`${base(councilId)}/terms`)
              .send({ participantId: stateId, startsAt: '2092-13-01' })
              .expect(400)
          ).body,
        ),
      ).toContain('startsAt');
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .post(`${base(councilId)}/terms`)
              .send({ participantId: stateId, startsAt: '2092-01-01T00:00:00' })
              .expect(400)
          ).body,
        ),
      ).toEqual(['startsAt']);

      for (const count of ['0', '51', '2.5', 'many']) {
        expect(
          fieldsOf(
            (
              await ctx
                .http()
                .get(`${base(councilId)}/schedule`)
                .query({ count })
                .expect(400)
            ).body,
          ),
        ).toContain('count');
      }
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .get(`${base(councilId)}/current`)
              .query({ at: 'yesterday' })
              .expect(400)
          ).body,
        ),
      ).toEqual(['at']);
      expect(
        fieldsOf(
          (
            await ctx
              .http()
              .get(`${base(councilId)}/troika`)
              .query({ at: '2090-01-01', extra: 1 })
              .expect(400)
          ).body,
        ),
      ).toEqual(['extra']);
      expect(await snapshot(councilId)).toEqual(before);
    });

    it('answers 404 for reads of an unknown council, 403 for changes there (nobody holds a role in it), and 404 for a term of another council', async () => {
      const missing = randomUUID();
      for (const path of ['terms', 'current', 'troika', 'schedule']) {
        const res = await ctx
          .http()
          .get(`${base(missing)}/${path}`)
          .expect(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      await ctx
        .http()
        .post(`${base(missing)}/terms`)
        .send({ participantId: stateId, startsAt: '2090-01-01T00:00:00Z' })
        .expect(403);
      const term = (
        await ctx
          .http()
          .get(`${base(councilId)}/terms`)
          .expect(200)
      ).body.items[0] as { id: string };
      await ctx
        .http()
        .delete(`${base(missing)}/terms/${term.id}`)
        .expect(403);
      const other = await insertCouncil();
      await ctx
        .http()
        .delete(`${base(other)}/terms/${term.id}`)
        .expect(404);
      expect(
        (
          await ctx
            .http()
            .get(`${base(other)}/terms`)
            .expect(200)
        ).body,
      ).toEqual({ items: [] });
      expect(
        (
          await ctx
            .http()
            .get(`${base(other)}/schedule`)
            .expect(200)
        ).body.items,
      ).toEqual([]);
    });
  });
});
