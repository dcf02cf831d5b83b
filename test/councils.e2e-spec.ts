import { randomUUID } from 'node:crypto';
import { DEFAULT_MEETING_RULES } from '../src/modules/councils/council-defaults.js';
import { createTestContext, type TestContext } from './support/test-app.js';

describe('councils', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    slug: `c-${randomUUID().slice(0, 8)}`,
    name: 'North and Central American Council on Migration',
    workingLanguages: ['es', 'en', 'fr'],
    timeZone: 'America/Mexico_City',
    ...overrides,
  });

  async function counts() {
    const [row] = await ctx.db.query(
      `SELECT (SELECT count(*) FROM councils)::int AS councils, (SELECT count(*) FROM council_meeting_rules)::int AS rules,
              (SELECT count(*) FROM audit_log)::int AS audit`,
    );
    return row as { councils: number; rules: number; audit: number };
  }

  async function auditOf(entityId: string) {
    return ctx.db.query(`SELECT action, entity_type, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);
  }

  function fieldsOf(res: { body: { errors?: { field: string }[] } }) {
    return (res.body.errors ?? []).map((e) => e.field);
  }

  describe('POST /councils', () => {
    it('creates a council with the defaults and the default meeting rules, audited once', async () => {
      const before = await counts();
      const res = await ctx
        .http()
        .post('/councils')
        .send(body({ slug: 'ncamc' }))
        .expect(201);
      expect(res.body).toMatchObject({
        slug: 'ncamc',
        workingLanguages: ['es', 'en', 'fr'],
        termMonths: 24,
        rotationPolicy: 'fixed_order',
        quorumRatio: 0.75,
        timeZone: 'America/Mexico_City',
        version: 1,
        meetingRules: {
          ministerial: { noticeDays: 120, agendaDays: 90, papersDays: 30 },
          senior_officials: { noticeDays: 60, agendaDays: 45, papersDays: 21 },
          working_group: { noticeDays: 30, agendaDays: 21, papersDays: 10 },
          extraordinary: { noticeDays: 14, agendaDays: 14, papersDays: 7 },
        },
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const rules = await ctx.db.query(`SELECT meeting_kind, notice_days, agenda_days, papers_days FROM council_meeting_rules WHERE council_id = $1`, [
        res.body.id,
      ]);
      expect(rules).toHaveLength(4);
      const after = await counts();
      expect(after).toEqual({ councils: before.councils + 1, rules: before.rules + 4, audit: before.audit + 1 });
      const audit = await auditOf(res.body.id);
      expect(audit).toEqual([expect.objectContaining({ action: 'council.created', entity_type: 'council', before: null })]);
      expect(audit[0].after).toMatchObject({ slug: 'ncamc', meetingRules: DEFAULT_MEETING_RULES });
    });

    it('takes explicit settings and per-kind overrides of the meeting rules', async () => {
      const res = await ctx
        .http()
        .post('/councils')
        .send(
          body({
            termMonths: 12,
            rotationPolicy: 'designated',
            quorumRatio: 0.5,
            timeZone: 'UTC',
            meetingRules: { ministerial: { noticeDays: 150 }, extraordinary: { noticeDays: 10, agendaDays: 10, papersDays: 3 } },
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({ termMonths: 12, rotationPolicy: 'designated', quorumRatio: 0.5, timeZone: 'UTC' });
      expect(res.body.meetingRules.ministerial).toEqual({ noticeDays: 150, agendaDays: 90, papersDays: 30 });
      expect(res.body.meetingRules.extraordinary).toEqual({ noticeDays: 10, agendaDays: 10, papersDays: 3 });
      expect(res.body.meetingRules.working_group).toEqual(DEFAULT_MEETING_RULES.working_group);
    });

    it.each([
      [{ colour: 'blue' }, 'colour'],
      [{ meetingRules: { ministerial: { noticeDays: 100, reminderDays: 3 } } }, 'meetingRules.ministerial.reminderDays'],
      [{ meetingRules: { plenary: { noticeDays: 100 } } }, 'meetingRules.plenary'],
    ])('refuses an unknown field %j naming it', async (extra, field) => {
      const before = await counts();
      const res = await ctx.http().post('/councils').send(body(extra)).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(res.body.message).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it.each([
      [{ slug: 'Not A Slug' }, 'slug'],
      [{ slug: undefined }, 'slug'],
      [{ name: '   ' }, 'name'],
      [{ workingLanguages: [] }, 'workingLanguages'],
      [{ workingLanguages: ['es', 'es'] }, 'workingLanguages'],
      [{ workingLanguages: ['es', 'de'] }, 'workingLanguages'],
      [{ workingLanguages: 'es' }, 'workingLanguages'],
      [{ termMonths: 0 }, 'termMonths'],
      [{ termMonths: 121 }, 'termMonths'],
      [{ termMonths: 12.5 }, 'termMonths'],
      [{ rotationPolicy: 'lottery' }, 'rotationPolicy'],
      [{ quorumRatio: 0 }, 'quorumRatio'],
      [{ quorumRatio: 1.01 }, 'quorumRatio'],
      [{ quorumRatio: '0.5' }, 'quorumRatio'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: '+05:00' }, 'timeZone'],
      [{ timeZone: undefined }, 'timeZone'],
      [{ meetingRules: { ministerial: { noticeDays: -1 } } }, 'meetingRules.ministerial.noticeDays'],
      [{ meetingRules: { senior_officials: { papersDays: 731 } } }, 'meetingRules.senior_officials.papersDays'],
      [{ meetingRules: { working_group: { noticeDays: 20 } } }, 'meetingRules.working_group.agendaDays'],
      [{ meetingRules: { extraordinary: { agendaDays: 15 } } }, 'meetingRules.extraordinary.agendaDays'],
    ])('refuses %j naming the field, leaving the database unchanged', async (override, field) => {
      const before = await counts();
      const res = await ctx.http().post('/councils').send(body(override)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses a duplicate slug with 409 naming slug, leaving the database unchanged', async () => {
      await ctx
        .http()
        .post('/councils')
        .send(body({ slug: 'dup-slug' }))
        .expect(201);
      const before = await counts();
      const res = await ctx
        .http()
        .post('/councils')
        .send(body({ slug: 'dup-slug' }))
        .expect(409);
      expect(fieldsOf(res)).toEqual(['slug']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('GET', () => {
    it('lists councils with their meeting rules', async () => {
      const created = await ctx.http().post('/councils').send(body()).expect(201);
      const res = await ctx.http().get('/councils').expect(200);
      const found = res.body.items.find((c: { id: string }) => c.id === created.body.id);
      expect(found).toEqual(created.body);
    });

    it('reads one council with meetingRules keyed by kind', async () => {
      const created = await ctx.http().post('/councils').send(body()).expect(201);
      const res = await ctx.http().get(`/councils/${created.body.id}`).expect(200);
      expect(res.body).toEqual(created.body);
      expect(Object.keys(res.body.meetingRules).sort()).toEqual(['extraordinary', 'ministerial', 'senior_officials', 'working_group']);
    });

    it('answers 404 for a missing council and 400 for a bad id', async () => {
      const missing = await ctx.http().get(`/councils/${randomUUID()}`).expect(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      await ctx.http().get('/councils/not-a-uuid').expect(400);
    });
  });

  describe('PATCH /councils/:councilId', () => {
    let council: { id: string; version: number; slug: string };
    beforeEach(async () => {
      council = (await ctx.http().post('/councils').send(body()).expect(201)).body;
    });

    it('changes a subset of fields and one kind of meeting rule, bumping the version, audited once', async () => {
      const before = await counts();
      const res = await ctx
        .http()
        .patch(`/councils/${council.id}`)
        .send({ version: 1, name: 'Renamed council', quorumRatio: 0.667, workingLanguages: ['en', 'es'], meetingRules: { working_group: { noticeDays: 35 } } })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed council', quorumRatio: 0.667, workingLanguages: ['en', 'es'], version: 2, slug: council.slug });
      expect(res.body.meetingRules.working_group).toEqual({ noticeDays: 35, agendaDays: 21, papersDays: 10 });
      expect(res.body.meetingRules.ministerial).toEqual(DEFAULT_MEETING_RULES.ministerial);
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const audit = await auditOf(council.id);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['council.created', 'council.updated']);
      expect(audit[1].before).toMatchObject({ version: 1, meetingRules: { working_group: { noticeDays: 30 } } });
      expect(audit[1].after).toMatchObject({ version: 2, name: 'Renamed council', meetingRules: { working_group: { noticeDays: 35 } } });
      const reread = await ctx.http().get(`/councils/${council.id}`).expect(200);
      expect(reread.body).toEqual(res.body);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      await ctx.http().patch(`/councils/${council.id}`).send({ version: 1, termMonths: 12 }).expect(200);
      const before = await counts();
      const res = await ctx
        .http()
        .patch(`/councils/${council.id}`)
        .send({ version: 1, termMonths: 36, meetingRules: { ministerial: { papersDays: 1 } } })
        .expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
      expect(await counts()).toEqual(before);
      const reread = await ctx.http().get(`/councils/${council.id}`).expect(200);
      expect(reread.body).toMatchObject({ termMonths: 12, version: 2, meetingRules: { ministerial: DEFAULT_MEETING_RULES.ministerial } });
    });

    it.each([
      [{ name: 'x' }, 'version'],
      [{ version: 1, slug: 'Bad Slug' }, 'slug'],
      [{ version: 1, name: null }, 'name'],
      [{ version: 1, termMonths: 500 }, 'termMonths'],
      [{ version: 1, timeZone: 'Nowhere/Land' }, 'timeZone'],
      [{ version: 1, id: randomUUID() }, 'id'],
      [{ version: 1, meetingRules: { ministerial: { agendaDays: 121 } } }, 'meetingRules.ministerial.agendaDays'],
    ])('refuses %j naming the field and changes nothing', async (patch, field) => {
      const before = await counts();
      const res = await ctx.http().patch(`/councils/${council.id}`).send(patch).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
      expect((await ctx.http().get(`/councils/${council.id}`)).body.version).toBe(1);
    });

    it('refuses taking another council’s slug with 409 naming slug', async () => {
      const other = (await ctx.http().post('/councils').send(body()).expect(201)).body;
      const before = await counts();
      const res = await ctx.http().patch(`/councils/${council.id}`).send({ version: 1, slug: other.slug }).expect(409);
      expect(fieldsOf(res)).toEqual(['slug']);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for a missing council and 400 for a bad id', async () => {
      await ctx.http().patch(`/councils/${randomUUID()}`).send({ version: 1, name: 'x' }).expect(404);
      await ctx.http().patch('/councils/123').send({ version: 1, name: 'x' }).expect(400);
    });
  });
});
