import { randomBytes } from 'node:crypto';
import { ActionItemEscalationRepository } from '../src/modules/action-items/reminders/action-item-escalation.repository.js';
import { DatabaseSnapshot } from './support/authz-fixtures.js';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * A zone is stored only when both PostgreSQL and the runtime (ICU, luxon) know
 * it. ICU still knows names the tz database (and so PostgreSQL) dropped: a
 * council with such a zone made every `AT TIME ZONE` of its reads fail (500),
 * and the worker's council-wide scans with it.
 */
const UNKNOWN_TO_POSTGRES = ['US/Pacific-New', 'Canada/East-Saskatchewan'];
const GOOD = 'America/Mexico_City';

let ctx: TestContext;
let snapshot: DatabaseSnapshot;
let councilId: string;
let participantId: string;
let delegationId: string;
let delegateId: string;
let meetingId: string;
let seriesId: string;
let termId: string;

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await ctx.db.query(sql, params)) as T[])[0]!;
const version = async (table: string, id: string) => (await one<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id])).version;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

beforeAll(async () => {
  ctx = await createTestContext();
  snapshot = new DatabaseSnapshot(ctx);
  const slug = `tz-${randomBytes(4).toString('hex')}`;
  councilId = (
    await ctx
      .http()
      .post('/councils')
      .send({ slug, name: `Council ${slug}`, workingLanguages: ['es', 'en'], timeZone: 'UTC' })
      .expect(201)
  ).body.id;
  participantId = (await ctx.http().post(`/councils/${councilId}/participants`).send({ kind: 'member_state', name: 'Guatemala', isoCode: 'GT' }).expect(201))
    .body.id;
  delegationId = (await one<{ id: string }>(`SELECT id FROM delegations WHERE participant_id = $1`, [participantId])).id;
  delegateId = (
    await ctx
      .http()
      .post(`/councils/${councilId}/delegations/${delegationId}/delegates`)
      .send({ fullName: 'Ana López', email: `ana-${slug}@test.protempore.org`, role: 'adviser' })
      .expect(201)
  ).body.id;
  meetingId = (
    await ctx
      .http()
      .post(`/councils/${councilId}/meetings`)
      .send({ kind: 'working_group', title: 'Working meeting', startsAt: inDays(200), endsAt: inDays(200, 3), timeZone: 'UTC' })
      .expect(201)
  ).body.id;
  seriesId = (
    await ctx
      .http()
      .post(`/councils/${councilId}/series`)
      .send({
        kind: 'working_group',
        title: 'Regular',
        startTime: '09:00',
        durationMinutes: 60,
        timeZone: 'UTC',
        recurrence: { frequency: 'weekly', interval: 1, weekday: 'TU' },
        firstDate: '2031-03-03',
        count: 2,
      })
      .expect(201)
  ).body.id;
  termId = await given(ctx).inCouncil(councilId).presiding(participantId);
});
afterAll(() => ctx?.close());

interface EntryPoint {
  method: 'post' | 'patch';
  path: () => string;
  body: (zone: string) => Promise<Record<string, unknown>>;
}

const ENTRY_POINTS: Record<string, EntryPoint> = {
  'POST /councils': {
    method: 'post',
    path: () => '/councils',
    body: async (timeZone) => ({
      slug: `tz-${randomBytes(4).toString('hex')}`,
      name: `Council ${randomBytes(3).toString('hex')}`,
      workingLanguages: ['es'],
      timeZone,
    }),
  },
  'PATCH /councils/:councilId': {
    method: 'patch',
    path: () => `/councils/${councilId}`,
    body: async (timeZone) => ({ version: await version('councils', councilId), timeZone }),
  },
  'POST /councils/:councilId/participants': {
    method: 'post',
    path: () => `/councils/${councilId}/participants`,
    body: async (timeZone) => ({ kind: 'permanent_participant', name: `Network ${randomBytes(3).toString('hex')}`, category: 'academia', timeZone }),
  },
  'PATCH /councils/:councilId/participants/:participantId': {
    method: 'patch',
    path: () => `/councils/${councilId}/participants/${participantId}`,
    body: async (timeZone) => ({ version: await version('participants', participantId), timeZone }),
  },
  'POST /councils/:councilId/delegations/:delegationId/delegates': {
    method: 'post',
    path: () => `/councils/${councilId}/delegations/${delegationId}/delegates`,
    body: async (timeZone) => ({ fullName: 'New Adviser', email: `adviser-${randomBytes(4).toString('hex')}@test.protempore.org`, role: 'adviser', timeZone }),
  },
  'PATCH /councils/:councilId/delegations/:delegationId/delegates/:delegateId': {
    method: 'patch',
    path: () => `/councils/${councilId}/delegations/${delegationId}/delegates/${delegateId}`,
    body: async (timeZone) => ({ version: await version('delegates', delegateId), timeZone }),
  },
  'POST /councils/:councilId/meetings': {
    method: 'post',
    path: () => `/councils/${councilId}/meetings`,
    body: async (timeZone) => ({ kind: 'working_group', title: 'Another meeting', startsAt: inDays(210), endsAt: inDays(210, 2), timeZone }),
  },
  'PATCH /councils/:councilId/meetings/:meetingId': {
    method: 'patch',
    path: () => `/councils/${councilId}/meetings/${meetingId}`,
    body: async (timeZone) => ({ version: await version('meetings', meetingId), timeZone }),
  },
  'POST /councils/:councilId/series': {
    method: 'post',
    path: () => `/councils/${councilId}/series`,
    body: async (timeZone) => ({
      kind: 'working_group',
      title: `Series ${randomBytes(3).toString('hex')}`,
      startTime: '10:00',
      durationMinutes: 60,
      timeZone,
      recurrence: { frequency: 'weekly', interval: 1, weekday: 'WE' },
      firstDate: '2032-03-03',
      count: 1,
    }),
  },
  'PATCH /councils/:councilId/series/:seriesId': {
    method: 'patch',
    path: () => `/councils/${councilId}/series/${seriesId}`,
    body: async (timeZone) => ({ version: await version('meeting_series', seriesId), timeZone }),
  },
  'POST /councils/:councilId/presidency/terms/:termId/troika-meeting': {
    method: 'post',
    path: () => `/councils/${councilId}/presidency/terms/${termId}/troika-meeting`,
    body: async (timeZone) => ({ startsAt: inDays(40), endsAt: inDays(40, 2), timeZone }),
  },
};

describe.each(Object.keys(ENTRY_POINTS))('%s', (route) => {
  const e = ENTRY_POINTS[route]!;

  it.each(UNKNOWN_TO_POSTGRES)('refuses %s (known to ICU, not to PostgreSQL) with a 400 naming timeZone, and writes nothing', async (zone) => {
    const body = await e.body(zone);
    const before = await snapshot.take();
    const res = await ctx.http()[e.method](e.path()).send(body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'timeZone', rule: 'isTimeZone' })]);
    expect(await snapshot.take()).toEqual(before);
  });

  it(`accepts ${GOOD}`, async () => {
    const res = await ctx
      .http()
      [e.method](e.path())
      .send(await e.body(GOOD));
    expect({ status: res.status, text: res.text.slice(0, 300) }).toMatchObject({ status: e.method === 'post' ? 201 : 200 });
  });
});

describe('in the database', () => {
  const TABLES: Record<string, () => string> = {
    councils: () => councilId,
    participants: () => participantId,
    delegates: () => delegateId,
    meetings: () => meetingId,
    meeting_series: () => seriesId,
    users: () => ctx.operator.userId,
  };

  it.each(Object.keys(TABLES))('%s refuses a zone PostgreSQL does not know, whoever writes it', async (table) => {
    await expect(ctx.db.query(`UPDATE ${table} SET time_zone = 'US/Pacific-New' WHERE id = $1`, [TABLES[table]!()])).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23514', constraint: `${table}_time_zone_known` }),
    });
    await ctx.db.query(`UPDATE ${table} SET time_zone = $2 WHERE id = $1`, [TABLES[table]!(), GOOD]);
  });

  it('a zone stored before the check (PostgreSQL dropped it since) leaves the row editable, skips the council in the worker scan, and can be corrected', async () => {
    const slug = `tz-old-${randomBytes(4).toString('hex')}`;
    const bad = (
      await ctx
        .http()
        .post('/councils')
        .send({ slug, name: `Council ${slug}`, workingLanguages: ['es'], timeZone: 'UTC' })
        .expect(201)
    ).body.id as string;
    // Both councils have an item overdue long enough to go on an agenda.
    const badParticipant = (await ctx.http().post(`/councils/${bad}/participants`).send({ kind: 'member_state', name: 'Panama', isoCode: 'PA' }).expect(201))
      .body.id as string;
    const badDelegation = (await one<{ id: string }>(`SELECT id FROM delegations WHERE participant_id = $1`, [badParticipant])).id;
    for (const [c, d] of [
      [councilId, delegationId],
      [bad, badDelegation],
    ]) {
      await given(ctx)
        .inCouncil(c!)
        .actionItem(d!, { title: { es: 'Vencida' }, dueInDays: -60 });
    }
    await ctx.db.query(`ALTER TABLE councils DISABLE TRIGGER councils_time_zone_known`);
    try {
      await ctx.db.query(`UPDATE councils SET time_zone = 'US/Pacific-New' WHERE id = $1`, [bad]);
    } finally {
      await ctx.db.query(`ALTER TABLE councils ENABLE TRIGGER councils_time_zone_known`);
    }

    const repo = new ActionItemEscalationRepository();
    const scanned = await repo.councilsWithCandidates(ctx.db.manager);
    expect(scanned).toContain(councilId);
    expect(scanned).not.toContain(bad);
    expect(await repo.councilsWithUnknownZone(ctx.db.manager)).toEqual([{ id: bad, timeZone: 'US/Pacific-New' }]);

    // The trigger checks a zone when it is written or changed: the council can still be renamed, then corrected.
    await ctx
      .http()
      .patch(`/councils/${bad}`)
      .send({ version: await version('councils', bad), name: `Renamed ${slug}` })
      .expect(200);
    await ctx
      .http()
      .patch(`/councils/${bad}`)
      .send({ version: await version('councils', bad), timeZone: GOOD })
      .expect(200);
    expect(await repo.councilsWithCandidates(ctx.db.manager)).toContain(bad);
    expect(await repo.councilsWithUnknownZone(ctx.db.manager)).toEqual([]);
  });
});
