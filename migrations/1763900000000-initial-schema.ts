import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The council's membership: councils and their meeting rules, participants,
 * delegations and delegates, bodies and their leads, presidency terms,
 * recommendations, and the audit trail.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE councils (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name text NOT NULL,
        working_languages text[] NOT NULL DEFAULT '{es,en,fr,pt}',
        term_months integer NOT NULL DEFAULT 24,
        rotation_policy text NOT NULL DEFAULT 'fixed_order',
        quorum_ratio numeric(4,3) NOT NULL DEFAULT 0.75,
        time_zone text NOT NULL DEFAULT 'UTC',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT councils_slug_key UNIQUE (slug),
        CONSTRAINT councils_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT councils_name_not_blank CHECK (btrim(name) <> ''),
        CONSTRAINT councils_working_languages_known CHECK (
          cardinality(working_languages) > 0 AND working_languages <@ ARRAY['es','en','fr','pt']::text[]),
        CONSTRAINT councils_term_months_range CHECK (term_months BETWEEN 1 AND 120),
        CONSTRAINT councils_rotation_policy_known CHECK (rotation_policy IN ('fixed_order','designated')),
        CONSTRAINT councils_quorum_ratio_range CHECK (quorum_ratio > 0 AND quorum_ratio <= 1)
      )`);

    await q.query(`
      CREATE TABLE council_meeting_rules (
        council_id uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        meeting_kind text NOT NULL,
        notice_days integer NOT NULL,
        agenda_days integer NOT NULL,
        papers_days integer NOT NULL,
        PRIMARY KEY (council_id, meeting_kind),
        CONSTRAINT council_meeting_rules_kind_known CHECK (
          meeting_kind IN ('ministerial','senior_officials','working_group','extraordinary')),
        CONSTRAINT council_meeting_rules_days_range CHECK (
          notice_days BETWEEN 0 AND 730 AND agenda_days BETWEEN 0 AND notice_days AND papers_days BETWEEN 0 AND 730)
      )`);

    await q.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        kind text NOT NULL,
        name text NOT NULL,
        iso_code char(2),
        category text,
        rotation_position integer,
        status text NOT NULL DEFAULT 'active',
        time_zone text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT participants_id_council_kind_key UNIQUE (id, council_id, kind),
        CONSTRAINT participants_kind_known CHECK (kind IN ('member_state','permanent_participant','observer')),
        CONSTRAINT participants_status_known CHECK (status IN ('active','suspended','withdrawn')),
        CONSTRAINT participants_name_not_blank CHECK (btrim(name) <> ''),
        CONSTRAINT participants_iso_code_format CHECK (iso_code ~ '^[A-Z]{2}$'),
        CONSTRAINT participants_member_state_shape CHECK (
          kind <> 'member_state' OR (iso_code IS NOT NULL AND category IS NULL AND rotation_position IS NOT NULL)),
        CONSTRAINT participants_permanent_participant_shape CHECK (
          kind <> 'permanent_participant' OR (iso_code IS NULL AND rotation_position IS NULL AND category IN
            ('migrant_community','civil_society','indigenous','academia','private_sector'))),
        CONSTRAINT participants_observer_shape CHECK (
          kind <> 'observer' OR (rotation_position IS NULL AND category IN
            ('state','intergovernmental','financial_institution','ngo')
            AND (iso_code IS NULL OR category = 'state'))),
        CONSTRAINT participants_rotation_position_positive CHECK (rotation_position > 0),
        CONSTRAINT participants_council_rotation_position_key UNIQUE (council_id, rotation_position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE UNIQUE INDEX participants_council_iso_code_key ON participants (council_id, iso_code) WHERE iso_code IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX participants_council_name_key ON participants (council_id, lower(name))`);

    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        name text NOT NULL,
        contact_email text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delegations_participant_key UNIQUE (participant_id),
        CONSTRAINT delegations_id_council_key UNIQUE (id, council_id),
        CONSTRAINT delegations_participant_fkey FOREIGN KEY (participant_id) REFERENCES participants(id) ON DELETE CASCADE,
        CONSTRAINT delegations_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE delegates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        delegation_id uuid NOT NULL,
        full_name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL,
        preferred_language text NOT NULL DEFAULT 'en',
        time_zone text NOT NULL DEFAULT 'UTC',
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delegates_delegation_fkey FOREIGN KEY (delegation_id, council_id)
          REFERENCES delegations(id, council_id) ON DELETE CASCADE,
        CONSTRAINT delegates_role_known CHECK (role IN ('head','alternate','adviser')),
        CONSTRAINT delegates_language_known CHECK (preferred_language IN ('es','en','fr','pt')),
        CONSTRAINT delegates_full_name_not_blank CHECK (btrim(full_name) <> ''),
        CONSTRAINT delegates_email_format CHECK (email ~ '^[^@\\s]+@[^@\\s]+$')
      )`);
    await q.query(`CREATE UNIQUE INDEX delegates_one_head_per_delegation ON delegates (delegation_id) WHERE role = 'head' AND active`);
    await q.query(`CREATE UNIQUE INDEX delegates_delegation_email_key ON delegates (delegation_id, lower(email))`);
    await q.query(`CREATE INDEX delegates_council_idx ON delegates (council_id)`);

    await q.query(`
      CREATE TABLE bodies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        kind text NOT NULL,
        name text NOT NULL,
        description text,
        mandate_start date,
        mandate_end date,
        status text NOT NULL DEFAULT 'active',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bodies_id_council_key UNIQUE (id, council_id),
        CONSTRAINT bodies_kind_known CHECK (kind IN ('working_group','task_force','thematic_network')),
        CONSTRAINT bodies_status_known CHECK (status IN ('active','closed')),
        CONSTRAINT bodies_name_not_blank CHECK (btrim(name) <> ''),
        CONSTRAINT bodies_task_force_has_mandate_end CHECK (kind <> 'task_force' OR mandate_end IS NOT NULL),
        CONSTRAINT bodies_mandate_order CHECK (mandate_start IS NULL OR mandate_end IS NULL OR mandate_start < mandate_end)
      )`);
    await q.query(`CREATE UNIQUE INDEX bodies_council_name_key ON bodies (council_id, lower(name))`);

    await q.query(`
      CREATE TABLE body_leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        body_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        period daterange NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT body_leads_body_fkey FOREIGN KEY (body_id, council_id) REFERENCES bodies(id, council_id) ON DELETE CASCADE,
        CONSTRAINT body_leads_participant_fkey FOREIGN KEY (participant_id) REFERENCES participants(id) ON DELETE CASCADE,
        CONSTRAINT body_leads_period_bounded_below CHECK (NOT isempty(period) AND NOT lower_inf(period)),
        CONSTRAINT body_leads_no_overlap EXCLUDE USING gist (body_id WITH =, participant_id WITH =, period WITH &&)
      )`);

    await q.query(`
      CREATE TABLE presidency_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        holder_kind text NOT NULL DEFAULT 'member_state',
        period tstzrange NOT NULL,
        source text NOT NULL DEFAULT 'rotation',
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT presidency_terms_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT presidency_terms_holder_is_member_state_fkey FOREIGN KEY (participant_id, council_id, holder_kind)
          REFERENCES participants(id, council_id, kind),
        CONSTRAINT presidency_terms_holder_kind_member_state CHECK (holder_kind = 'member_state'),
        CONSTRAINT presidency_terms_source_known CHECK (source IN ('rotation','designated','historical','extension')),
        CONSTRAINT presidency_terms_period_bounded CHECK (
          NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)
          AND lower_inc(period) AND NOT upper_inc(period)),
        CONSTRAINT presidency_terms_no_overlap EXCLUDE USING gist (council_id WITH =, period WITH &&)
      )`);

    await q.query(`
      CREATE TABLE focus_areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        code text NOT NULL,
        title text NOT NULL,
        CONSTRAINT focus_areas_id_council_key UNIQUE (id, council_id),
        CONSTRAINT focus_areas_council_code_key UNIQUE (council_id, code),
        CONSTRAINT focus_areas_code_format CHECK (code ~ '^[A-Z]{1,3}$')
      )`);

    await q.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        focus_area_id uuid NOT NULL,
        number integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        who_should_act text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recommendations_focus_area_fkey FOREIGN KEY (focus_area_id, council_id)
          REFERENCES focus_areas(id, council_id) ON DELETE CASCADE,
        CONSTRAINT recommendations_council_number_key UNIQUE (council_id, number),
        CONSTRAINT recommendations_number_positive CHECK (number > 0)
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        council_id uuid,
        actor_id uuid,
        actor_delegation_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_council_at_idx ON audit_log (council_id, at DESC)`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);

    await q.query(`
      CREATE TABLE worker_heartbeats (
        worker_id text PRIMARY KEY,
        hostname text NOT NULL,
        pid integer NOT NULL,
        started_at timestamptz NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker_heartbeats`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP TABLE recommendations`);
    await q.query(`DROP TABLE focus_areas`);
    await q.query(`DROP TABLE presidency_terms`);
    await q.query(`DROP TABLE body_leads`);
    await q.query(`DROP TABLE bodies`);
    await q.query(`DROP TABLE delegates`);
    await q.query(`DROP TABLE delegations`);
    await q.query(`DROP TABLE participants`);
    await q.query(`DROP TABLE council_meeting_rules`);
    await q.query(`DROP TABLE councils`);
  }
}
