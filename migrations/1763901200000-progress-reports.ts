import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress reports and the carry-over of action items.
 *
 * - `progress_reports`: a snapshot of how the council (or one body) is doing on
 *   its action items, produced for a meeting by the secretariat — the JSON
 *   (recommendations roll-up, items by owner with status, overdue and latest
 *   progress) and a print-friendly HTML document in the council's first working
 *   language, frozen at the time it was made. When it was attached to an agenda
 *   item, which one.
 * - `action_item_carry_overs`: when a meeting's leftover agenda is carried
 *   forward, each of its action items still open is carried too: the item keeps
 *   its meeting and its history (plus a 'carry_over' update row) and becomes
 *   visible from the next meeting through this table (one row per item and
 *   meeting it was carried to).
 */
export class ProgressReports1763901200000 implements MigrationInterface {
  name = 'ProgressReports1763901200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        body_id uuid,
        meeting_id uuid,
        agenda_item_id uuid,
        language text NOT NULL,
        title text NOT NULL,
        snapshot jsonb NOT NULL,
        html text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT progress_reports_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT progress_reports_body_fkey FOREIGN KEY (body_id, council_id) REFERENCES bodies(id, council_id),
        CONSTRAINT progress_reports_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id),
        CONSTRAINT progress_reports_agenda_item_fkey FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id) ON DELETE SET NULL,
        CONSTRAINT progress_reports_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT progress_reports_language_known CHECK (language IN ('es','en','fr','pt')),
        CONSTRAINT progress_reports_title_not_blank CHECK (btrim(title) <> ''),
        CONSTRAINT progress_reports_snapshot_shape CHECK (jsonb_typeof(snapshot) = 'object'),
        CONSTRAINT progress_reports_html_not_blank CHECK (btrim(html) <> ''),
        CONSTRAINT progress_reports_agenda_item_needs_meeting CHECK (agenda_item_id IS NULL OR meeting_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX progress_reports_council_created_idx ON progress_reports (council_id, created_at)`);
    await q.query(`CREATE INDEX progress_reports_meeting_idx ON progress_reports (meeting_id) WHERE meeting_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE action_item_carry_overs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        council_id uuid NOT NULL,
        action_item_id uuid NOT NULL,
        from_meeting_id uuid NOT NULL,
        to_meeting_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_item_carry_overs_item_fkey FOREIGN KEY (action_item_id, council_id) REFERENCES action_items(id, council_id) ON DELETE CASCADE,
        CONSTRAINT action_item_carry_overs_from_meeting_fkey FOREIGN KEY (from_meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT action_item_carry_overs_to_meeting_fkey FOREIGN KEY (to_meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT action_item_carry_overs_item_meeting_key UNIQUE (action_item_id, to_meeting_id),
        CONSTRAINT action_item_carry_overs_distinct_meetings CHECK (from_meeting_id <> to_meeting_id)
      )`);
    await q.query(`CREATE INDEX action_item_carry_overs_to_meeting_idx ON action_item_carry_overs (to_meeting_id, action_item_id)`);

    // The history says when an item was carried over (text: "carried over to <meeting>").
    await q.query(`ALTER TABLE action_item_updates DROP CONSTRAINT action_item_updates_kind_known`);
    await q.query(
      `ALTER TABLE action_item_updates ADD CONSTRAINT action_item_updates_kind_known CHECK (kind IN ('progress','transition','reassignment','carry_over'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM action_item_updates WHERE kind = 'carry_over'`);
    await q.query(`ALTER TABLE action_item_updates DROP CONSTRAINT action_item_updates_kind_known`);
    await q.query(`ALTER TABLE action_item_updates ADD CONSTRAINT action_item_updates_kind_known CHECK (kind IN ('progress','transition','reassignment'))`);
    await q.query(`DROP TABLE action_item_carry_overs`);
    await q.query(`DROP TABLE progress_reports`);
  }
}
