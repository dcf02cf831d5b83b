import type { Actor } from './actors.js';
import { given, type Seat } from './given.js';
import type { TestContext } from './test-app.js';

/** Helpers shared by the meeting tests. */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const at = (msFromNow: number) => new Date(Date.now() + msFromNow);

/** A council through the API, working in Spanish and English, whose working groups need 20 days' notice (not the default 30). */
export const meetingsCouncil = async (ctx: TestContext, slug: string): Promise<string> => (await given(ctx).council(slug)).id;

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

/** A participant of the council and its delegation ("Delegation <name>"), as p (participant) and d (delegation). */
const seated = async (seat: Promise<Seat>): Promise<{ p: string; d: string }> => {
  const { participantId, delegationId } = await seat;
  return { p: participantId, d: delegationId };
};

export const insertMemberState = (ctx: TestContext, councilId: string, name: string, iso: string, pos: number) =>
  seated(
    given(ctx)
      .inCouncil(councilId)
      .memberState(name, { iso, position: pos, delegation: `Delegation ${name}` }),
  );
export const insertPermanentParticipant = (ctx: TestContext, councilId: string, name: string) =>
  seated(
    given(ctx)
      .inCouncil(councilId)
      .permanentParticipant(name, { delegation: `Delegation ${name}` }),
  );
export const insertObserver = (ctx: TestContext, councilId: string, name: string) =>
  seated(
    given(ctx)
      .inCouncil(councilId)
      .observer(name, { delegation: `Delegation ${name}` }),
  );

/** The participant presides from 30 days ago for the next 300 days. */
export async function presiding(ctx: TestContext, councilId: string, participantId: string): Promise<void> {
  await given(ctx).inCouncil(councilId).presiding(participantId);
}

/** A council (quorum ratio 0.75 by default: 3 of its 4 member states), Mexico presiding, with a delegate in every delegation. */
export async function sessionWorld(ctx: TestContext, slug: string): Promise<SessionWorld> {
  const c = await given(ctx).council(slug);
  const state = (name: string, iso: string, position: number) => c.memberState(name, { iso, position, delegation: `Delegation ${name}` });
  const mx = await state('Mexico', 'MX', 1);
  const ca = await state('Canada', 'CA', 2);
  const gt = await state('Guatemala', 'GT', 3);
  const hn = await state('Honduras', 'HN', 4);
  const pp = await c.permanentParticipant('Migrant Network', { delegation: 'Delegation Migrant Network' });
  const obs = await c.observer('IOM', { delegation: 'Delegation IOM' });
  await c.presiding(mx);
  return {
    councilId: c.id,
    mx: mx.delegationId,
    ca: ca.delegationId,
    gt: gt.delegationId,
    hn: hn.delegationId,
    pp: pp.delegationId,
    obs: obs.delegationId,
    chair: await c.delegate(mx, 'head'),
    canada: await c.delegate(ca, 'head'),
    guatemala: await c.delegate(gt, 'head'),
    honduras: await c.delegate(hn, 'head'),
    civilSociety: await c.delegate(pp, 'head'),
    observer: await c.delegate(obs, 'head'),
    secretariat: await c.secretariat(),
  };
}

/**
 * Brings the meeting's day (by SQL): it now starts in 10 minutes, its length kept, so its session may open
 * (a session opens on the meeting's day). The version is untouched: the test's counting stays as it was.
 */
export async function meetingDayCome(ctx: Pick<TestContext, 'db'>, meetingId: string): Promise<void> {
  await ctx.db.query(
    `UPDATE meetings SET starts_at = now() + interval '10 minutes', ends_at = now() + interval '10 minutes' + (ends_at - starts_at) WHERE id = $1`,
    [meetingId],
  );
}
