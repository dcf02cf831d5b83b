import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting packs: the compiled PDF of a meeting's papers (cover, agenda, each item's current PDF papers), cached.
 *
 * One row per meeting, language and audience (`members`: without the papers restricted to member states;
 * `member_states`: with them). `cache_key` is the SHA-256 of everything the pack is made of (the cover's and the
 * agenda's texts, the ordered ids of the document versions included, the layout's format number), so a new
 * upload, an edited item or a moved meeting gives another key and the row is built again (`generation` + 1, the
 * job's id). `status`: building → ready (the bytes in the document store: `blob_id`, a `document_blobs` row) or
 * failed. Replacing or deleting a pack deletes its old bytes (`meeting_packs_blob_cleanup`), so a rebuilt or
 * cascaded pack leaves nothing behind.
 */
export class MeetingPacks1763902400000 implements MigrationInterface {
  name = 'MeetingPacks1763902400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_packs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        language text NOT NULL,
        audience text NOT NULL,
        cache_key text NOT NULL,
        generation integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'building',
        blob_id uuid,
        page_count integer,
        size bigint,
        sha256 text,
        manifest jsonb,
        error text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        built_at timestamptz,
        build_ms integer,
        CONSTRAINT meeting_packs_meeting_language_audience_key UNIQUE (meeting_id, language, audience),
        CONSTRAINT meeting_packs_blob_key UNIQUE (blob_id),
        CONSTRAINT meeting_packs_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT meeting_packs_blob_fkey FOREIGN KEY (blob_id) REFERENCES document_blobs(id),
        CONSTRAINT meeting_packs_language_known CHECK (language IN ('es','en','fr','pt')),
        CONSTRAINT meeting_packs_audience_known CHECK (audience IN ('members','member_states')),
        CONSTRAINT meeting_packs_status_known CHECK (status IN ('building','ready','failed')),
        CONSTRAINT meeting_packs_cache_key_format CHECK (cache_key ~ '^[0-9a-f]{64}$'),
        CONSTRAINT meeting_packs_generation_positive CHECK (generation > 0),
        CONSTRAINT meeting_packs_ready_shape CHECK ((status = 'ready') = (blob_id IS NOT NULL AND page_count IS NOT NULL AND size IS NOT NULL AND sha256 IS NOT NULL AND manifest IS NOT NULL AND built_at IS NOT NULL)),
        CONSTRAINT meeting_packs_failed_shape CHECK ((status = 'failed') = (error IS NOT NULL))
      )`);
    await q.query(`
      CREATE FUNCTION meeting_packs_blob_cleanup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.blob_id IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.blob_id IS DISTINCT FROM OLD.blob_id) THEN
          DELETE FROM document_blobs WHERE id = OLD.blob_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER meeting_packs_blob_cleanup AFTER UPDATE OF blob_id OR DELETE ON meeting_packs FOR EACH ROW EXECUTE FUNCTION meeting_packs_blob_cleanup()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_packs`);
    await q.query(`DROP FUNCTION meeting_packs_blob_cleanup()`);
  }
}
