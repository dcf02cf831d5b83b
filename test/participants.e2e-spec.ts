import { randomUUID } from 'node:crypto';
import { PARTICIPANT_BY_ID_SQL } from '../src/modules/participants/participants.repository.js';
import { createTestContext, type TestContext } from './support/test-app.js';

interface Participant {
  id: string;
  councilId: string;
  kind: string;
  name: string;
  isoCode: string | null;
  category: string | null;
  rotationPosition: number | null;
  status: string;
  timeZone: string | null;
  version: number;
}

describe('participants', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  async function newCouncil(): Promise<string> {
    const res = await ctx
      .http()
      .post('/councils')
      .send({ slug: `c-${randomUUID().slice(0, 8)}`, name: `Council ${randomUUID()}`, workingLanguages: ['es', 'en'], timeZone: 'UTC' })
      .expect(201);
    return res.body.id;
  }

  const url = (councilId: string, rest = '') => `/councils/${councilId}/participants${rest}`;

  async function add(councilId: string, body: Record<string, unknown>): Promise<Participant> {
    return (await ctx.http().post(url(councilId)).send(body).expect(201)).body;
  }

  async function counts() {
    const [row] = await ctx.db.query(
      `SELECT (SELECT count(*) FROM participants)::int AS participants, (SELECT count(*) FROM delegations)::int AS delegations,
              (SELECT count(*) FROM audit_log)::int AS audit`,
    );
    return row as { participants: number; delegations: number; audit: number };
  }

  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

  describe('POST', () => {
    let councilId: string;
    beforeAll(async () => {
      councilId = await newCouncil();
    });

    it('creates a member state at the end of the rotation, with its delegation, writing one audit row per entity', async () => {
      const before = await counts();
      const mx = await add(councilId, { kind: 'member_state', name: 'Mexico', isoCode: 'MX', timeZone: 'America/Mexico_City' });
      expect(mx).toMatchObject({
        councilId,
        kind: 'member_state',
        name: 'Mexico',
        isoCode: 'MX',
        category: null,
        rotationPosition: 1,
        status: 'active',
        timeZone: 'America/Mexico_City',
        version: 1,
      });
      const gt = await add(councilId, { kind: 'member_state', name: 'Guatemala', isoCode: 'GT' });
      expect(gt.rotationPosition).toBe(2);
      expect(gt.timeZone).toBeNull();

      expect(await counts()).toEqual({ participants: before.participants + 2, delegations: before.delegations + 2, audit: before.audit + 4 });
      const [delegation] = await ctx.db.query(`SELECT id, name, council_id FROM delegations WHERE participant_id = $1`, [mx.id]);
      expect(delegation).toMatchObject({ name: 'Delegation of Mexico', council_id: councilId });
      const audit = await ctx.db.query(`SELECT action, entity_type, entity_id FROM audit_log WHERE entity_id = ANY($1) ORDER BY id`, [[mx.id, delegation.id]]);
      expect(audit).toEqual([
        { action: 'participant.created', entity_type: 'participant', entity_id: mx.id },
        { action: 'delegation.created', entity_type: 'delegation', entity_id: delegation.id },
      ]);
    });

    it('takes an explicit free rotation position, and refuses a taken one with 409', async () => {
      const hn = await add(councilId, { kind: 'member_state', name: 'Honduras', isoCode: 'HN', rotationPosition: 10 });
      expect(hn.rotationPosition).toBe(10);
      const next = await add(councilId, { kind: 'member_state', name: 'Belize', isoCode: 'BZ' });
      expect(next.rotationPosition).toBe(11);
      const before = await counts();
      const res = await ctx.http().post(url(councilId)).send({ kind: 'member_state', name: 'Panama', isoCode: 'PA', rotationPosition: 10 }).expect(409);
      expect(fieldsOf(res)).toEqual(['rotationPosition']);
      expect(await counts()).toEqual(before);
    });

    it('hands out distinct rotation places to concurrent member-state creations', async () => {
      const council = await newCouncil();
      const codes = ['AR', 'BO', 'CL', 'CO', 'EC', 'PE'];
      const created = await Promise.all(codes.map((isoCode) => add(council, { kind: 'member_state', name: `State ${isoCode}`, isoCode })));
      expect(created.map((p) => p.rotationPosition).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('creates permanent participants and observers', async () => {
      const pp = await add(councilId, { kind: 'permanent_participant', name: 'Indigenous Peoples Network', category: 'indigenous' });
      expect(pp).toMatchObject({ kind: 'permanent_participant', category: 'indigenous', isoCode: null, rotationPosition: null });
      const spain = await add(councilId, { kind: 'observer', name: 'Spain', category: 'state', isoCode: 'ES', status: 'suspended' });
      expect(spain).toMatchObject({ kind: 'observer', category: 'state', isoCode: 'ES', rotationPosition: null, status: 'suspended' });
      const iom = await add(councilId, { kind: 'observer', name: 'IOM', category: 'intergovernmental' });
      expect(iom).toMatchObject({ category: 'intergovernmental', isoCode: null });
    });

    it.each([
      [{ kind: 'member_state', name: 'No Code' }, 'isoCode'],
      [{ kind: 'member_state', name: 'Has Category', isoCode: 'CR', category: 'state' }, 'category'],
      [{ kind: 'member_state', name: 'Lower', isoCode: 'cr' }, 'isoCode'],
      [{ kind: 'member_state', name: 'Unknown Code', isoCode: 'XX' }, 'isoCode'],
      [{ kind: 'permanent_participant', name: 'No Category' }, 'category'],
      [{ kind: 'permanent_participant', name: 'Observer Category', category: 'ngo' }, 'category'],
      [{ kind: 'permanent_participant', name: 'With Code', category: 'academia', isoCode: 'CR' }, 'isoCode'],
      [{ kind: 'permanent_participant', name: 'With Place', category: 'academia', rotationPosition: 3 }, 'rotationPosition'],
      [{ kind: 'observer', name: 'No Category' }, 'category'],
      [{ kind: 'observer', name: 'PP Category', category: 'civil_society' }, 'category'],
      [{ kind: 'observer', name: 'NGO With Code', category: 'ngo', isoCode: 'CR' }, 'isoCode'],
      [{ kind: 'observer', name: 'With Place', category: 'ngo', rotationPosition: 4 }, 'rotationPosition'],
      [{ kind: 'sponsor', name: 'Bad Kind' }, 'kind'],
      [{ kind: 'observer', name: 'Bad Category', category: 'club' }, 'category'],
      [{ kind: 'observer', name: '  ', category: 'ngo' }, 'name'],
      [{ kind: 'observer', name: 'Bad Status', category: 'ngo', status: 'asleep' }, 'status'],
      [{ kind: 'observer', name: 'Bad Zone', category: 'ngo', timeZone: 'Moon/Crater' }, 'timeZone'],
      [{ kind: 'member_state', name: 'Bad Place', isoCode: 'CR', rotationPosition: 0 }, 'rotationPosition'],
      [{ kind: 'observer', name: 'Unknown Field', category: 'ngo', website: 'x' }, 'website'],
    ])('refuses %j with 400 naming the field, leaving the database unchanged', async (body, field) => {
      const before = await counts();
      const res = await ctx.http().post(url(councilId)).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses a duplicate ISO code or name (case-insensitive) with 409, leaving the database unchanged', async () => {
      await add(councilId, { kind: 'member_state', name: 'Costa Rica', isoCode: 'CR' });
      const before = await counts();
      const code = await ctx.http().post(url(councilId)).send({ kind: 'member_state', name: 'Other Costa Rica', isoCode: 'CR' }).expect(409);
      expect(fieldsOf(code)).toEqual(['isoCode']);
      const name = await ctx.http().post(url(councilId)).send({ kind: 'member_state', name: 'COSTA RICA', isoCode: 'NI' }).expect(409);
      expect(fieldsOf(name)).toEqual(['name']);
      expect(await counts()).toEqual(before);
      // The same country may sit in another council.
      await add(await newCouncil(), { kind: 'member_state', name: 'Costa Rica', isoCode: 'CR' });
    });

    it('answers 404 for a missing council and 400 for a bad council id', async () => {
      const before = await counts();
      await ctx.http().post(url(randomUUID())).send({ kind: 'member_state', name: 'Chile', isoCode: 'CL' }).expect(403); // nobody holds a role in an unknown council
      await ctx.http().post(url('nope')).send({ kind: 'member_state', name: 'Chile', isoCode: 'CL' }).expect(400);
      expect(await counts()).toEqual(before);
    });
  });

  describe('GET', () => {
    let councilId: string;
    let us: Participant;
    let ca: Participant;
    let ngo: Participant;
    beforeAll(async () => {
      councilId = await newCouncil();
      ngo = await add(councilId, { kind: 'observer', name: 'Amnesty', category: 'ngo' });
      us = await add(councilId, { kind: 'member_state', name: 'United States', isoCode: 'US' });
      ca = await add(councilId, { kind: 'member_state', name: 'Canada', isoCode: 'CA', status: 'suspended' });
    });

    it('lists member states in rotation order first, and filters by kind and status', async () => {
      const all = await ctx.http().get(url(councilId)).expect(200);
      expect(all.body.items.map((p: Participant) => p.id)).toEqual([us.id, ca.id, ngo.id]);
      const states = await ctx.http().get(url(councilId)).query({ kind: 'member_state' }).expect(200);
      expect(states.body.items.map((p: Participant) => p.id)).toEqual([us.id, ca.id]);
      const suspended = await ctx.http().get(url(councilId)).query({ kind: 'member_state', status: 'suspended' }).expect(200);
      expect(suspended.body.items.map((p: Participant) => p.id)).toEqual([ca.id]);
      const bad = await ctx.http().get(url(councilId)).query({ kind: 'sponsor' }).expect(400);
      expect(fieldsOf(bad)).toContain('kind');
      const unknown = await ctx.http().get(url(councilId)).query({ colour: 'red' }).expect(400);
      expect(fieldsOf(unknown)).toContain('colour');
    });

    it('lists nothing for a council without participants, and 404 for a missing council', async () => {
      const empty = await ctx
        .http()
        .get(url(await newCouncil()))
        .expect(200);
      expect(empty.body).toEqual({ items: [] });
      await ctx.http().get(url(randomUUID())).expect(404);
    });

    it('reads one participant (the benchmarked single query)', async () => {
      const res = await ctx
        .http()
        .get(url(councilId, `/${us.id}`))
        .expect(200);
      expect(res.body).toEqual(us);
      expect(PARTICIPANT_BY_ID_SQL).toBe(
        'SELECT id, council_id, kind, name, iso_code, category, rotation_position, status, time_zone, version, created_at, updated_at FROM participants WHERE id = $1 AND council_id = $2',
      );
    });

    it('answers 404 for a participant of another council or a missing one, 400 for bad ids', async () => {
      const other = await newCouncil();
      await ctx
        .http()
        .get(url(other, `/${us.id}`))
        .expect(404);
      await ctx
        .http()
        .get(url(councilId, `/${randomUUID()}`))
        .expect(404);
      await ctx.http().get(url(councilId, '/not-a-uuid')).expect(400);
      await ctx
        .http()
        .get(url('bad', `/${us.id}`))
        .expect(400);
    });
  });

  describe('PATCH', () => {
    let councilId: string;
    beforeAll(async () => {
      councilId = await newCouncil();
    });

    it('changes name, status, time zone and ISO code, bumping the version, audited once', async () => {
      const p = await add(councilId, { kind: 'member_state', name: 'Salvador', isoCode: 'SV' });
      const before = await counts();
      const res = await ctx
        .http()
        .patch(url(councilId, `/${p.id}`))
        .send({ version: 1, name: 'El Salvador', status: 'suspended', timeZone: 'America/El_Salvador', isoCode: 'SV' })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'El Salvador', status: 'suspended', timeZone: 'America/El_Salvador', isoCode: 'SV', version: 2 });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const [audit] = await ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [p.id]);
      expect(audit).toMatchObject({ action: 'participant.updated', before: { name: 'Salvador', version: 1 }, after: { name: 'El Salvador', version: 2 } });
      const cleared = await ctx
        .http()
        .patch(url(councilId, `/${p.id}`))
        .send({ version: 2, timeZone: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ timeZone: null, version: 3 });
      expect((await ctx.http().get(url(councilId, `/${p.id}`))).body).toEqual(cleared.body);
    });

    it('moves a member state to a free place, refuses a taken one', async () => {
      const a = await add(councilId, { kind: 'member_state', name: 'Nicaragua', isoCode: 'NI' });
      const b = await add(councilId, { kind: 'member_state', name: 'Panama', isoCode: 'PA' });
      const moved = await ctx
        .http()
        .patch(url(councilId, `/${a.id}`))
        .send({ version: 1, rotationPosition: 50 })
        .expect(200);
      expect(moved.body.rotationPosition).toBe(50);
      const before = await counts();
      const res = await ctx
        .http()
        .patch(url(councilId, `/${b.id}`))
        .send({ version: 1, rotationPosition: 50 })
        .expect(409);
      expect(fieldsOf(res)).toEqual(['rotationPosition']);
      expect(await counts()).toEqual(before);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const p = await add(councilId, { kind: 'observer', name: 'UNHCR', category: 'intergovernmental' });
      await ctx
        .http()
        .patch(url(councilId, `/${p.id}`))
        .send({ version: 1, name: 'UNHCR (ACNUR)' })
        .expect(200);
      const before = await counts();
      const res = await ctx
        .http()
        .patch(url(councilId, `/${p.id}`))
        .send({ version: 1, name: 'Stale' })
        .expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
      expect(await counts()).toEqual(before);
      expect((await ctx.http().get(url(councilId, `/${p.id}`))).body).toMatchObject({ name: 'UNHCR (ACNUR)', version: 2 });
    });

    it.each([
      ['observer', { category: 'ngo' }, { version: 1, isoCode: 'FR' }, 'isoCode'],
      ['observer', { category: 'ngo' }, { version: 1, rotationPosition: 3 }, 'rotationPosition'],
      ['permanent_participant', { category: 'academia' }, { version: 1, isoCode: 'FR' }, 'isoCode'],
      ['member_state', { isoCode: 'DO' }, { version: 1, isoCode: null }, 'isoCode'],
      ['member_state', { isoCode: 'BR' }, { version: 1, isoCode: 'br' }, 'isoCode'],
      ['member_state', { isoCode: 'AR' }, { version: 1, category: 'state' }, 'category'],
      ['member_state', { isoCode: 'CO' }, { version: 1, kind: 'observer' }, 'kind'],
      ['member_state', { isoCode: 'EC' }, { name: 'No Version' }, 'version'],
      ['member_state', { isoCode: 'PE' }, { version: 1, name: null }, 'name'],
      ['member_state', { isoCode: 'UY' }, { version: 1, status: 'gone' }, 'status'],
    ])('refuses on a %s %j the change %j naming %s, changing nothing', async (kind, extra, patch, field) => {
      const p = await add(councilId, { kind, name: `P ${randomUUID()}`, ...extra });
      const before = await counts();
      const res = await ctx
        .http()
        .patch(url(councilId, `/${p.id}`))
        .send(patch)
        .expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
      expect((await ctx.http().get(url(councilId, `/${p.id}`))).body).toEqual(p);
    });

    it('lets a state observer take and drop an ISO code', async () => {
      const p = await add(councilId, { kind: 'observer', name: 'Portugal', category: 'state' });
      const withCode = await ctx
        .http()
        .patch(url(councilId, `/${p.id}`))
        .send({ version: 1, isoCode: 'PT' })
        .expect(200);
      expect(withCode.body.isoCode).toBe('PT');
      const without = await ctx
        .http()
        .patch(url(councilId, `/${p.id}`))
        .send({ version: 2, isoCode: null })
        .expect(200);
      expect(without.body.isoCode).toBeNull();
    });

    it('refuses a duplicate name or ISO code with 409', async () => {
      const p = await add(councilId, { kind: 'member_state', name: 'Jamaica', isoCode: 'JM' });
      await add(councilId, { kind: 'member_state', name: 'Haiti', isoCode: 'HT' });
      expect(
        fieldsOf(
          await ctx
            .http()
            .patch(url(councilId, `/${p.id}`))
            .send({ version: 1, name: 'haiti' })
            .expect(409),
        ),
      ).toEqual(['name']);
      expect(
        fieldsOf(
          await ctx
            .http()
            .patch(url(councilId, `/${p.id}`))
            .send({ version: 1, isoCode: 'HT' })
            .expect(409),
        ),
      ).toEqual(['isoCode']);
      expect((await ctx.http().get(url(councilId, `/${p.id}`))).body).toEqual(p);
    });

    it('answers 404 for another council’s participant or a missing one', async () => {
      const p = await add(councilId, { kind: 'observer', name: 'World Bank', category: 'financial_institution' });
      await ctx
        .http()
        .patch(url(await newCouncil(), `/${p.id}`))
        .send({ version: 1, name: 'x' })
        .expect(404);
      await ctx
        .http()
        .patch(url(councilId, `/${randomUUID()}`))
        .send({ version: 1, name: 'x' })
        .expect(404);
      await ctx.http().patch(url(councilId, '/123')).send({ version: 1, name: 'x' }).expect(400);
    });
  });

  describe('POST rotation-order', () => {
    let councilId: string;
    let states: Participant[];
    let observer: Participant;
    beforeAll(async () => {
      councilId = await newCouncil();
      states = [];
      for (const [name, isoCode] of [
        ['Canada', 'CA'],
        ['United States', 'US'],
        ['Finland', 'FI'],
        ['Iceland', 'IS'],
      ]) {
        states.push(await add(councilId, { kind: 'member_state', name, isoCode }));
      }
      observer = await add(councilId, { kind: 'observer', name: 'OAS', category: 'intergovernmental' });
    });

    const order = async () =>
      (await ctx.http().get(url(councilId)).query({ kind: 'member_state' }).expect(200)).body.items.map((p: Participant) => [p.id, p.rotationPosition]);

    it('rewrites the whole order as a permutation in one go, audited once', async () => {
      const [ca, us, fi, is] = states;
      const before = await counts();
      const res = await ctx
        .http()
        .post(url(councilId, '/rotation-order'))
        .send({ participantIds: [is.id, ca.id, fi.id, us.id] })
        .expect(200);
      expect(res.body.items.map((p: Participant) => [p.id, p.rotationPosition])).toEqual([
        [is.id, 1],
        [ca.id, 2],
        [fi.id, 3],
        [us.id, 4],
      ]);
      // Finland kept its place: its version did not move; the others' did.
      expect(res.body.items.map((p: Participant) => p.version)).toEqual([2, 2, 1, 2]);
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const [audit] = await ctx.db.query(`SELECT action, entity_type, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [councilId]);
      expect(audit).toEqual({
        action: 'participants.rotation_order_changed',
        entity_type: 'council',
        before: { participantIds: [ca.id, us.id, fi.id, is.id] },
        after: { participantIds: [is.id, ca.id, fi.id, us.id] },
      });
      states = res.body.items;
    });

    it.each([
      ['a missing member state', (s: Participant[]) => s.slice(1).map((p) => p.id)],
      ['a non-member-state participant', (s: Participant[]) => [...s.map((p) => p.id), observer.id]],
      ['an unknown id', (s: Participant[]) => [...s.map((p) => p.id), randomUUID()]],
      ['a repeated id', (s: Participant[]) => [...s.map((p) => p.id), s[0].id]],
      ['an empty list', () => []],
      ['not a list', () => 'all'],
    ])('refuses %s with 400 naming participantIds, changing nothing', async (_what, ids) => {
      const beforeOrder = await order();
      const before = await counts();
      const res = await ctx
        .http()
        .post(url(councilId, '/rotation-order'))
        .send({ participantIds: ids(states) })
        .expect(400);
      expect(fieldsOf(res)).toContain('participantIds');
      expect(await counts()).toEqual(before);
      expect(await order()).toEqual(beforeOrder);
    });

    it('refuses a member state of another council with 400', async () => {
      const other = await add(await newCouncil(), { kind: 'member_state', name: 'Norway', isoCode: 'NO' });
      const res = await ctx
        .http()
        .post(url(councilId, '/rotation-order'))
        .send({ participantIds: [...states.slice(1).map((p) => p.id), other.id] })
        .expect(400);
      expect(fieldsOf(res)).toEqual(['participantIds']);
    });

    it('answers 404 for a missing council and 400 for unknown fields or bad ids', async () => {
      await ctx.http().post(url(randomUUID(), '/rotation-order')).send({ participantIds: [] }).expect(403);
      const unknown = await ctx.http().post(url(councilId, '/rotation-order')).send({ participantIds: [], force: true }).expect(400);
      expect(fieldsOf(unknown)).toContain('force');
      const bad = await ctx
        .http()
        .post(url(councilId, '/rotation-order'))
        .send({ participantIds: ['x'] })
        .expect(400);
      expect(fieldsOf(bad)).toContain('participantIds');
    });

    it('accepts an empty list for a council without member states', async () => {
      const empty = await newCouncil();
      const res = await ctx.http().post(url(empty, '/rotation-order')).send({ participantIds: [] }).expect(200);
      expect(res.body).toEqual({ items: [] });
    });
  });
});
