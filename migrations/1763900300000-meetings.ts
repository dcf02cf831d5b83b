import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings of a council (or of one of its bodies): kind, time and place, the
 * member state hosting it, and where it is in its life (draft → convened →
 * agenda circulated → in session → closed → minutes circulated → approved;
 * postponed or cancelled before the session). The deadlines (notice, agenda,
 * papers) are not stored: they follow from the council's meeting rules.
 */
export class Meetings1763900300000 implements MigrationInterface {
  name = 'Meetings1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        body_id uuid,
        kind text NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        venue text,
        online_url text,
        host_participant_id uuid,
        host_kind text NOT NULL DEFAULT 'member_state',
        status text NOT NULL DEFAULT 'draft',
        convened_at timestamptz,
        consent_recorded boolean NOT NULL DEFAULT false,
        consent_note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meetings_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT meetings_body_fkey FOREIGN KEY (body_id, council_id) REFERENCES bodies(id, council_id),
        CONSTRAINT meetings_host_is_member_state_fkey FOREIGN KEY (host_participant_id, council_id, host_kind)
          REFERENCES participants(id, council_id, kind),
        CONSTRAINT meetings_kind_known CHECK (kind IN ('ministerial','senior_officials','working_group','extraordinary')),
        CONSTRAINT meetings_status_known CHECK (status IN (
          'draft','convened','agenda_circulated','in_session','closed','minutes_circulated','minutes_approved','postponed','cancelled')),
        CONSTRAINT meetings_title_not_blank CHECK (btrim(title) <> ''),
        CONSTRAINT meetings_ends_after_starts CHECK (ends_at > starts_at),
        CONSTRAINT meetings_host_kind_member_state CHECK (host_kind = 'member_state'),
        CONSTRAINT meetings_online_url_format CHECK (online_url ~ '^https?://'),
        CONSTRAINT meetings_convened_has_time CHECK (status IN ('draft','cancelled') OR convened_at IS NOT NULL),
        CONSTRAINT meetings_consent_shape CHECK (NOT consent_recorded OR (kind = 'extraordinary' AND consent_note IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX meetings_council_starts_idx ON meetings (council_id, starts_at)`);
    await q.query(`CREATE INDEX meetings_body_starts_idx ON meetings (body_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meetings`);
  }
}
