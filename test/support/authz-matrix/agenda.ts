import { type AuthzFixtures } from '../authz-fixtures.js';
import { meetingDayCome } from '../meetings.js';
import { freshMeeting, MEETING_READERS } from './meetings.js';
import { type MatrixEntry, s, SECRETARIAT_ONLY } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Meeting agendas, the meeting pack, carrying agenda items forward. */

// ───────────────────────────── meeting agendas: read by the council's readers, built by its secretariat; the chair may add items ─────────────────────────────

/** A fresh meeting of council A (draft, or convened) whose agenda holds one item; the agenda is then at version 2. */
export async function freshAgenda(f: AuthzFixtures, opts: { convened?: boolean } = {}): Promise<{ meetingId: string; itemId: string }> {
  const { meetingId } = await freshMeeting(f);
  if (opts.convened) {
    const res = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/transitions`).send({ to: 'convened', version: 1 });
    if (res.status !== 200) throw new Error(`agenda fixture (convene): ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items`)
    .send({ title: { es: `Punto ${f.unique()}` }, purpose: 'discussion' });
  if (res.status !== 201) throw new Error(`agenda fixture (item): ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, itemId: res.body.id as string };
}

/** A meeting of council A in session whose agenda (one item) is circulated, at agenda version 3. */
async function circulatedAgendaInSession(f: AuthzFixtures): Promise<{ meetingId: string }> {
  const { meetingId } = await freshAgenda(f, { convened: true });
  const base = `/councils/${f.A.councilId}/meetings/${meetingId}`;
  const circulated = await f.ctx.http().post(`${base}/agenda/circulate`).send({ version: 2 });
  if (circulated.status !== 200) throw new Error(`agenda fixture (circulate): ${circulated.status} ${JSON.stringify(circulated.body)}`);
  // created 1 → convened 2 → agenda_circulated 3; its day come (a session opens on the meeting's day)
  await meetingDayCome(f.ctx, meetingId);
  const opened = await f.ctx.http().post(`${base}/transitions`).send({ to: 'in_session', version: 3 });
  if (opened.status !== 200) throw new Error(`agenda fixture (open): ${opened.status} ${JSON.stringify(opened.body)}`);
  return { meetingId };
}

export const agendaRoutes: Record<string, MatrixEntry> = {
  'GET /councils/:councilId/meetings/:meetingId/agenda': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  // The meeting pack: the council's readers; with Prefer: respond-async a pack not built yet is a 202 at once (no worker runs here).
  'GET /councils/:councilId/meetings/:meetingId/pack.pdf': {
    request: async (f) => ({ params: await freshMeeting(f), query: { lang: 'en' }, headers: { prefer: 'respond-async' } }),
    expect: s(202, 202, 202, 202, 202, 403, 202, 401),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/items': {
    request: async (f) => ({ params: await freshMeeting(f), body: { title: { es: 'Movilidad laboral', en: 'Labour mobility' }, purpose: 'decision' } }),
    // The chair may put items on the agenda (and alone accepts late ones).
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'PATCH /councils/:councilId/meetings/:meetingId/agenda/items/:itemId': {
    request: async (f) => ({ params: await freshAgenda(f), body: { version: 1, purpose: 'information', minutesAllotted: 20 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'DELETE /councils/:councilId/meetings/:meetingId/agenda/items/:itemId': {
    request: async (f) => ({ params: await freshAgenda(f), query: { version: '1' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/reorder': {
    request: async (f) => {
      const { meetingId, itemId } = await freshAgenda(f);
      return { params: { meetingId }, body: { version: 2, itemIds: [itemId] } };
    },
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/circulate': {
    request: async (f) => ({ params: { meetingId: (await freshAgenda(f, { convened: true })).meetingId }, body: { version: 2 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/agenda/adopt': {
    request: async (f) => ({ params: await circulatedAgendaInSession(f), body: { version: 3 } }),
    expect: SECRETARIAT_ONLY(200),
  },

  // Carrying an item of a circulated agenda forward to a later meeting (the secretariat's).
  'POST /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/carry-forward': {
    request: async (f) => {
      const { meetingId, itemId } = await freshAgenda(f, { convened: true });
      const circulated = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/circulate`).send({ version: 2 });
      if (circulated.status !== 200) throw new Error(`agenda fixture (circulate): ${circulated.status} ${JSON.stringify(circulated.body)}`);
      const later = await freshMeeting(f); // created after the source: it starts later
      return { params: { meetingId, itemId }, body: { version: 1, toMeetingId: later.meetingId } };
    },
    expect: SECRETARIAT_ONLY(201),
  },

  // Carrying a circulated agenda forward to the next meeting of the same body (the secretariat's).
  'POST /councils/:councilId/meetings/:meetingId/agenda/carry-forward': {
    request: async (f) => {
      const { meetingId } = await circulatedAgendaInSession(f);
      await freshMeeting(f); // the next meeting of the same body (created later: it starts later)
      return { params: { meetingId }, body: {} };
    },
    expect: SECRETARIAT_ONLY(200),
  },
};
