import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting papers: documents kept in PostgreSQL.
 *
 * - `document_blobs` + `document_blob_chunks`: the bytes of one stored file (the PostgreSQL `DocumentStore`),
 *   cut into chunks of at most 1 MiB (`chunk_size` is the size of every chunk but the last, so a range read
 *   knows which chunks to fetch). A blob row is written last, with the size and SHA-256 of what was streamed;
 *   the chunks' foreign key is checked at commit, so the chunks can be written first in the same transaction.
 * - `documents`: one paper in one language (es, en, fr, pt) on exactly one owner: an agenda item (with its
 *   meeting), a backlog item, minutes or a silence procedure (a written decision) — one nullable foreign key
 *   per owner, `documents_one_owner` requiring exactly one, and one document per owner and language. Its
 *   visibility: `members` (the council's delegates and secretariat), `member_states` (only member states'
 *   delegations and the secretariat) or `public` (readable by anyone once the meeting's documents are
 *   published). `current_version` is the number of the version shown.
 * - `document_versions`: every upload, numbered 1, 2, … per document (never overwritten: the history is kept),
 *   with its file name, sniffed content type, size, SHA-256, who uploaded it and `late` (uploaded after the
 *   meeting's papers deadline). Each version owns its blob; deleting a version deletes its blob
 *   (`document_versions_blob_cleanup`), so a cascade from a deleted agenda item leaves no bytes behind.
 * - `meeting_document_publications`: a meeting's documents published (one row per meeting), allowed once the
 *   meeting's minutes are approved (`meeting_document_publications_minutes_approved`).
 *
 * Agenda items gain a (id, meeting_id, council_id) key and backlog items an (id, council_id) key, so a document
 * never points into another meeting or council.
 */
export class MeetingPapers1763902200000 implements MigrationInterface {
  name = 'MeetingPapers1763902200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_id_meeting_council_key UNIQUE (id, meeting_id, council_id)`);
    await q.query(`ALTER TABLE backlog_items ADD CONSTRAINT backlog_items_id_council_key UNIQUE (id, council_id)`);

    await q.query(`
      CREATE TABLE document_blobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        size bigint NOT NULL,
        sha256 text NOT NULL,
        chunk_size integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_blobs_size_range CHECK (size >= 0),
        CONSTRAINT document_blobs_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT document_blobs_chunk_size_range CHECK (chunk_size BETWEEN 1 AND 1048576)
      )`);
    await q.query(`
      CREATE TABLE document_blob_chunks (
        blob_id uuid NOT NULL,
        seq integer NOT NULL,
        data bytea NOT NULL,
        CONSTRAINT document_blob_chunks_pkey PRIMARY KEY (blob_id, seq),
        CONSTRAINT document_blob_chunks_blob_fkey FOREIGN KEY (blob_id) REFERENCES document_blobs(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT document_blob_chunks_seq_range CHECK (seq >= 0),
        CONSTRAINT document_blob_chunks_data_size CHECK (octet_length(data) BETWEEN 1 AND 1048576)
      )`);
    // Chunks are stored as they come (already compressed formats, mostly): no TOAST compression to spend CPU on.
    await q.query(`ALTER TABLE document_blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);

    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        meeting_id uuid,
        agenda_item_id uuid,
        backlog_item_id uuid,
        minutes_id uuid,
        decision_id uuid,
        language text NOT NULL,
        title text NOT NULL,
        visibility text NOT NULL DEFAULT 'members',
        current_version integer NOT NULL,
        created_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT documents_id_council_key UNIQUE (id, council_id),
        CONSTRAINT documents_agenda_item_language_key UNIQUE (agenda_item_id, language),
        CONSTRAINT documents_backlog_item_language_key UNIQUE (backlog_item_id, language),
        CONSTRAINT documents_minutes_language_key UNIQUE (minutes_id, language),
        CONSTRAINT documents_decision_language_key UNIQUE (decision_id, language),
        CONSTRAINT documents_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT documents_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT documents_agenda_item_fkey FOREIGN KEY (agenda_item_id, meeting_id, council_id)
          REFERENCES agenda_items(id, meeting_id, council_id) ON DELETE CASCADE,
        CONSTRAINT documents_backlog_item_fkey FOREIGN KEY (backlog_item_id, council_id) REFERENCES backlog_items(id, council_id) ON DELETE CASCADE,
        CONSTRAINT documents_minutes_fkey FOREIGN KEY (minutes_id, council_id) REFERENCES minutes(id, council_id) ON DELETE CASCADE,
        CONSTRAINT documents_decision_fkey FOREIGN KEY (decision_id, council_id) REFERENCES decisions(id, council_id) ON DELETE CASCADE,
        CONSTRAINT documents_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT documents_one_owner CHECK (num_nonnulls(agenda_item_id, backlog_item_id, minutes_id, decision_id) = 1),
        CONSTRAINT documents_agenda_item_has_meeting CHECK (agenda_item_id IS NULL OR meeting_id IS NOT NULL),
        CONSTRAINT documents_language_known CHECK (language IN ('es','en','fr','pt')),
        CONSTRAINT documents_title_shape CHECK (btrim(title) <> '' AND char_length(title) <= 300),
        CONSTRAINT documents_visibility_known CHECK (visibility IN ('members','member_states','public')),
        CONSTRAINT documents_current_version_positive CHECK (current_version > 0)
      )`);
    await q.query(`CREATE INDEX documents_meeting_idx ON documents (meeting_id)`);
    await q.query(`CREATE INDEX documents_council_idx ON documents (council_id)`);

    await q.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        document_id uuid NOT NULL,
        number integer NOT NULL,
        blob_id uuid NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        late boolean NOT NULL DEFAULT false,
        uploaded_by uuid,
        uploaded_by_delegation_id uuid,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_versions_document_number_key UNIQUE (document_id, number),
        CONSTRAINT document_versions_blob_key UNIQUE (blob_id),
        CONSTRAINT document_versions_document_fkey FOREIGN KEY (document_id, council_id) REFERENCES documents(id, council_id) ON DELETE CASCADE,
        CONSTRAINT document_versions_blob_fkey FOREIGN KEY (blob_id) REFERENCES document_blobs(id),
        CONSTRAINT document_versions_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT document_versions_delegation_fkey FOREIGN KEY (uploaded_by_delegation_id, council_id)
          REFERENCES delegations(id, council_id),
        CONSTRAINT document_versions_number_positive CHECK (number > 0),
        CONSTRAINT document_versions_file_name_shape CHECK (btrim(file_name) <> '' AND char_length(file_name) <= 255 AND file_name !~ '[/\\\\[:cntrl:]]'),
        CONSTRAINT document_versions_content_type_known CHECK (content_type IN (
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation',
          'application/vnd.oasis.opendocument.text',
          'image/png','image/jpeg','image/gif','image/webp')),
        CONSTRAINT document_versions_size_positive CHECK (size > 0),
        CONSTRAINT document_versions_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX document_versions_uploaded_by_idx ON document_versions (uploaded_by)`);
    await q.query(`
      CREATE FUNCTION document_versions_blob_cleanup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM document_blobs WHERE id = OLD.blob_id;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER document_versions_blob_cleanup AFTER DELETE ON document_versions FOR EACH ROW EXECUTE FUNCTION document_versions_blob_cleanup()`,
    );

    await q.query(`
      CREATE TABLE meeting_document_publications (
        meeting_id uuid PRIMARY KEY,
        council_id uuid NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        CONSTRAINT meeting_document_publications_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT meeting_document_publications_published_by_fkey FOREIGN KEY (published_by) REFERENCES users(id) ON DELETE SET NULL
      )`);
    await q.query(`
      CREATE FUNCTION meeting_document_publications_minutes_approved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'approved') THEN
          RAISE EXCEPTION 'the documents of meeting % can be published once its minutes are approved', NEW.meeting_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'meeting_document_publications_minutes_approved';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER meeting_document_publications_minutes_approved BEFORE INSERT OR UPDATE ON meeting_document_publications FOR EACH ROW EXECUTE FUNCTION meeting_document_publications_minutes_approved()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_document_publications`);
    await q.query(`DROP FUNCTION meeting_document_publications_minutes_approved()`);
    await q.query(`DROP TABLE document_versions`);
    await q.query(`DROP FUNCTION document_versions_blob_cleanup()`);
    await q.query(`DROP TABLE documents`);
    await q.query(`DROP TABLE document_blob_chunks`);
    await q.query(`DROP TABLE document_blobs`);
    await q.query(`ALTER TABLE backlog_items DROP CONSTRAINT backlog_items_id_council_key`);
    await q.query(`ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_id_meeting_council_key`);
  }
}
