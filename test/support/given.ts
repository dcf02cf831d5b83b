import { randomUUID } from 'node:crypto';
import { type Actor, admin, delegateOf, secretariat } from './actors.js';
import type { TestContext } from './test-app.js';

/**
 * Test worlds, built over the real database and API: `given(ctx).council(slug)` makes a council through the
 * API, and the council's methods add what a test needs to it — participants (by SQL, with their delegation
 * when named), bodies, presidency terms, delegates and staff with their access tokens, meetings through the
 * API, action items by SQL. Only the columns a test names are written: the database's defaults do the rest.
 *
 *   const c = await given(ctx).council('agenda');
 *   const mexico = await c.memberState('Mexico', { iso: 'MX', position: 1, delegation: 'Delegation of Mexico' });
 *   await c.presiding(mexico);
 *   const chair = await c.delegate(mexico, 'head');
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Db = Pick<TestContext, 'db'>;
type AppAndDb = Pick<TestContext, 'app' | 'db'>;

/** A participant of the council and, when one was named, its delegation. */
export interface Seat {
  participantId: string;
  delegationId: string;
}

/** A participant with no delegation (none named). */
export type Participant = Omit<Seat, 'delegationId'> & { delegationId?: string };

export interface ParticipantOptions {
  /** Creates the participant's delegation under this name. */
  delegation?: string;
  timeZone?: string;
  status?: 'active' | 'suspended' | 'withdrawn';
}

export interface MemberStateOptions extends ParticipantOptions {
  iso: string;
  position: number;
}

export interface NonMemberOptions extends ParticipantOptions {
  category?: string;
}

/**
 * A presidency term: whole days around the database's `now()` (to the second), or two instants. By default
 * from 30 days ago for the next 300 days.
 */
export type Period = { fromDays: number; toDays: number } | { from: Date; to: Date };

export interface MeetingOptions {
  kind?: string;
  title?: string;
  /** Days from now (100 unless told). */
  daysAhead?: number;
  /** Hours long (6 unless told). */
  hours?: number;
  timeZone?: string;
  bodyId?: string | null;
  extra?: Record<string, unknown>;
}

export interface ActionItemOptions {
  title?: Record<string, string>;
  ownerKind?: 'delegation' | 'presidency';
  /** Days from today (30 unless told). */
  dueInDays?: number;
  status?: 'open' | 'acknowledged' | 'done';
}

async function one(ctx: Db, sql: string, params: unknown[]): Promise<string> {
  return ((await ctx.db.query(sql, params)) as { id: string }[])[0]!.id;
}

const idOf = (p: string | Participant): string => (typeof p === 'string' ? p : p.participantId);
const delegationOf = (d: string | Participant): string => {
  const id = typeof d === 'string' ? d : d.delegationId;
  if (!id) throw new Error('given: the participant has no delegation (name one when adding it)');
  return id;
};

export class GivenCouncil {
  constructor(
    private readonly ctx: TestContext,
    readonly id: string,
  ) {}

  /** Any participant: the columns named (besides the council) and nothing else. */
  async participant(kind: string, name: string, columns: Record<string, unknown>, opts: ParticipantOptions = {}): Promise<Participant> {
    const values: Record<string, unknown> = { kind, name, ...columns };
    if (opts.timeZone !== undefined) values.time_zone = opts.timeZone;
    if (opts.status !== undefined) values.status = opts.status;
    const names = Object.keys(values);
    const participantId = await one(
      this.ctx,
      `INSERT INTO participants (council_id, ${names.join(', ')}) VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
      [this.id, ...Object.values(values)],
    );
    if (opts.delegation === undefined) return { participantId };
    return { participantId, delegationId: await this.delegation(participantId, opts.delegation) };
  }

  memberState(name: string, opts: MemberStateOptions & { delegation: string }): Promise<Seat>;
  memberState(name: string, opts: MemberStateOptions): Promise<Participant>;
  memberState(name: string, opts: MemberStateOptions): Promise<Participant> {
    return this.participant('member_state', name, { iso_code: opts.iso, rotation_position: opts.position }, opts);
  }

  permanentParticipant(name: string, opts: NonMemberOptions & { delegation: string }): Promise<Seat>;
  permanentParticipant(name: string, opts?: NonMemberOptions): Promise<Participant>;
  permanentParticipant(name: string, opts: NonMemberOptions = {}): Promise<Participant> {
    return this.participant('permanent_participant', name, { category: opts.category ?? 'civil_society' }, opts);
  }

  observer(name: string, opts: NonMemberOptions & { delegation: string }): Promise<Seat>;
  observer(name: string, opts?: NonMemberOptions): Promise<Participant>;
  observer(name: string, opts: NonMemberOptions = {}): Promise<Participant> {
    return this.participant('observer', name, { category: opts.category ?? 'intergovernmental' }, opts);
  }

  /** The participant's delegation. */
  delegation(participant: string | Participant, name: string): Promise<string> {
    return one(this.ctx, `INSERT INTO delegations (council_id, participant_id, name) VALUES ($1, $2, $3) RETURNING id`, [this.id, idOf(participant), name]);
  }

  /** A body of the council (a working group unless told). */
  body(name: string, kind = 'working_group'): Promise<string> {
    return one(this.ctx, `INSERT INTO bodies (council_id, kind, name) VALUES ($1, $2, $3) RETURNING id`, [this.id, kind, name]);
  }

  /** The participant leads the body from `sinceDays` ago, with no end. */
  async bodyLead(bodyId: string, participant: string | Participant, sinceDays: number): Promise<void> {
    await this.ctx.db.query(
      `INSERT INTO body_leads (council_id, body_id, participant_id, period) VALUES ($1, $2, $3, daterange(current_date - $4::int, NULL, '[)'))`,
      [this.id, bodyId, idOf(participant), sinceDays],
    );
  }

  /** A presidency term of the participant (from 30 days ago for the next 300 days unless told); its id. */
  presiding(participant: string | Participant, period: Period = { fromDays: -30, toDays: 300 }): Promise<string> {
    if ('from' in period) {
      return one(this.ctx, `INSERT INTO presidency_terms (council_id, participant_id, period) VALUES ($1, $2, tstzrange($3, $4, '[)')) RETURNING id`, [
        this.id,
        idOf(participant),
        period.from,
        period.to,
      ]);
    }
    return one(
      this.ctx,
      `INSERT INTO presidency_terms (council_id, participant_id, period)
       VALUES ($1, $2, tstzrange(date_trunc('second', now()) + make_interval(days => $3), date_trunc('second', now()) + make_interval(days => $4), '[)')) RETURNING id`,
      [this.id, idOf(participant), period.fromDays, period.toDays],
    );
  }

  /** A user seated as an active delegate of the delegation (an adviser unless told), with an access token. */
  delegate(delegation: string | Participant, role: 'head' | 'alternate' | 'adviser' = 'adviser'): Promise<Actor & { delegateId: string }> {
    return delegateOf(this.ctx, this.id, delegationOf(delegation), role);
  }

  /** A user holding the secretariat role in the council, with an access token. */
  secretariat(): Promise<Actor> {
    return secretariat(this.ctx, this.id);
  }

  /** A draft meeting through the API (a working group's, 100 days ahead, 6 hours long unless told); its id. */
  async meeting(opts: MeetingOptions = {}): Promise<string> {
    const startsAt = new Date(Date.now() + (opts.daysAhead ?? 100) * DAY);
    const res = await this.ctx
      .http()
      .post(`/councils/${this.id}/meetings`)
      .send({
        kind: opts.kind ?? 'working_group',
        ...(opts.bodyId ? { bodyId: opts.bodyId } : {}),
        title: opts.title ?? 'Working group meeting',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + (opts.hours ?? 6) * HOUR).toISOString(),
        timeZone: opts.timeZone ?? 'America/Mexico_City',
        ...opts.extra,
      });
    if (res.status !== 201) throw new Error(`given meeting: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** An action item owned by the delegation (by SQL), in the given status (open unless told); its id and version. */
  async actionItem(owner: string | Participant, opts: ActionItemOptions = {}): Promise<{ id: string; version: number }> {
    const status = opts.status ?? 'open';
    const rows = (await this.ctx.db.query(
      `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status, acknowledged_at, done_at)
       VALUES ($1, $2, $3, $4, current_date + $5::int, $6, CASE WHEN $6 IN ('acknowledged', 'done') THEN now() END, CASE WHEN $6 = 'done' THEN now() END)
       RETURNING id, version`,
      [this.id, opts.title ?? { en: 'An action item' }, opts.ownerKind ?? 'delegation', delegationOf(owner), opts.dueInDays ?? 30, status],
    )) as { id: string; version: number }[];
    return rows[0]!;
  }
}

/** A council through the API, working in Spanish and English, whose working groups need 20 days' notice (not the default 30). */
async function council(ctx: TestContext, slug: string): Promise<string> {
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

export interface Given {
  /** A council through the API, working in Spanish and English (America/Panama), whose working groups need 20 days' notice. */
  council(slug: string): Promise<GivenCouncil>;
  /** A council made otherwise, to add to. */
  inCouncil(councilId: string): GivenCouncil;
  /** A system administrator with an access token. */
  admin(): Promise<Actor>;
}

export function given(ctx: TestContext): Given {
  return {
    council: async (slug) => new GivenCouncil(ctx, await council(ctx, slug)),
    inCouncil: (councilId) => new GivenCouncil(ctx, councilId),
    admin: () => admin(ctx as AppAndDb),
  };
}
