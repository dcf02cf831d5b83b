import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The minutes of a meeting, and the delegations' comments on them.
 *
 * - `minutes`: one row per meeting, drafted by the secretariat once the meeting
 *   is closed (content: attendance, agenda items with their decisions, an
 *   editable summary per item and notes per working language), circulated for
 *   comments until `comment_deadline`, then approved. Approved minutes are
 *   public and final: a trigger refuses any change to them.
 * - `minutes_comments`: a delegation's comment on circulated minutes (on the
 *   whole, or on one agenda item), written by one of its delegates.
 */
export class Minutes1763900700000 implements MigrationInterface {
  name = 'Minutes1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        content jsonb NOT NULL,
        comment_deadline timestamptz,
        circulated_at timestamptz,
        approved_at timestamptz,
        approved_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT minutes_meeting_key UNIQUE (meeting_id),
        CONSTRAINT minutes_id_council_key UNIQUE (id, council_id),
        CONSTRAINT minutes_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT minutes_approved_by_fkey FOREIGN KEY (approved_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT minutes_status_known CHECK (status IN ('draft','circulated','approved')),
        CONSTRAINT minutes_content_shape CHECK (jsonb_typeof(content) = 'object'),
        CONSTRAINT minutes_draft_shape CHECK (status <> 'draft' OR (circulated_at IS NULL AND comment_deadline IS NULL)),
        CONSTRAINT minutes_circulated_shape CHECK (status = 'draft' OR (circulated_at IS NOT NULL AND comment_deadline IS NOT NULL)),
        CONSTRAINT minutes_approved_shape CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
        CONSTRAINT minutes_deadline_after_circulation CHECK (comment_deadline > circulated_at),
        CONSTRAINT minutes_approved_after_circulation CHECK (approved_at >= circulated_at)
      )`);
    await q.query(`CREATE INDEX minutes_council_approved_idx ON minutes (council_id, approved_at) WHERE status = 'approved'`);
    await q.query(`
      CREATE FUNCTION minutes_approved_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'approved' THEN
          RAISE EXCEPTION 'minutes % are approved: they cannot change', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_approved_is_final';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER minutes_approved_is_final BEFORE UPDATE ON minutes FOR EACH ROW EXECUTE FUNCTION minutes_approved_is_final()`);

    await q.query(`
      CREATE TABLE minutes_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        minutes_id uuid NOT NULL,
        delegation_id uuid NOT NULL,
        author_id uuid,
        agenda_item_id uuid,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT minutes_comments_minutes_fkey FOREIGN KEY (minutes_id, council_id) REFERENCES minutes(id, council_id) ON DELETE CASCADE,
        CONSTRAINT minutes_comments_delegation_fkey FOREIGN KEY (delegation_id, council_id) REFERENCES delegations(id, council_id) ON DELETE CASCADE,
        CONSTRAINT minutes_comments_author_fkey FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT minutes_comments_agenda_item_fkey FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id) ON DELETE SET NULL,
        CONSTRAINT minutes_comments_text_not_blank CHECK (btrim(text) <> ''),
        CONSTRAINT minutes_comments_text_length CHECK (char_length(text) <= 4000)
      )`);
    await q.query(`CREATE INDEX minutes_comments_minutes_idx ON minutes_comments (minutes_id, created_at)`);
    await q.query(`CREATE INDEX minutes_comments_delegation_idx ON minutes_comments (delegation_id)`);
    await q.query(`CREATE INDEX minutes_comments_agenda_item_idx ON minutes_comments (agenda_item_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE minutes_comments`);
    await q.query(`DROP TABLE minutes`);
    await q.query(`DROP FUNCTION minutes_approved_is_final()`);
  }
}
