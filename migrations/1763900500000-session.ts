import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meeting in session: attendance per delegation, and decisions taken on
 * agenda items.
 *
 * - `meeting_attendance`: one row per (meeting, delegation) — present or not,
 *   and who represents it (head, alternate, adviser) when present.
 * - `decisions`: proposed on an agenda item (a text per working language), then
 *   closed exactly once with an outcome (adopted, not_adopted, deferred) and the
 *   quorum figures at closing. A closed decision is final: a trigger refuses any
 *   change to it, besides the status checks.
 * - `decision_objections`: a member state's objection (blocks consensus while
 *   it stands); withdrawing keeps the row with withdrawn_at; at most one
 *   standing objection per delegation and decision.
 * - `decision_positions`: a consultation position (support, concern, neutral)
 *   of a permanent participant or a member state; never blocks; one per
 *   delegation and decision (restating replaces it).
 */
export class Session1763900500000 implements MigrationInterface {
  name = 'Session1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL,
        delegation_id uuid NOT NULL,
        council_id uuid NOT NULL,
        present boolean NOT NULL,
        represented_by text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_attendance_pkey PRIMARY KEY (meeting_id, delegation_id),
        CONSTRAINT meeting_attendance_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT meeting_attendance_delegation_fkey FOREIGN KEY (delegation_id, council_id) REFERENCES delegations(id, council_id) ON DELETE CASCADE,
        CONSTRAINT meeting_attendance_represented_by_known CHECK (represented_by IN ('head','alternate','adviser')),
        CONSTRAINT meeting_attendance_absent_unrepresented CHECK (present OR represented_by IS NULL)
      )`);
    await q.query(`CREATE INDEX meeting_attendance_delegation_idx ON meeting_attendance (delegation_id)`);

    await q.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        agenda_item_id uuid NOT NULL,
        text jsonb NOT NULL,
        status text NOT NULL DEFAULT 'proposed',
        outcome text,
        closed_at timestamptz,
        member_states_present integer,
        active_member_states integer,
        quorum_required integer,
        proposed_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decisions_id_council_key UNIQUE (id, council_id),
        CONSTRAINT decisions_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT decisions_agenda_item_fkey FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id) ON DELETE CASCADE,
        CONSTRAINT decisions_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT decisions_text_shape CHECK (jsonb_typeof(text) = 'object' AND text <> '{}'::jsonb),
        CONSTRAINT decisions_status_known CHECK (status IN ('proposed','closed')),
        CONSTRAINT decisions_outcome_known CHECK (outcome IN ('adopted','not_adopted','deferred')),
        CONSTRAINT decisions_closed_shape CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL)),
        CONSTRAINT decisions_adopted_with_quorum CHECK (
          outcome IS DISTINCT FROM 'adopted' OR (member_states_present >= quorum_required AND member_states_present > 0))
      )`);
    await q.query(`CREATE INDEX decisions_meeting_idx ON decisions (meeting_id)`);
    await q.query(`CREATE INDEX decisions_agenda_item_idx ON decisions (agenda_item_id)`);
    await q.query(`CREATE INDEX decisions_council_outcome_idx ON decisions (council_id, outcome)`);
    await q.query(`
      CREATE FUNCTION decisions_closed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'closed' THEN
          RAISE EXCEPTION 'decision % is closed: it cannot change', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'decisions_closed_is_final';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER decisions_closed_is_final BEFORE UPDATE ON decisions FOR EACH ROW EXECUTE FUNCTION decisions_closed_is_final()`);

    await q.query(`
      CREATE TABLE decision_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        decision_id uuid NOT NULL,
        delegation_id uuid NOT NULL,
        reason text NOT NULL,
        raised_by uuid,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decision_objections_decision_fkey FOREIGN KEY (decision_id, council_id) REFERENCES decisions(id, council_id) ON DELETE CASCADE,
        CONSTRAINT decision_objections_delegation_fkey FOREIGN KEY (delegation_id, council_id) REFERENCES delegations(id, council_id) ON DELETE CASCADE,
        CONSTRAINT decision_objections_raised_by_fkey FOREIGN KEY (raised_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT decision_objections_reason_not_blank CHECK (btrim(reason) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX decision_objections_standing_key ON decision_objections (decision_id, delegation_id) WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE INDEX decision_objections_delegation_idx ON decision_objections (delegation_id)`);

    await q.query(`
      CREATE TABLE decision_positions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        decision_id uuid NOT NULL,
        delegation_id uuid NOT NULL,
        position text NOT NULL,
        note text,
        stated_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decision_positions_decision_delegation_key UNIQUE (decision_id, delegation_id),
        CONSTRAINT decision_positions_decision_fkey FOREIGN KEY (decision_id, council_id) REFERENCES decisions(id, council_id) ON DELETE CASCADE,
        CONSTRAINT decision_positions_delegation_fkey FOREIGN KEY (delegation_id, council_id) REFERENCES delegations(id, council_id) ON DELETE CASCADE,
        CONSTRAINT decision_positions_stated_by_fkey FOREIGN KEY (stated_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT decision_positions_position_known CHECK (position IN ('support','concern','neutral'))
      )`);
    await q.query(`CREATE INDEX decision_positions_delegation_idx ON decision_positions (delegation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_positions`);
    await q.query(`DROP TABLE decision_objections`);
    await q.query(`DROP TABLE decisions`);
    await q.query(`DROP FUNCTION decisions_closed_is_final()`);
    await q.query(`DROP TABLE meeting_attendance`);
  }
}
