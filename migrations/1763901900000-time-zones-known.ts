import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table that stores a zone name, in a `time_zone` column. */
const TABLES = ['councils', 'participants', 'delegates', 'users', 'meetings', 'meeting_series'];

/**
 * Stored zones PostgreSQL can use. The API refuses a zone PostgreSQL or the runtime does not know
 * (@IsTimeZone); here the database holds it too, for every writer. A CHECK constraint cannot hold it
 * (`AT TIME ZONE` raises rather than answering false, and a constraint is re-checked on every update
 * of the row: a row stored before this migration with a zone PostgreSQL dropped — "US/Pacific-New" —
 * could then not even be renamed, nor its user sign in). So: a function that answers the question
 * (`time_zone_is_known`, also used by the worker's council-wide scans to skip such a council), and a
 * trigger per table that checks a zone when it is written or changed, raising a check_violation named
 * `<table>_time_zone_known` (mapped to a 400 on timeZone).
 */
export class TimeZonesKnown1763901900000 implements MigrationInterface {
  name = 'TimeZonesKnown1763901900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION time_zone_is_known(zone text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF zone IS NULL OR zone = '' THEN RETURN false; END IF;
        PERFORM now() AT TIME ZONE zone;
        RETURN true;
      EXCEPTION WHEN invalid_parameter_value THEN
        RETURN false;
      END $$`);
    await q.query(`
      CREATE FUNCTION time_zone_known() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.time_zone IS NULL OR (TG_OP = 'UPDATE' AND NEW.time_zone IS NOT DISTINCT FROM OLD.time_zone) THEN
          RETURN NEW;
        END IF;
        IF NOT time_zone_is_known(NEW.time_zone) THEN
          RAISE EXCEPTION 'time zone "%" is not known to the database', NEW.time_zone
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_time_zone_known', TABLE = TG_TABLE_NAME, COLUMN = 'time_zone';
        END IF;
        RETURN NEW;
      END $$`);
    for (const t of TABLES) {
      await q.query(`CREATE TRIGGER ${t}_time_zone_known BEFORE INSERT OR UPDATE OF time_zone ON ${t} FOR EACH ROW EXECUTE FUNCTION time_zone_known()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.query(`DROP TRIGGER ${t}_time_zone_known ON ${t}`);
    await q.query(`DROP FUNCTION time_zone_known()`);
    await q.query(`DROP FUNCTION time_zone_is_known(text)`);
  }
}
