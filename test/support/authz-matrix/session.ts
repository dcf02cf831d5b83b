import { type AuthzFixtures } from '../authz-fixtures.js';
import { meetingDayCome } from '../meetings.js';
import { freshMeeting, MEETING_READERS } from './meetings.js';
import { freshAgenda } from './agenda.js';
import { type MatrixEntry, s, SECRETARIAT_ONLY } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Meetings in session: attendance, decisions, objections, positions. */

// ───────────────────────────── meetings in session: attendance by the secretariat; decisions proposed and closed by the chair or the secretariat; member delegates object and state positions; adopted decisions public ─────────────────────────────

/** A fresh meeting of council A in session (convened, then opened) with one agenda item; X, Y and Z (every member state of A) recorded present. */
export async function freshSession(f: AuthzFixtures): Promise<{ meetingId: string; itemId: string }> {
  const { meetingId, itemId } = await freshAgenda(f, { convened: true });
  const base = `/councils/${f.A.councilId}/meetings/${meetingId}`;
  // created 1 → convened 2; its day come (a session opens on the meeting's day)
  await meetingDayCome(f.ctx, meetingId);
  const opened = await f.ctx.http().post(`${base}/transitions`).send({ to: 'in_session', version: 2 });
  if (opened.status !== 200) throw new Error(`session fixture (open): ${opened.status} ${JSON.stringify(opened.body)}`);
  for (const seat of [f.A.X, f.A.Y, f.A.Z]) {
    const res = await f.ctx.http().put(`${base}/attendance/${seat.delegationId}`).send({ present: true, representedBy: 'head' });
    if (res.status !== 200) throw new Error(`session fixture (attendance): ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { meetingId, itemId };
}

/** A decision proposed (by the operator, as secretariat) in a fresh session of council A. */
export async function freshDecision(f: AuthzFixtures): Promise<{ meetingId: string; decisionId: string }> {
  const { meetingId, itemId } = await freshSession(f);
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/agenda/items/${itemId}/decisions`)
    .send({ text: { es: 'Se aprueba el plan', en: 'The plan is approved' } });
  if (res.status !== 201) throw new Error(`decision fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, decisionId: res.body.id as string };
}

/** A standing objection of Y (the owner delegation) to a fresh decision. */
async function freshObjection(f: AuthzFixtures): Promise<{ meetingId: string; decisionId: string; objectionId: string }> {
  const { meetingId, decisionId } = await freshDecision(f);
  const res = await f.ctx
    .anonymous()
    .post(`/councils/${f.A.councilId}/meetings/${meetingId}/decisions/${decisionId}/objections`)
    .set(f.actors.ownerDelegate!.auth)
    .send({ reason: 'Not yet' });
  if (res.status !== 201) throw new Error(`objection fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { meetingId, decisionId, objectionId: res.body.id as string };
}

/** Delegates of member states (X, Y, Z) take part in decisions; observers, secretariat and administrator do not. */
const MEMBER_DELEGATES = (ok: number) => s(ok, ok, 403, ok, 403, 403, 403, 401);

export const sessionRoutes: Record<string, MatrixEntry> = {
  'GET /councils/:councilId/meetings/:meetingId/attendance': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  'PUT /councils/:councilId/meetings/:meetingId/attendance/:delegationId': {
    request: async (f) => ({
      params: { meetingId: (await freshSession(f)).meetingId, delegationId: f.A.Y.delegationId },
      body: { present: false, representedBy: null },
    }),
    expect: SECRETARIAT_ONLY(200),
  },
  'GET /councils/:councilId/meetings/:meetingId/decisions': { request: async (f) => ({ params: await freshMeeting(f) }), expect: MEETING_READERS },
  'POST /councils/:councilId/meetings/:meetingId/agenda/items/:itemId/decisions': {
    request: async (f) => ({ params: await freshSession(f), body: { text: { es: 'Se aprueba', en: 'Approved' } } }),
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'POST /councils/:councilId/meetings/:meetingId/decisions/:decisionId/objections': {
    request: async (f) => ({ params: await freshDecision(f), body: { reason: 'We need more time' } }),
    expect: MEMBER_DELEGATES(201),
  },
  'DELETE /councils/:councilId/meetings/:meetingId/decisions/:decisionId/objections/:objectionId': {
    // Only the objecting delegation (Y) withdraws its objection: other delegates find none of theirs (404).
    request: async (f) => ({ params: await freshObjection(f) }),
    expect: s(200, 404, 403, 404, 403, 403, 403, 401),
  },
  'POST /councils/:councilId/meetings/:meetingId/decisions/:decisionId/positions': {
    request: async (f) => ({ params: await freshDecision(f), body: { position: 'concern', note: 'Consult the migrant communities' } }),
    expect: MEMBER_DELEGATES(201),
  },
  'POST /councils/:councilId/meetings/:meetingId/decisions/:decisionId/close': {
    request: async (f) => ({ params: await freshDecision(f), body: { version: 1 } }),
    expect: s(403, 403, 403, 200, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/decisions': { request: () => ({ query: { outcome: 'adopted' } }), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
};
