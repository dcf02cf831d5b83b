import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring meeting series and a backlog of proposed items per body.
 *
 * - `meeting_series`: a body (or the council) meeting regularly — weekly every
 *   n weeks on a weekday, or monthly on the nth (or last) weekday — from a
 *   first date until a date or for a number of occurrences (exactly one), at
 *   a local start time in an IANA zone, for a duration. Its occurrences are
 *   meetings: `meetings.series_id` + `occurrence_date` (the date the rule gave,
 *   kept when the occurrence is moved; one meeting per series and date).
 * - `backlog_items`: items proposed for a future meeting of a body, by a
 *   delegation or the secretariat; scheduled onto an agenda (agenda_item_id)
 *   or withdrawn. Deleting that agenda item (from a draft agenda) sets the
 *   link to null and the trigger backlog_items_unscheduled puts the item back
 *   to proposed, so the shape check holds.
 */
export class SeriesAndBacklog1763900900000 implements MigrationInterface {
  name = 'SeriesAndBacklog1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        body_id uuid,
        kind text NOT NULL,
        title text NOT NULL,
        local_start_time time NOT NULL,
        duration_minutes integer NOT NULL,
        time_zone text NOT NULL,
        venue text,
        online_url text,
        frequency text NOT NULL,
        repeat_interval integer NOT NULL DEFAULT 1,
        weekday text NOT NULL,
        week_of_month integer,
        first_date date NOT NULL,
        until_date date,
        occurrence_count integer,
        status text NOT NULL DEFAULT 'active',
        ended_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_series_id_council_key UNIQUE (id, council_id),
        CONSTRAINT meeting_series_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT meeting_series_body_fkey FOREIGN KEY (body_id, council_id) REFERENCES bodies(id, council_id),
        CONSTRAINT meeting_series_kind_known CHECK (kind IN ('ministerial','senior_officials','working_group','extraordinary')),
        CONSTRAINT meeting_series_title_not_blank CHECK (btrim(title) <> ''),
        CONSTRAINT meeting_series_duration_range CHECK (duration_minutes BETWEEN 1 AND 1440),
        CONSTRAINT meeting_series_online_url_format CHECK (online_url ~ '^https?://'),
        CONSTRAINT meeting_series_frequency_known CHECK (frequency IN ('weekly','monthly')),
        CONSTRAINT meeting_series_repeat_interval_range CHECK (repeat_interval BETWEEN 1 AND 12),
        CONSTRAINT meeting_series_weekday_known CHECK (weekday IN ('MO','TU','WE','TH','FR','SA','SU')),
        CONSTRAINT meeting_series_week_of_month_shape CHECK (
          (frequency = 'monthly') = (week_of_month IS NOT NULL) AND (week_of_month IS NULL OR week_of_month IN (1,2,3,4,-1))),
        CONSTRAINT meeting_series_end_shape CHECK (num_nonnulls(until_date, occurrence_count) = 1),
        CONSTRAINT meeting_series_until_after_first CHECK (until_date >= first_date),
        CONSTRAINT meeting_series_count_range CHECK (occurrence_count BETWEEN 1 AND 60),
        CONSTRAINT meeting_series_status_known CHECK (status IN ('active','ended')),
        CONSTRAINT meeting_series_ended_shape CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX meeting_series_council_idx ON meeting_series (council_id, first_date)`);
    await q.query(`CREATE INDEX meeting_series_body_idx ON meeting_series (body_id)`);

    await q.query(`ALTER TABLE meetings ADD COLUMN series_id uuid, ADD COLUMN occurrence_date date`);
    await q.query(`
      ALTER TABLE meetings
        ADD CONSTRAINT meetings_series_fkey FOREIGN KEY (series_id, council_id) REFERENCES meeting_series(id, council_id),
        ADD CONSTRAINT meetings_series_occurrence_key UNIQUE (series_id, occurrence_date),
        ADD CONSTRAINT meetings_series_occurrence_shape CHECK ((series_id IS NULL) = (occurrence_date IS NULL))`);

    await q.query(`
      CREATE TABLE backlog_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        body_id uuid NOT NULL,
        title jsonb NOT NULL,
        purpose text NOT NULL,
        description text,
        proposed_by uuid,
        proposed_by_delegation_id uuid,
        status text NOT NULL DEFAULT 'proposed',
        agenda_item_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT backlog_items_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT backlog_items_body_fkey FOREIGN KEY (body_id, council_id) REFERENCES bodies(id, council_id) ON DELETE CASCADE,
        CONSTRAINT backlog_items_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT backlog_items_delegation_fkey FOREIGN KEY (proposed_by_delegation_id, council_id) REFERENCES delegations(id, council_id),
        CONSTRAINT backlog_items_agenda_item_fkey FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id) ON DELETE SET NULL,
        CONSTRAINT backlog_items_agenda_item_key UNIQUE (agenda_item_id),
        CONSTRAINT backlog_items_title_shape CHECK (jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb),
        CONSTRAINT backlog_items_purpose_known CHECK (purpose IN ('decision','discussion','information','aob')),
        CONSTRAINT backlog_items_description_not_blank CHECK (btrim(description) <> ''),
        CONSTRAINT backlog_items_status_known CHECK (status IN ('proposed','scheduled','withdrawn')),
        CONSTRAINT backlog_items_scheduled_shape CHECK ((status = 'scheduled') = (agenda_item_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX backlog_items_body_idx ON backlog_items (body_id, status, created_at)`);
    await q.query(`CREATE INDEX backlog_items_council_idx ON backlog_items (council_id)`);
    await q.query(`CREATE INDEX backlog_items_delegation_idx ON backlog_items (proposed_by_delegation_id)`);
    await q.query(`CREATE INDEX backlog_items_proposed_by_idx ON backlog_items (proposed_by)`);
    await q.query(`
      CREATE FUNCTION backlog_items_unscheduled() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.agenda_item_id IS NULL AND OLD.agenda_item_id IS NOT NULL AND NEW.status = 'scheduled' THEN
          NEW.status := 'proposed';
          NEW.version := OLD.version + 1;
          NEW.updated_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER backlog_items_unscheduled BEFORE UPDATE OF agenda_item_id ON backlog_items FOR EACH ROW EXECUTE FUNCTION backlog_items_unscheduled()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backlog_items`);
    await q.query(`DROP FUNCTION backlog_items_unscheduled()`);
    await q.query(
      `ALTER TABLE meetings DROP CONSTRAINT meetings_series_occurrence_shape, DROP CONSTRAINT meetings_series_occurrence_key, DROP CONSTRAINT meetings_series_fkey`,
    );
    await q.query(`ALTER TABLE meetings DROP COLUMN occurrence_date, DROP COLUMN series_id`);
    await q.query(`DROP TABLE meeting_series`);
  }
}
