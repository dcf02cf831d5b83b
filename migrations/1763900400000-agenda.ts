import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agenda of a meeting: one `meeting_agendas` row (draft → circulated →
 * adopted, with the deadline for supplementary items fixed at circulation) and
 * its ordered `agenda_items`. Positions are unique per meeting but checked at
 * commit, so a reorder can renumber every item in one transaction.
 *
 * An item not dealt with can be carried forward to a later meeting: the copy
 * points at the original (carried_from_item_id, at most one copy per item) and
 * the original's status becomes carried_forward.
 *
 * Meetings and participants gain a (id, council_id) key so the agenda can
 * reference them with its council: an item never points into another council.
 */
export class Agenda1763900400000 implements MigrationInterface {
  name = 'Agenda1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings ADD CONSTRAINT meetings_id_council_key UNIQUE (id, council_id)`);
    await q.query(`ALTER TABLE participants ADD CONSTRAINT participants_id_council_key UNIQUE (id, council_id)`);
    await q.query(`
      CREATE TABLE meeting_agendas (
        meeting_id uuid PRIMARY KEY,
        council_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        circulated_at timestamptz,
        adopted_at timestamptz,
        supplementary_deadline timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_agendas_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT meeting_agendas_status_known CHECK (status IN ('draft','circulated','adopted')),
        CONSTRAINT meeting_agendas_circulated_shape CHECK (status = 'draft' OR (circulated_at IS NOT NULL AND supplementary_deadline IS NOT NULL)),
        CONSTRAINT meeting_agendas_adopted_shape CHECK ((status = 'adopted') = (adopted_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        position integer NOT NULL,
        title jsonb NOT NULL,
        purpose text NOT NULL,
        presenter_participant_id uuid,
        minutes_allotted integer,
        concerns_permanent_participants boolean NOT NULL DEFAULT false,
        supplementary boolean NOT NULL DEFAULT false,
        accepted_by_chair boolean NOT NULL DEFAULT false,
        documents jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'scheduled',
        carried_from_item_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agenda_items_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT agenda_items_presenter_fkey FOREIGN KEY (presenter_participant_id, council_id) REFERENCES participants(id, council_id),
        CONSTRAINT agenda_items_carried_from_fkey FOREIGN KEY (carried_from_item_id) REFERENCES agenda_items(id) ON DELETE SET NULL,
        CONSTRAINT agenda_items_meeting_position_key UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT agenda_items_carried_from_key UNIQUE (carried_from_item_id),
        CONSTRAINT agenda_items_position_positive CHECK (position > 0),
        CONSTRAINT agenda_items_title_shape CHECK (jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb),
        CONSTRAINT agenda_items_purpose_known CHECK (purpose IN ('decision','discussion','information','aob')),
        CONSTRAINT agenda_items_minutes_allotted_positive CHECK (minutes_allotted > 0),
        CONSTRAINT agenda_items_documents_shape CHECK (jsonb_typeof(documents) = 'array'),
        CONSTRAINT agenda_items_status_known CHECK (status IN ('scheduled','withdrawn','carried_forward')),
        CONSTRAINT agenda_items_chair_acceptance_shape CHECK (NOT accepted_by_chair OR supplementary)
      )`);
    await q.query(`CREATE INDEX agenda_items_presenter_idx ON agenda_items (presenter_participant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agenda_items`);
    await q.query(`DROP TABLE meeting_agendas`);
    await q.query(`ALTER TABLE participants DROP CONSTRAINT participants_id_council_key`);
    await q.query(`ALTER TABLE meetings DROP CONSTRAINT meetings_id_council_key`);
  }
}
