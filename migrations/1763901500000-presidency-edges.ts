import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The presidency's edges (issues 12 and 18).
 *
 * - `presidency_transfers_decision_key` / `presidency_transfers_meeting_key`: a decision (or a meeting) that
 *   hands the presidency over does so once — a retry of the same handover finds the transfer it made instead of
 *   handing over a second time (NULLs, the transfers grounded on neither, stay free).
 * - `presidency_terms_no_gap`: a deferred constraint trigger — at commit, the terms of every council touched
 *   form one contiguous range (no instant between the first term's start and the last term's end without a
 *   holder). Together with the exclusion constraint `presidency_terms_no_overlap` (no instant with two): exactly
 *   one holder at every instant from the first term on. Deferred, so that a boundary moves in two statements
 *   (the outgoing term shortened, then the incoming one started earlier) within one transaction. It checks
 *   changes from now on; rows already stored are not re-validated.
 */
export class PresidencyEdges1763901500000 implements MigrationInterface {
  name = 'PresidencyEdges1763901500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE dup text;
      BEGIN
        SELECT string_agg(decision_id::text, ', ') INTO dup FROM (
          SELECT decision_id FROM presidency_transfers WHERE decision_id IS NOT NULL GROUP BY decision_id HAVING count(*) > 1) d;
        IF dup IS NOT NULL THEN
          RAISE EXCEPTION 'presidency_transfers cites these decisions more than once (a double handover, issue 12): %; decide which transfer each grounds before migrating', dup;
        END IF;
        SELECT string_agg(meeting_id::text, ', ') INTO dup FROM (
          SELECT meeting_id FROM presidency_transfers WHERE meeting_id IS NOT NULL GROUP BY meeting_id HAVING count(*) > 1) m;
        IF dup IS NOT NULL THEN
          RAISE EXCEPTION 'presidency_transfers cites these meetings more than once (a double handover, issue 12): %; decide which transfer each grounds before migrating', dup;
        END IF;
      END $$`);
    await q.query(`ALTER TABLE presidency_transfers ADD CONSTRAINT presidency_transfers_decision_key UNIQUE (decision_id)`);
    await q.query(`ALTER TABLE presidency_transfers ADD CONSTRAINT presidency_transfers_meeting_key UNIQUE (meeting_id)`);

    await q.query(`
      CREATE FUNCTION presidency_terms_no_gap() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c uuid;
        pieces integer;
      BEGIN
        FOR c IN SELECT DISTINCT x FROM unnest(ARRAY[
          CASE WHEN TG_OP <> 'INSERT' THEN OLD.council_id END,
          CASE WHEN TG_OP <> 'DELETE' THEN NEW.council_id END]) AS x WHERE x IS NOT NULL
        LOOP
          SELECT count(*) INTO pieces FROM unnest((SELECT range_agg(period) FROM presidency_terms WHERE council_id = c));
          IF pieces > 1 THEN
            RAISE EXCEPTION 'the presidency terms of council % would leave an instant without a holder: terms must follow each other without gaps', c
              USING ERRCODE = 'check_violation', CONSTRAINT = 'presidency_terms_no_gap';
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER presidency_terms_no_gap
        AFTER INSERT OR DELETE OR UPDATE OF period, council_id ON presidency_terms
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION presidency_terms_no_gap()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER presidency_terms_no_gap ON presidency_terms`);
    await q.query(`DROP FUNCTION presidency_terms_no_gap()`);
    await q.query(`ALTER TABLE presidency_transfers DROP CONSTRAINT presidency_transfers_meeting_key`);
    await q.query(`ALTER TABLE presidency_transfers DROP CONSTRAINT presidency_transfers_decision_key`);
  }
}
