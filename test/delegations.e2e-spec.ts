import { randomUUID } from 'node:crypto';
import { createTestContext, type TestContext } from './support/test-app.js';

interface Delegate {
  id: string;
  delegationId: string;
  fullName: string;
  email: string;
  role: string;
  preferredLanguage: string;
  timeZone: string;
  active: boolean;
  version: number;
}

describe('delegations and delegates', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

  async function newCouncil(): Promise<string> {
    const res = await ctx
      .http()
      .post('/councils')
      .send({ slug: `c-${randomUUID().slice(0, 8)}`, name: `Council ${randomUUID()}`, workingLanguages: ['es', 'en'], timeZone: 'UTC' })
      .expect(201);
    return res.body.id;
  }

  /** A participant and the id of the delegation created with it. */
  async function newParticipant(councilId: string, body: Record<string, unknown>): Promise<{ participantId: string; delegationId: string }> {
    const p = await ctx.http().post(`/councils/${councilId}/participants`).send(body).expect(201);
    const [d] = await ctx.db.query(`SELECT id FROM delegations WHERE participant_id = $1`, [p.body.id]);
    return { participantId: p.body.id, delegationId: d.id };
  }

  async function counts() {
    const [row] = await ctx.db.query(
      `SELECT (SELECT count(*) FROM delegations)::int AS delegations, (SELECT count(*) FROM delegates)::int AS delegates,
              (SELECT count(*) FROM delegates WHERE active)::int AS active, (SELECT count(*) FROM audit_log)::int AS audit`,
    );
    return row as { delegations: number; delegates: number; active: number; audit: number };
  }

  const delegatesUrl = (councilId: string, delegationId: string, rest = '') => `/councils/${councilId}/delegations/${delegationId}/delegates${rest}`;

  async function addDelegate(councilId: string, delegationId: string, body: Record<string, unknown>): Promise<Delegate> {
    return (await ctx.http().post(delegatesUrl(councilId, delegationId)).send(body).expect(201)).body;
  }

  describe('delegations', () => {
    let councilId: string;
    let mexico: { participantId: string; delegationId: string };
    let academia: { participantId: string; delegationId: string };
    beforeAll(async () => {
      councilId = await newCouncil();
      academia = await newParticipant(councilId, { kind: 'permanent_participant', name: 'Universities Network', category: 'academia' });
      mexico = await newParticipant(councilId, { kind: 'member_state', name: 'Mexico', isoCode: 'MX' });
      await addDelegate(councilId, mexico.delegationId, { fullName: 'Ana Pérez', email: 'Ana.Perez@SRE.gob.mx', role: 'head' });
      await addDelegate(councilId, mexico.delegationId, { fullName: 'Luis Gómez', email: 'luis@sre.gob.mx', role: 'adviser' });
    });

    it('lists delegations with participant name and kind and the head of delegation', async () => {
      const res = await ctx.http().get(`/councils/${councilId}/delegations`).expect(200);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0]).toMatchObject({
        id: mexico.delegationId,
        councilId,
        participantId: mexico.participantId,
        participantName: 'Mexico',
        participantKind: 'member_state',
        name: 'Delegation of Mexico',
        contactEmail: null,
        head: { fullName: 'Ana Pérez', email: 'ana.perez@sre.gob.mx' },
        version: 1,
      });
      expect(res.body.items[1]).toMatchObject({ id: academia.delegationId, participantKind: 'permanent_participant', head: null });
    });

    it('reads one delegation with its delegates, head first', async () => {
      const res = await ctx.http().get(`/councils/${councilId}/delegations/${mexico.delegationId}`).expect(200);
      expect(res.body).toMatchObject({ id: mexico.delegationId, participantName: 'Mexico', head: { fullName: 'Ana Pérez' } });
      expect(res.body.delegates.map((d: Delegate) => [d.fullName, d.role])).toEqual([
        ['Ana Pérez', 'head'],
        ['Luis Gómez', 'adviser'],
      ]);
    });

    it('answers 404 for another council’s delegation, a missing one or a missing council; 400 for bad ids', async () => {
      const other = await newCouncil();
      await ctx.http().get(`/councils/${other}/delegations/${mexico.delegationId}`).expect(404);
      await ctx.http().get(`/councils/${councilId}/delegations/${randomUUID()}`).expect(404);
      await ctx.http().get(`/councils/${randomUUID()}/delegations`).expect(404);
      expect((await ctx.http().get(`/councils/${other}/delegations`).expect(200)).body).toEqual({ items: [] });
      await ctx.http().get(`/councils/${councilId}/delegations/xyz`).expect(400);
    });

    it('changes name and contact email (lower-cased), audited once; clears the email with null', async () => {
      const before = await counts();
      const res = await ctx
        .http()
        .patch(`/councils/${councilId}/delegations/${academia.delegationId}`)
        .send({ version: 1, name: 'Academic Network Delegation', contactEmail: 'Contact@Uni.EDU' })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Academic Network Delegation',
        contactEmail: 'contact@uni.edu',
        version: 2,
        participantName: 'Universities Network',
      });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const [audit] = await ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [academia.delegationId]);
      expect(audit).toMatchObject({
        action: 'delegation.updated',
        before: { version: 1, contactEmail: null },
        after: { version: 2, contactEmail: 'contact@uni.edu' },
      });
      const cleared = await ctx
        .http()
        .patch(`/councils/${councilId}/delegations/${academia.delegationId}`)
        .send({ version: 2, contactEmail: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ contactEmail: null, version: 3 });
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const before = await counts();
      const url = `/councils/${councilId}/delegations/${mexico.delegationId}`;
      const current = (await ctx.http().get(url)).body;
      const res = await ctx
        .http()
        .patch(url)
        .send({ version: current.version + 1, name: 'Stale' })
        .expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
      expect(await counts()).toEqual(before);
      expect((await ctx.http().get(url)).body).toEqual(current);
    });

    it.each([
      [{ name: 'x' }, 'version'],
      [{ version: 1, contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ version: 1, name: '' }, 'name'],
      [{ version: 1, participantId: randomUUID() }, 'participantId'],
    ])('refuses %j naming the field, changing nothing', async (patch, field) => {
      const before = await counts();
      const res = await ctx.http().patch(`/councils/${councilId}/delegations/${mexico.delegationId}`).send(patch).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 when patching another council’s delegation', async () => {
      await ctx
        .http()
        .patch(`/councils/${await newCouncil()}/delegations/${mexico.delegationId}`)
        .send({ version: 1, name: 'x' })
        .expect(404);
    });
  });

  describe('delegates', () => {
    let councilId: string;
    let delegationId: string;
    beforeAll(async () => {
      councilId = await newCouncil();
      ({ delegationId } = await newParticipant(councilId, { kind: 'member_state', name: 'Guatemala', isoCode: 'GT' }));
    });

    it('adds a delegate with defaults and a lower-cased email, audited once', async () => {
      const before = await counts();
      const d = await addDelegate(councilId, delegationId, { fullName: '  María López ', email: ' Maria.Lopez@MINEX.gob.gt ', role: 'alternate' });
      expect(d).toMatchObject({
        councilId,
        delegationId,
        fullName: 'María López',
        email: 'maria.lopez@minex.gob.gt',
        role: 'alternate',
        preferredLanguage: 'en',
        timeZone: 'UTC',
        active: true,
        version: 1,
      });
      expect(await counts()).toEqual({ ...before, delegates: before.delegates + 1, active: before.active + 1, audit: before.audit + 1 });
      const audit = await ctx.db.query(`SELECT action, entity_type FROM audit_log WHERE entity_id = $1`, [d.id]);
      expect(audit).toEqual([{ action: 'delegate.created', entity_type: 'delegate' }]);
      const list = await ctx.http().get(delegatesUrl(councilId, delegationId)).expect(200);
      expect(list.body.items).toContainEqual(d);
    });

    it.each([
      [{ email: 'x@y.org', role: 'adviser' }, 'fullName'],
      [{ fullName: 'A', email: 'not an email', role: 'adviser' }, 'email'],
      [{ fullName: 'A', email: 'a@y.org', role: 'minister' }, 'role'],
      [{ fullName: 'A', email: 'a@y.org', role: 'adviser', preferredLanguage: 'de' }, 'preferredLanguage'],
      [{ fullName: 'A', email: 'a@y.org', role: 'adviser', timeZone: 'Central Time' }, 'timeZone'],
      [{ fullName: 'A', email: 'a@y.org', role: 'adviser', active: false }, 'active'],
      [{ fullName: 'A', email: 'a@y.org', role: 'adviser', phone: '123' }, 'phone'],
    ])('refuses %j naming the field, leaving the database unchanged', async (body, field) => {
      const before = await counts();
      const res = await ctx.http().post(delegatesUrl(councilId, delegationId)).send(body).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses a second active head with 409 naming role, and a duplicate email (any case) with 409 naming email', async () => {
      const head = await addDelegate(councilId, delegationId, { fullName: 'Head One', email: 'head1@minex.gob.gt', role: 'head', preferredLanguage: 'es' });
      const before = await counts();
      const second = await ctx
        .http()
        .post(delegatesUrl(councilId, delegationId))
        .send({ fullName: 'Head Two', email: 'head2@minex.gob.gt', role: 'head' })
        .expect(409);
      expect(fieldsOf(second)).toEqual(['role']);
      const dup = await ctx
        .http()
        .post(delegatesUrl(councilId, delegationId))
        .send({ fullName: 'Copy', email: 'HEAD1@minex.gob.gt', role: 'adviser' })
        .expect(409);
      expect(fieldsOf(dup)).toEqual(['email']);
      expect(await counts()).toEqual(before);

      // Promoting someone else to head is refused too, until the head is deactivated.
      const adviser = await addDelegate(councilId, delegationId, { fullName: 'Adviser', email: 'adviser@minex.gob.gt', role: 'adviser' });
      const promote = await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${adviser.id}`))
        .send({ version: 1, role: 'head' })
        .expect(409);
      expect(fieldsOf(promote)).toEqual(['role']);
      await ctx
        .http()
        .delete(delegatesUrl(councilId, delegationId, `/${head.id}`))
        .expect(200);
      const promoted = await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${adviser.id}`))
        .send({ version: 1, role: 'head' })
        .expect(200);
      expect(promoted.body).toMatchObject({ role: 'head', version: 2 });
      // Reactivating the former head would make two heads.
      const reactivate = await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${head.id}`))
        .send({ version: 2, active: true })
        .expect(409);
      expect(fieldsOf(reactivate)).toEqual(['role']);
      const delegation = await ctx.http().get(`/councils/${councilId}/delegations/${delegationId}`).expect(200);
      expect(delegation.body.head).toEqual({ id: adviser.id, fullName: 'Adviser', email: 'adviser@minex.gob.gt' });
    });

    it('the same email may serve in another delegation', async () => {
      const { delegationId: other } = await newParticipant(councilId, { kind: 'observer', name: 'IOM', category: 'intergovernmental' });
      await addDelegate(councilId, delegationId, { fullName: 'Shared', email: 'shared@example.org', role: 'adviser' });
      await addDelegate(councilId, other, { fullName: 'Shared', email: 'shared@example.org', role: 'adviser' });
    });

    it('changes any field, bumping the version, audited once', async () => {
      const d = await addDelegate(councilId, delegationId, { fullName: 'Pedro', email: 'pedro@minex.gob.gt', role: 'adviser' });
      const before = await counts();
      const res = await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${d.id}`))
        .send({
          version: 1,
          fullName: 'Pedro Ramírez',
          email: 'Pedro.Ramirez@MINEX.gob.gt',
          role: 'alternate',
          preferredLanguage: 'es',
          timeZone: 'America/Guatemala',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        fullName: 'Pedro Ramírez',
        email: 'pedro.ramirez@minex.gob.gt',
        role: 'alternate',
        preferredLanguage: 'es',
        timeZone: 'America/Guatemala',
        active: true,
        version: 2,
      });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const [audit] = await ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [d.id]);
      expect(audit).toMatchObject({ action: 'delegate.updated', before: { role: 'adviser', version: 1 }, after: { role: 'alternate', version: 2 } });
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const d = await addDelegate(councilId, delegationId, { fullName: 'Stale Case', email: 'stale@minex.gob.gt', role: 'adviser' });
      await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${d.id}`))
        .send({ version: 1, fullName: 'Fresh' })
        .expect(200);
      const before = await counts();
      const res = await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${d.id}`))
        .send({ version: 1, role: 'alternate' })
        .expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
      expect(await counts()).toEqual(before);
      const list = await ctx.http().get(delegatesUrl(councilId, delegationId)).expect(200);
      expect(list.body.items.find((x: Delegate) => x.id === d.id)).toMatchObject({ fullName: 'Fresh', role: 'adviser', version: 2 });
    });

    it.each([
      [{ fullName: 'x' }, 'version'],
      [{ version: 1, email: 'nope' }, 'email'],
      [{ version: 1, role: 'boss' }, 'role'],
      [{ version: 1, active: 'no' }, 'active'],
      [{ version: 1, fullName: null }, 'fullName'],
      [{ version: 1, delegationId: randomUUID() }, 'delegationId'],
    ])('refuses the change %j naming the field, changing nothing', async (patch, field) => {
      const d = await addDelegate(councilId, delegationId, { fullName: 'Target', email: `t-${randomUUID()}@minex.gob.gt`, role: 'adviser' });
      const before = await counts();
      const res = await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${d.id}`))
        .send(patch)
        .expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('DELETE deactivates (kept for the record), audited once; a second DELETE changes nothing', async () => {
      const d = await addDelegate(councilId, delegationId, { fullName: 'Leaving', email: 'leaving@minex.gob.gt', role: 'adviser' });
      const before = await counts();
      const res = await ctx
        .http()
        .delete(delegatesUrl(councilId, delegationId, `/${d.id}`))
        .expect(200);
      expect(res.body).toMatchObject({ id: d.id, active: false, version: 2 });
      expect(await counts()).toEqual({ ...before, active: before.active - 1, audit: before.audit + 1 });
      const [audit] = await ctx.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [d.id]);
      expect(audit).toMatchObject({ action: 'delegate.deactivated', before: { active: true }, after: { active: false } });
      const again = await ctx
        .http()
        .delete(delegatesUrl(councilId, delegationId, `/${d.id}`))
        .expect(200);
      expect(again.body).toMatchObject({ active: false, version: 2 });
      expect(await counts()).toEqual({ ...before, active: before.active - 1, audit: before.audit + 1 });
      // The email stays taken in the delegation; reactivation goes through PATCH.
      await ctx.http().post(delegatesUrl(councilId, delegationId)).send({ fullName: 'Leaving', email: 'leaving@minex.gob.gt', role: 'adviser' }).expect(409);
      const back = await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${d.id}`))
        .send({ version: 2, active: true })
        .expect(200);
      expect(back.body).toMatchObject({ active: true, version: 3 });
    });

    it('answers 404 for a wrong council, a missing delegation or delegate; 400 for bad ids', async () => {
      const other = await newCouncil();
      const d = await addDelegate(councilId, delegationId, { fullName: 'Scoped', email: 'scoped@minex.gob.gt', role: 'adviser' });
      const before = await counts();
      await ctx.http().post(delegatesUrl(other, delegationId)).send({ fullName: 'A', email: 'a@b.org', role: 'adviser' }).expect(404);
      await ctx.http().post(delegatesUrl(councilId, randomUUID())).send({ fullName: 'A', email: 'a@b.org', role: 'adviser' }).expect(404);
      await ctx.http().get(delegatesUrl(other, delegationId)).expect(404);
      await ctx.http().get(delegatesUrl(councilId, randomUUID())).expect(404);
      await ctx
        .http()
        .patch(delegatesUrl(other, delegationId, `/${d.id}`))
        .send({ version: 1, fullName: 'x' })
        .expect(404);
      await ctx
        .http()
        .patch(delegatesUrl(councilId, delegationId, `/${randomUUID()}`))
        .send({ version: 1, fullName: 'x' })
        .expect(404);
      await ctx
        .http()
        .delete(delegatesUrl(other, delegationId, `/${d.id}`))
        .expect(404);
      await ctx
        .http()
        .delete(delegatesUrl(councilId, delegationId, `/${randomUUID()}`))
        .expect(404);
      await ctx
        .http()
        .delete(delegatesUrl(councilId, delegationId, '/not-a-uuid'))
        .expect(400);
      await ctx.http().get(delegatesUrl(councilId, 'bad')).expect(400);
      expect(await counts()).toEqual(before);
    });
  });
});
