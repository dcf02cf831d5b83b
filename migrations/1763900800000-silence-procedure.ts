import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions taken in writing between meetings (the silence procedure).
 *
 * A written decision is a row of `decisions` with procedure = 'written': no
 * meeting and no agenda item, a silence deadline, optionally the body it
 * concerns. It is adopted at the deadline unless a member state breaks silence
 * (a standing row of decision_objections); a job closes it once (the existing
 * status checks and the decisions_closed_is_final trigger keep it final).
 *
 * - decisions_procedure_shape ties the shape: a meeting decision has its
 *   meeting and agenda item and no deadline nor body; a written one has a
 *   deadline and neither meeting nor item.
 * - decisions_written_closed_at_deadline: a written decision is closed as of
 *   its deadline, whenever the worker got to it.
 * - decisions_silence_open_idx: the sweeper's look-up of open procedures past
 *   their deadline.
 */
export class SilenceProcedure1763900800000 implements MigrationInterface {
  name = 'SilenceProcedure1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE decisions
        ADD COLUMN procedure text NOT NULL DEFAULT 'meeting',
        ADD COLUMN silence_deadline timestamptz,
        ADD COLUMN body_id uuid,
        ALTER COLUMN meeting_id DROP NOT NULL,
        ALTER COLUMN agenda_item_id DROP NOT NULL,
        ADD CONSTRAINT decisions_procedure_known CHECK (procedure IN ('meeting','written')),
        ADD CONSTRAINT decisions_procedure_shape CHECK (
          (procedure = 'meeting' AND meeting_id IS NOT NULL AND agenda_item_id IS NOT NULL AND silence_deadline IS NULL AND body_id IS NULL)
          OR (procedure = 'written' AND meeting_id IS NULL AND agenda_item_id IS NULL AND silence_deadline IS NOT NULL)),
        ADD CONSTRAINT decisions_written_closed_at_deadline CHECK (procedure <> 'written' OR closed_at IS NULL OR closed_at = silence_deadline),
        ADD CONSTRAINT decisions_body_fkey FOREIGN KEY (body_id, council_id) REFERENCES bodies(id, council_id)`);
    await q.query(`CREATE INDEX decisions_silence_open_idx ON decisions (silence_deadline) WHERE procedure = 'written' AND status = 'proposed'`);
    await q.query(`CREATE INDEX decisions_body_idx ON decisions (body_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Written decisions cannot exist without these columns.
    await q.query(`DELETE FROM decisions WHERE procedure = 'written'`);
    await q.query(`DROP INDEX decisions_body_idx`);
    await q.query(`DROP INDEX decisions_silence_open_idx`);
    await q.query(`
      ALTER TABLE decisions
        DROP CONSTRAINT decisions_body_fkey,
        DROP CONSTRAINT decisions_written_closed_at_deadline,
        DROP CONSTRAINT decisions_procedure_shape,
        DROP CONSTRAINT decisions_procedure_known,
        ALTER COLUMN meeting_id SET NOT NULL,
        ALTER COLUMN agenda_item_id SET NOT NULL,
        DROP COLUMN body_id,
        DROP COLUMN silence_deadline,
        DROP COLUMN procedure`);
  }
}
