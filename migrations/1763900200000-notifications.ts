import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications that are never lost and never sent twice:
 * - outbox: work a committed change asked for (an immediate notification or a
 *   scheduled reminder, keyed so that rescheduling replaces it), moved into the
 *   queue by a relay once due and swept back in if the queue lost it;
 * - deliveries: the ledger, one row per (subject, kind, occurrence, recipient),
 *   holding the rendered message and its sending state;
 * - notifications: the in-app inbox; notification_preferences: immediate,
 *   daily digest or off, per user and kind;
 * - council_reminders: reminders the secretariat schedules for delegations.
 */
export class Notifications1763900200000 implements MigrationInterface {
  name = 'Notifications1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN preferred_language text NOT NULL DEFAULT 'en'`);
    await q.query(`ALTER TABLE users ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_language_known CHECK (preferred_language IN ('es','en','fr','pt'))`);

    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        council_id uuid REFERENCES councils(id) ON DELETE CASCADE,
        kind text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        occurrence text NOT NULL DEFAULT 'once',
        payload jsonb NOT NULL DEFAULT '{}',
        reminder_key text,
        due_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending',
        generation integer NOT NULL DEFAULT 1,
        enqueued_at timestamptz,
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outbox_status_known CHECK (status IN ('pending','enqueued','done','cancelled'))
      )`);
    await q.query(`CREATE UNIQUE INDEX outbox_live_reminder_key ON outbox (reminder_key) WHERE reminder_key IS NOT NULL AND status IN ('pending','enqueued')`);
    await q.query(`CREATE INDEX outbox_due_idx ON outbox (due_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_enqueued_idx ON outbox (enqueued_at) WHERE status = 'enqueued'`);

    await q.query(`
      CREATE TABLE deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        outbox_id bigint REFERENCES outbox(id) ON DELETE SET NULL,
        council_id uuid REFERENCES councils(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        kind text NOT NULL,
        occurrence text NOT NULL,
        recipient text NOT NULL,
        language text NOT NULL,
        mode text NOT NULL DEFAULT 'immediate',
        status text NOT NULL DEFAULT 'pending',
        subject_line text NOT NULL,
        body_text text NOT NULL,
        body_html text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        attempts integer NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        sent_at timestamptz,
        message_id text,
        last_error text,
        digest_id bigint REFERENCES deliveries(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliveries_once UNIQUE (subject_type, subject_id, kind, occurrence, recipient),
        CONSTRAINT deliveries_status_known CHECK (status IN ('pending','sending','sent','failed','held','digested','skipped')),
        CONSTRAINT deliveries_mode_known CHECK (mode IN ('immediate','digest')),
        CONSTRAINT deliveries_language_known CHECK (language IN ('es','en','fr','pt')),
        CONSTRAINT deliveries_sent_has_time CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX deliveries_pending_idx ON deliveries (created_at) WHERE status IN ('pending','sending')`);
    await q.query(`CREATE INDEX deliveries_held_idx ON deliveries (user_id, created_at) WHERE status = 'held'`);

    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        council_id uuid REFERENCES councils(id) ON DELETE CASCADE,
        delivery_id bigint REFERENCES deliveries(id) ON DELETE SET NULL,
        kind text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id, id DESC) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        mode text NOT NULL,
        PRIMARY KEY (user_id, kind),
        CONSTRAINT notification_preferences_mode_known CHECK (mode IN ('immediate','digest','off'))
      )`);

    await q.query(`
      CREATE TABLE council_reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        title text NOT NULL,
        message text NOT NULL,
        send_at timestamptz NOT NULL,
        audience jsonb NOT NULL,
        status text NOT NULL DEFAULT 'scheduled',
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT council_reminders_status_known CHECK (status IN ('scheduled','sent','cancelled')),
        CONSTRAINT council_reminders_title_not_blank CHECK (btrim(title) <> '')
      )`);
    await q.query(`CREATE INDEX council_reminders_council_idx ON council_reminders (council_id, send_at)`);
    // Recipients by role in a council (the secretariat of a council, without reading every seat).
    await q.query(`CREATE INDEX council_roles_council_role_idx ON council_roles (council_id, role)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX council_roles_council_role_idx`);
    await q.query(`DROP TABLE council_reminders`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE deliveries`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_language_known`);
    await q.query(`ALTER TABLE users DROP COLUMN time_zone`);
    await q.query(`ALTER TABLE users DROP COLUMN preferred_language`);
  }
}
