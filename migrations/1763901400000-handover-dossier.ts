import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The handover's timeline and dossier.
 *
 * - `council_handover_settings`: per council, when the handover reminders go out before a term ends
 *   (months for the first reminder and for the incoming chair's priorities, days for the dossier and the last
 *   reminder); no row = the defaults 12 months, 6 months, 90 days, 30 days.
 * - `presidency_priorities`: a chair's priorities for its term (a title per working language, a status, notes).
 * - `handover_dossiers`: one per term (unique term_id), assembled once (by the job, 90 days before the end, or
 *   on request) and refreshed while open; submitted → frozen (a trigger refuses any change to the content of a
 *   submitted or archived dossier, and any way back); archived with its term at the transfer.
 * - `handover_acknowledgements`: the incoming chair's receipt of a dossier entry, by its stable key
 *   ('action_item:<id>', 'decision:<id>', 'meeting:<id>' …), once per entry.
 */
export class HandoverDossier1763901400000 implements MigrationInterface {
  name = 'HandoverDossier1763901400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE council_handover_settings (
        council_id uuid NOT NULL,
        first_reminder_months integer NOT NULL DEFAULT 12,
        priorities_reminder_months integer NOT NULL DEFAULT 6,
        dossier_days integer NOT NULL DEFAULT 90,
        final_reminder_days integer NOT NULL DEFAULT 30,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT council_handover_settings_pkey PRIMARY KEY (council_id),
        CONSTRAINT council_handover_settings_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT council_handover_settings_months_range CHECK (
          first_reminder_months BETWEEN 1 AND 60 AND priorities_reminder_months BETWEEN 1 AND 60
          AND priorities_reminder_months < first_reminder_months),
        CONSTRAINT council_handover_settings_days_range CHECK (
          dossier_days BETWEEN 1 AND 730 AND final_reminder_days BETWEEN 1 AND 730 AND final_reminder_days < dossier_days)
      )`);

    await q.query(`
      CREATE TABLE presidency_priorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        term_id uuid NOT NULL,
        title jsonb NOT NULL,
        status text NOT NULL DEFAULT 'planned',
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT presidency_priorities_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT presidency_priorities_term_fkey FOREIGN KEY (term_id) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT presidency_priorities_title_shape CHECK (jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb),
        CONSTRAINT presidency_priorities_status_known CHECK (status IN ('planned','in_progress','achieved','dropped')),
        CONSTRAINT presidency_priorities_notes_not_blank CHECK (btrim(notes) <> '' AND char_length(notes) <= 4000)
      )`);
    await q.query(`CREATE INDEX presidency_priorities_term_idx ON presidency_priorities (term_id, created_at)`);

    await q.query(`
      CREATE TABLE handover_dossiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        term_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'open',
        content jsonb NOT NULL,
        generated_at timestamptz NOT NULL,
        submitted_at timestamptz,
        submitted_by uuid,
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT handover_dossiers_term_key UNIQUE (term_id),
        CONSTRAINT handover_dossiers_id_council_key UNIQUE (id, council_id),
        CONSTRAINT handover_dossiers_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT handover_dossiers_term_fkey FOREIGN KEY (term_id) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT handover_dossiers_submitted_by_fkey FOREIGN KEY (submitted_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT handover_dossiers_status_known CHECK (status IN ('open','submitted','archived')),
        CONSTRAINT handover_dossiers_content_shape CHECK (jsonb_typeof(content) = 'object'),
        CONSTRAINT handover_dossiers_open_shape CHECK (status <> 'open' OR (submitted_at IS NULL AND archived_at IS NULL)),
        CONSTRAINT handover_dossiers_submitted_shape CHECK (status <> 'submitted' OR submitted_at IS NOT NULL),
        CONSTRAINT handover_dossiers_archived_shape CHECK ((status = 'archived') = (archived_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE FUNCTION handover_dossiers_submitted_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'open' AND (
             NEW.content IS DISTINCT FROM OLD.content OR NEW.generated_at IS DISTINCT FROM OLD.generated_at
             OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at OR NEW.term_id IS DISTINCT FROM OLD.term_id
             OR NEW.status = 'open' OR (OLD.status = 'archived' AND NEW.status <> 'archived')) THEN
          RAISE EXCEPTION 'handover dossier % is %: its content cannot change', OLD.id, OLD.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'handover_dossiers_submitted_is_frozen';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER handover_dossiers_submitted_is_frozen BEFORE UPDATE ON handover_dossiers FOR EACH ROW EXECUTE FUNCTION handover_dossiers_submitted_is_frozen()`,
    );

    await q.query(`
      CREATE TABLE handover_acknowledgements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        item_key text NOT NULL,
        note text,
        delegation_id uuid NOT NULL,
        acknowledged_by uuid,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT handover_acknowledgements_dossier_item_key UNIQUE (dossier_id, item_key),
        CONSTRAINT handover_acknowledgements_dossier_fkey FOREIGN KEY (dossier_id, council_id)
          REFERENCES handover_dossiers(id, council_id) ON DELETE CASCADE,
        CONSTRAINT handover_acknowledgements_delegation_fkey FOREIGN KEY (delegation_id, council_id)
          REFERENCES delegations(id, council_id) ON DELETE CASCADE,
        CONSTRAINT handover_acknowledgements_acknowledged_by_fkey FOREIGN KEY (acknowledged_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT handover_acknowledgements_item_key_format CHECK (item_key ~ '^[a-z_]+:[0-9a-f-]{36}$'),
        CONSTRAINT handover_acknowledgements_note_shape CHECK (btrim(note) <> '' AND char_length(note) <= 2000)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE handover_acknowledgements`);
    await q.query(`DROP TABLE handover_dossiers`);
    await q.query(`DROP FUNCTION handover_dossiers_submitted_is_frozen()`);
    await q.query(`DROP TABLE presidency_priorities`);
    await q.query(`DROP TABLE council_handover_settings`);
  }
}
