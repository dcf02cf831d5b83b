import { type AuthzFixtures } from '../authz-fixtures.js';
import { type MatrixEntry, s, SECRETARIAT_ONLY } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Meetings, series and backlog, calendar feeds. */

// ───────────────────────────── meetings: read by the council's readers, managed by its secretariat ─────────────────────────────

/** A draft working-group meeting of council A, far enough ahead to be convened. */
export async function freshMeeting(f: AuthzFixtures): Promise<{ meetingId: string }> {
  const startsAt = new Date(Date.now() + 200 * 86_400_000);
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings`)
    .send({
      kind: 'working_group',
      title: `Matrix meeting ${f.unique()}`,
      bodyId: f.A.bodyId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      timeZone: 'America/Guatemala',
    });
  if (res.status !== 201) throw new Error(`meeting fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId: res.body.id as string };
}

export const MEETING_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);

// ── series and backlog: series read by the council's readers and managed by its secretariat; any delegation proposes backlog items, the proposing delegation (or the secretariat) edits and withdraws them, the secretariat schedules them and carries agendas forward ──

/** A fresh series of council A's body (two draft occurrences, far ahead). */
async function freshSeries(f: AuthzFixtures): Promise<{ seriesId: string }> {
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/series`)
    .send({
      kind: 'working_group',
      title: `Matrix series ${f.unique()}`,
      bodyId: f.A.bodyId,
      startTime: '09:00',
      durationMinutes: 120,
      timeZone: 'America/Guatemala',
      recurrence: { frequency: 'monthly', weekday: 'TU', weekOfMonth: 2 },
      firstDate: '2031-01-01',
      count: 2,
    });
  if (res.status !== 201) throw new Error(`series fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { seriesId: res.body.id as string };
}

/** A backlog item of council A's body proposed by Y's delegate (the owner delegation). */
async function freshBacklogItem(f: AuthzFixtures): Promise<{ bodyId: string; itemId: string }> {
  const res = await f.ctx
    .anonymous()
    .post(`/councils/${f.A.councilId}/bodies/${f.A.bodyId}/backlog`)
    .set(f.actors.ownerDelegate!.auth)
    .send({ title: { es: `Propuesta ${f.unique()}` }, purpose: 'discussion' });
  if (res.status !== 201) throw new Error(`backlog fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { bodyId: f.A.bodyId, itemId: res.body.id as string };
}

// ───────────────────────────── calendar feeds: your own subscriptions; the feed itself is read by its secret URL ─────────────────────────────

/** A fresh personal feed of council A belonging to Y's delegate (the first column): its id and its secret token. */
async function ownerCalendarFeed(f: AuthzFixtures): Promise<{ feedId: string; token: string }> {
  const res = await f.ctx.anonymous().post('/me/calendar-feeds').set(f.actors.ownerDelegate!.auth).send({ councilId: f.A.councilId });
  if (res.status !== 201) throw new Error(`calendar feed fixture: ${res.status} ${JSON.stringify(res.body)}`);
  const token = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(res.body.url as string)?.[1];
  if (!token) throw new Error(`calendar feed fixture: no token in ${String(res.body.url)}`);
  return { feedId: res.body.id as string, token };
}

export const meetingsRoutes: Record<string, MatrixEntry> = {
  'POST /councils/:councilId/meetings': {
    request: (f) => ({
      body: {
        kind: 'senior_officials',
        title: 'Senior officials meeting',
        bodyId: f.A.bodyId,
        hostParticipantId: f.A.Y.participantId,
        startsAt: '2030-05-04T15:00:00Z',
        endsAt: '2030-05-04T22:00:00Z',
        timeZone: 'America/Guatemala',
      },
    }),
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/meetings': { request: () => ({ query: { status: 'draft' } }), expect: MEETING_READERS },
  'GET /councils/:councilId/meetings/working-hours': {
    request: () => ({ query: { start: '2030-03-11T14:00:00Z', end: '2030-03-11T22:00:00Z' } }),
    expect: MEETING_READERS,
  },
  'GET /councils/:councilId/meetings/:meetingId': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  'PATCH /councils/:councilId/meetings/:meetingId': {
    request: async (f) => ({ params: await freshMeeting(f), body: { version: 1, title: 'Moved meeting', venue: 'Guatemala City' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/transitions': {
    request: async (f) => ({ params: await freshMeeting(f), body: { to: 'convened', version: 1 } }),
    expect: SECRETARIAT_ONLY(200),
  },

  // ── series and backlog ──
  'POST /councils/:councilId/series': {
    request: (f) => ({
      body: {
        kind: 'working_group',
        title: 'Regular meeting',
        bodyId: f.A.bodyId,
        startTime: '10:00',
        durationMinutes: 90,
        timeZone: 'America/Guatemala',
        recurrence: { frequency: 'weekly', interval: 2, weekday: 'TU' },
        firstDate: '2031-03-03',
        count: 2,
      },
    }),
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/series': { request: () => ({}), expect: MEETING_READERS },
  'GET /councils/:councilId/series/:seriesId': { request: async (f) => ({ params: await freshSeries(f) }), expect: MEETING_READERS },
  'PATCH /councils/:councilId/series/:seriesId': {
    request: async (f) => ({ params: await freshSeries(f), body: { version: 1, venue: 'Guatemala City' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/series/:seriesId/end': {
    request: async (f) => ({ params: await freshSeries(f), body: { version: 1 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/bodies/:bodyId/backlog': {
    request: (f) => ({ params: { bodyId: f.A.bodyId }, body: { title: { es: 'Movilidad laboral' }, purpose: 'decision' } }),
    // Any delegation of the council (observers too) and the secretariat.
    expect: s(201, 201, 201, 201, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/bodies/:bodyId/backlog': { request: (f) => ({ params: { bodyId: f.A.bodyId } }), expect: MEETING_READERS },
  'PATCH /councils/:councilId/bodies/:bodyId/backlog/:itemId': {
    // Only the proposing delegation (Y) or the secretariat: other delegations find no item of theirs (404).
    request: async (f) => ({ params: await freshBacklogItem(f), body: { version: 1, purpose: 'information' } }),
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'POST /councils/:councilId/bodies/:bodyId/backlog/:itemId/withdraw': {
    request: async (f) => ({ params: await freshBacklogItem(f), body: { version: 1 } }),
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'POST /councils/:councilId/bodies/:bodyId/backlog/:itemId/schedule': {
    request: async (f) => ({ params: await freshBacklogItem(f), body: { version: 1, meetingId: (await freshMeeting(f)).meetingId } }),
    expect: SECRETARIAT_ONLY(201),
  },

  // ── calendar feeds ──
  // No council in the route: the service requires a role in the council named in the body (none for the
  // foreign secretariat nor for the system administrator, who holds no council role in A) → 403.
  'POST /me/calendar-feeds': { request: (f) => ({ body: { councilId: f.A.councilId, hideTitles: true } }), expect: s(201, 201, 201, 201, 201, 403, 403, 401) },
  'GET /me/calendar-feeds': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'DELETE /me/calendar-feeds/:feedId': {
    // Someone else's feed is not found: the query names the caller.
    request: async (f) => ({ params: { feedId: (await ownerCalendarFeed(f)).feedId } }),
    expect: s(200, 404, 404, 404, 404, 404, 404, 401),
  },
  // Public: the secret in the URL is the credential (calendar clients send no bearer token).
  'GET /calendar/:token.ics': {
    request: async (f) => ({ params: { token: (await ownerCalendarFeed(f)).token } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
  },
};
