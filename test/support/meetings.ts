import { randomUUID } from 'node:crypto';
import { type Actor, delegateOf, secretariat } from './actors.js';
import type { TestContext } from './test-app.js';

/** Helpers shared by the meeting tests. */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const at = (msFromNow: number) => new Date(Date.now() + msFromNow);

/** A council through the API, working in Spanish and English, whose working groups need 20 days' notice (not the default 30). */
export async function meetingsCouncil(ctx: TestContext, slug: string): Promise<string> {
  const res = await ctx
    .http()
    .post('/councils')
    .send({
      slug: `${slug}-${randomUUID().slice(0, 8)}`,
      name: `Council ${slug} ${randomUUID()}`,
      workingLanguages: ['es', 'en'],
      timeZone: 'America/Panama',
      meetingRules: { working_group: { noticeDays: 20, agendaDays: 15, papersDays: 5 } },
    });
  if (res.status !== 201) throw new Error(`council: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface SessionWorld {
  councilId: string;
  /** Delegation ids: four member states (Mexico presides), a permanent participant, an observer. */
  mx: string;
  ca: string;
  gt: string;
  hn: string;
  pp: string;
  obs: string;
  chair: Actor;
  canada: Actor;
  guatemala: Actor;
  honduras: Actor;
  civilSociety: Actor;
  observer: Actor;
  secretariat: Actor;
}

/** A participant of the council (raw SQL) and the delegation that goes with it. */
export async function insertParticipant(ctx: TestContext, councilId: string, sql: string, params: unknown[]): Promise<{ p: string; d: string }> {
  const p = ((await ctx.db.query(sql, [councilId, ...params])) as { id: string }[])[0]!.id;
  const d = ((await ctx.db.query(`INSERT INTO delegations (council_id, participant_id, name) VALUES ($1, $2, $3) RETURNING id`, [councilId, p, `Delegation ${params[0]}`])) as {
    id: string;
  }[])[0]!.id;
  return { p, d };
}

export const insertMemberState = (ctx: TestContext, councilId: string, name: string, iso: string, pos: number) =>
  insertParticipant(ctx, councilId, `INSERT INTO participants (council_id, kind, name, iso_code, rotation_position) VALUES ($1, 'member_state', $2, $3, $4) RETURNING id`, [name, iso, pos]);
export const insertPermanentParticipant = (ctx: TestContext, councilId: string, name: string) =>
  insertParticipant(ctx, councilId, `INSERT INTO participants (council_id, kind, name, category) VALUES ($1, 'permanent_participant', $2, 'civil_society') RETURNING id`, [name]);
export const insertObserver = (ctx: TestContext, councilId: string, name: string) =>
  insertParticipant(ctx, councilId, `INSERT INTO participants (council_id, kind, name, category) VALUES ($1, 'observer', $2, 'intergovernmental') RETURNING id`, [name]);

/** The participant presides from 30 days ago for the next 300 days. */
export async function presiding(ctx: TestContext, councilId: string, participantId: string): Promise<void> {
  await ctx.db.query(
    `INSERT INTO presidency_terms (council_id, participant_id, period)
     VALUES ($1, $2, tstzrange(date_trunc('second', now()) - interval '30 days', date_trunc('second', now()) + interval '300 days', '[)'))`,
    [councilId, participantId],
  );
}

/** A council (quorum ratio 0.75 by default: 3 of its 4 member states), Mexico presiding, with a delegate in every delegation. */
export async function sessionWorld(ctx: TestContext, slug: string): Promise<SessionWorld> {
  const councilId = await meetingsCouncil(ctx, slug);
  const state = (name: string, iso: string, pos: number) => insertMemberState(ctx, councilId, name, iso, pos);
  const mx = await state('Mexico', 'MX', 1);
  const ca = await state('Canada', 'CA', 2);
  const gt = await state('Guatemala', 'GT', 3);
  const hn = await state('Honduras', 'HN', 4);
  const pp = await insertPermanentParticipant(ctx, councilId, 'Migrant Network');
  const obs = await insertObserver(ctx, councilId, 'IOM');
  await presiding(ctx, councilId, mx.p);
  return {
    councilId,
    mx: mx.d,
    ca: ca.d,
    gt: gt.d,
    hn: hn.d,
    pp: pp.d,
    obs: obs.d,
    chair: await delegateOf(ctx, councilId, mx.d, 'head'),
    canada: await delegateOf(ctx, councilId, ca.d, 'head'),
    guatemala: await delegateOf(ctx, councilId, gt.d, 'head'),
    honduras: await delegateOf(ctx, councilId, hn.d, 'head'),
    civilSociety: await delegateOf(ctx, councilId, pp.d, 'head'),
    observer: await delegateOf(ctx, councilId, obs.d, 'head'),
    secretariat: await secretariat(ctx, councilId),
  };
}

/**
 * Brings the meeting's day (by SQL): it now starts in 10 minutes, its length kept, so its session may open
 * (a session opens on the meeting's day). The version is untouched: the test's counting stays as it was.
 */
export async function meetingDayCome(ctx: Pick<TestContext, 'db'>, meetingId: string): Promise<void> {
  await ctx.db.query(`UPDATE meetings SET starts_at = now() + interval '10 minutes', ends_at = now() + interval '10 minutes' + (ends_at - starts_at) WHERE id = $1`, [meetingId]);
}
