import type { DataSource, EntityManager } from 'typeorm';
import { seedDemoInbox } from './demo-inbox.js';
import { seedDemoMeetings } from './demo-meetings.js';
import { DemoRefs } from './demo-refs.js';
import { seedDemoWork } from './demo-work.js';

/** The audit action that marks a council's demo activity as seeded (once per council). */
export const DEMO_ACTIVITY_ACTION = 'seed.activity_created';

/**
 * A living council on top of the demo council: meetings in several states with their agendas, attendance,
 * decisions and approved minutes; a silence procedure running; action items in every status with their
 * history; the delegates' inboxes. Dates are relative to `now`. Once per council (the audit row
 * `seed.activity_created` is the key, so a council seeded before the activity existed gets it, and a second
 * run adds nothing). Returns the counts written, or null when the council had it already.
 */
export async function seedDemoActivity(db: DataSource, em: EntityManager, councilId: string, now: Date): Promise<Record<string, number> | null> {
  const done = (await em.query(`SELECT 1 FROM audit_log WHERE council_id = $1 AND action = $2 LIMIT 1`, [councilId, DEMO_ACTIVITY_ACTION])) as unknown[];
  if (done.length > 0) return null;
  const refs = await DemoRefs.load(em, councilId, now);
  const meetings = await seedDemoMeetings(db, em, refs);
  const work = await seedDemoWork(db, em, refs, meetings);
  const notifications = await seedDemoInbox(em, refs, meetings, work);
  const summary = {
    meetings: Object.keys(meetings.meetings).length,
    decisions: Object.keys(meetings.decisions).length + 1,
    actionItems: Object.keys(work).length,
    notifications,
  };
  await refs.audit(em, DEMO_ACTIVITY_ACTION, 'council', councilId, summary);
  return summary;
}
