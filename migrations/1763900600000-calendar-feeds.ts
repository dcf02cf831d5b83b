import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * iCalendar subscription feeds: a signed-in person with a role in a council
 * gets a secret URL their calendar client polls (clients cannot send bearer
 * tokens). Only the SHA-256 of the URL's token is stored. A feed is 'personal'
 * (the council's meetings and its bodies') or 'body' (one body of the same
 * council — the composite key keeps it in the council). Revoking sets
 * revoked_at; the row stays so the list shows it.
 */
export class CalendarFeeds1763900600000 implements MigrationInterface {
  name = 'CalendarFeeds1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        council_id uuid NOT NULL,
        scope text NOT NULL,
        body_id uuid,
        token_hash text NOT NULL,
        hide_titles boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT calendar_feeds_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
        CONSTRAINT calendar_feeds_council_id_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT calendar_feeds_body_fkey FOREIGN KEY (body_id, council_id) REFERENCES bodies(id, council_id) ON DELETE CASCADE,
        CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash),
        CONSTRAINT calendar_feeds_scope_known CHECK (scope IN ('personal','body')),
        CONSTRAINT calendar_feeds_scope_shape CHECK ((scope = 'body') = (body_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (user_id, created_at)`);
    await q.query(`CREATE INDEX calendar_feeds_body_idx ON calendar_feeds (body_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
