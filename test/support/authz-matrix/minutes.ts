import { type AuthzFixtures } from '../authz-fixtures.js';
import { MEETING_READERS } from './meetings.js';
import { freshSession } from './session.js';
import { type MatrixEntry, s, SECRETARIAT_ONLY } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Minutes. */

// ───────────────────────────── minutes: kept by the secretariat, read by the council's readers, commented on by every delegation, public once approved ─────────────────────────────

/** A fresh meeting of council A, closed after a session (X, Y, Z present), whose minutes are drafted (minutes version 1). */
async function freshMinutes(f: AuthzFixtures, opts: { circulated?: boolean; approved?: boolean } = {}): Promise<{ meetingId: string }> {
  const { meetingId } = await freshSession(f);
  const base = `/councils/${f.A.councilId}/meetings/${meetingId}`;
  // created 1 → convened 2 → in_session 3 → closed 4
  const closed = await f.ctx.http().post(`${base}/transitions`).send({ to: 'closed', version: 3 });
  if (closed.status !== 200) throw new Error(`minutes fixture (close): ${closed.status} ${JSON.stringify(closed.body)}`);
  const drafted = await f.ctx.http().post(`${base}/minutes`).send({});
  if (drafted.status !== 201) throw new Error(`minutes fixture (draft): ${drafted.status} ${JSON.stringify(drafted.body)}`);
  if (opts.circulated || opts.approved) {
    const circulated = await f.ctx.http().post(`${base}/minutes/circulate`).send({ version: 1 });
    if (circulated.status !== 200) throw new Error(`minutes fixture (circulate): ${circulated.status} ${JSON.stringify(circulated.body)}`);
  }
  if (opts.approved) {
    // The comment period ended yesterday.
    await f.ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 day' WHERE meeting_id = $1`, [
      meetingId,
    ]);
    const approved = await f.ctx.http().post(`${base}/minutes/approve`).send({ version: 2 });
    if (approved.status !== 200) throw new Error(`minutes fixture (approve): ${approved.status} ${JSON.stringify(approved.body)}`);
  }
  return { meetingId };
}

/** Every delegation of the council comments (member states, the chair's, observers); the secretariat and the administrator do not. */
const COMMENTERS = (ok: number) => s(ok, ok, ok, ok, 403, 403, 403, 401);
const EVERYONE = (ok: number) => s(ok, ok, ok, ok, ok, ok, ok, ok);

export const minutesRoutes: Record<string, MatrixEntry> = {
  'POST /councils/:councilId/meetings/:meetingId/minutes': {
    request: async (f) => {
      const { meetingId } = await freshSession(f);
      const closed = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/transitions`).send({ to: 'closed', version: 3 });
      if (closed.status !== 200) throw new Error(`minutes fixture (close): ${closed.status} ${JSON.stringify(closed.body)}`);
      return { params: { meetingId }, body: { notes: { es: 'La sesión se abrió a las 9:00.' } } };
    },
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/meetings/:meetingId/minutes': { request: async (f) => ({ params: await freshMinutes(f) }), expect: MEETING_READERS },
  'GET /councils/:councilId/meetings/:meetingId/minutes/document.pdf': {
    request: async (f) => ({ params: await freshMinutes(f), query: { lang: 'es' } }),
    expect: MEETING_READERS,
  },
  'PATCH /councils/:councilId/meetings/:meetingId/minutes': {
    request: async (f) => ({ params: await freshMinutes(f), body: { version: 1, notes: { es: 'Notas revisadas' } } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/minutes/circulate': {
    request: async (f) => ({ params: await freshMinutes(f), body: { version: 1 } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'POST /councils/:councilId/meetings/:meetingId/minutes/approve': {
    request: async (f) => {
      const { meetingId } = await freshMinutes(f, { circulated: true });
      await f.ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 day' WHERE meeting_id = $1`, [
        meetingId,
      ]);
      return { params: { meetingId }, body: { version: 2 } };
    },
    expect: SECRETARIAT_ONLY(200),
  },
  'GET /councils/:councilId/meetings/:meetingId/minutes/comments': { request: async (f) => ({ params: await freshMinutes(f) }), expect: MEETING_READERS },
  'POST /councils/:councilId/meetings/:meetingId/minutes/comments': {
    request: async (f) => ({ params: await freshMinutes(f, { circulated: true }), body: { text: 'Please record our statement on item 1.' } }),
    expect: COMMENTERS(201),
  },
  // Public: approved minutes only, read by anyone.
  'GET /councils/:councilId/minutes': { request: () => ({}), expect: EVERYONE(200) },
  'GET /councils/:councilId/minutes/:meetingId': { request: async (f) => ({ params: await freshMinutes(f, { approved: true }) }), expect: EVERYONE(200) },
  'GET /councils/:councilId/minutes/:meetingId/document.pdf': {
    request: async (f) => ({ params: await freshMinutes(f, { approved: true }) }),
    expect: EVERYONE(200),
  },
};
