import { type AuthzFixtures } from '../authz-fixtures.js';
import { freshMeeting } from './meetings.js';
import { freshActionItem } from './action-items.js';
import { type MatrixEntry, s, SECRETARIAT_ONLY } from './shared.js';

/** The authorization matrix (see index.ts for its columns): The caller's own notifications, council reminders, what a subject's notifications are. */

// ───────────────────────────── the caller's own notifications ─────────────────────────────

/** A notification in the inbox of Y's delegate (the first column): nobody else may mark it read. */
async function ownerNotification(f: AuthzFixtures): Promise<string> {
  const rows = (await f.ctx.db.query(
    `INSERT INTO notifications (user_id, council_id, kind, subject_type, subject_id, title, body)
     VALUES ($1, $2, 'council.reminder', 'council_reminder', gen_random_uuid()::text, 'Matrix', 'Matrix notification') RETURNING id::text AS id`,
    [f.actors.ownerDelegate!.userId, f.A.councilId],
  )) as { id: string }[];
  return rows[0]!.id;
}

// ───────────────────────────── council reminders (the secretariat's own) ─────────────────────────────

/** A reminder of council A, due in a week (the worker does not run in the matrix test). */
async function freshReminder(f: AuthzFixtures): Promise<{ reminderId: string }> {
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/reminders`)
    .send({ title: 'Matrix', message: 'Matrix reminder', sendAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), audience: {} });
  if (res.status !== 201) throw new Error(`reminder fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { reminderId: res.body.id as string };
}

/** The council's secretariat and the administrator. */
const STAFF_READERS = s(403, 403, 403, 403, 200, 403, 200, 401);

export const notificationsRoutes: Record<string, MatrixEntry> = {
  // Every signed-in person, always on their own inbox and preferences (no council in the route).
  'GET /me/notifications': { request: () => ({ query: { unread: 'true', limit: '5' } }), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'POST /me/notifications/read-all': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'POST /me/notifications/:notificationId/read': {
    // Someone else's notification is not found: the query names the caller.
    request: async (f) => ({ params: { notificationId: await ownerNotification(f) } }),
    expect: s(204, 404, 404, 404, 404, 404, 404, 401),
  },
  'GET /me/notification-preferences': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 401) },
  'PUT /me/notification-preferences/:kind': {
    request: () => ({ params: { kind: 'council.reminder' }, body: { mode: 'digest' } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 401),
  },

  // ── council reminders (the secretariat's own) ──
  'POST /councils/:councilId/reminders': {
    request: () => ({
      body: { title: 'Read the draft', message: 'Please read it.', sendAt: new Date(Date.now() + 86_400_000).toISOString(), audience: { roles: ['head'] } },
    }),
    expect: SECRETARIAT_ONLY(201),
  },
  'GET /councils/:councilId/reminders': { request: () => ({}), expect: SECRETARIAT_ONLY(200) },
  'GET /councils/:councilId/reminders/:reminderId': { request: async (f) => ({ params: await freshReminder(f) }), expect: SECRETARIAT_ONLY(200) },
  'PATCH /councils/:councilId/reminders/:reminderId': {
    request: async (f) => ({ params: await freshReminder(f), body: { version: 1, title: 'Moved' } }),
    expect: SECRETARIAT_ONLY(200),
  },
  'DELETE /councils/:councilId/reminders/:reminderId': {
    request: async (f) => ({ params: await freshReminder(f), query: { version: '1' } }),
    expect: SECRETARIAT_ONLY(200),
  },

  // ── what a subject's notifications are (the council's secretariat and the administrator) ──
  'GET /councils/:councilId/meetings/:meetingId/notifications': { request: async (f) => ({ params: await freshMeeting(f) }), expect: STAFF_READERS },
  'GET /councils/:councilId/action-items/:actionItemId/notifications': {
    request: async (f) => ({ params: { actionItemId: (await freshActionItem(f)).actionItemId } }),
    expect: STAFF_READERS,
  },
  'GET /councils/:councilId/presidency/terms/:termId/notifications': { request: (f) => ({ params: { termId: f.A.termId } }), expect: STAFF_READERS },
};
