import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a meeting's session really opened and closed (issue 18).
 *
 * - `meetings.opened_at` / `meetings.closed_at`: the instants of the transitions to in_session and to closed, as
 *   they happened (the planned times stay in starts_at / ends_at). Meetings already past those transitions get the
 *   instants their audit rows recorded (null when there is none: rows written without the API).
 * - `meetings_closed_after_opened`: a session closes after it opened.
 */
export class SessionInstants1763901600000 implements MigrationInterface {
  name = 'SessionInstants1763901600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings ADD COLUMN opened_at timestamptz, ADD COLUMN closed_at timestamptz`);
    await q.query(`
      UPDATE meetings m SET
        opened_at = (SELECT min(a.at) FROM audit_log a WHERE a.entity_type = 'meeting' AND a.entity_id = m.id::text AND a.action = 'meeting.in_session'),
        closed_at = (SELECT min(a.at) FROM audit_log a WHERE a.entity_type = 'meeting' AND a.entity_id = m.id::text AND a.action = 'meeting.closed')
       WHERE m.status IN ('in_session', 'closed', 'minutes_circulated', 'minutes_approved')`);
    // An audit trail with a close older than its opening (clock trouble) keeps the opening only.
    await q.query(`UPDATE meetings SET closed_at = NULL WHERE closed_at < opened_at`);
    await q.query(`ALTER TABLE meetings ADD CONSTRAINT meetings_closed_after_opened CHECK (closed_at >= opened_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings DROP CONSTRAINT meetings_closed_after_opened`);
    await q.query(`ALTER TABLE meetings DROP COLUMN closed_at, DROP COLUMN opened_at`);
  }
}
