import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and their access: user accounts (argon2 hashes), their roles in each
 * council (secretariat, or delegate through a delegate seat), one-time
 * password links and rotating refresh tokens. The audit log also refuses
 * TRUNCATE, which row triggers do not see.
 */
export class IdentityAndAccess1763900100000 implements MigrationInterface {
  name = 'IdentityAndAccess1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delegates ADD CONSTRAINT delegates_id_council_key UNIQUE (id, council_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        full_name text NOT NULL,
        password_hash text,
        is_admin boolean NOT NULL DEFAULT false,
        disabled_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lowercase CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$'),
        CONSTRAINT users_full_name_not_blank CHECK (btrim(full_name) <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await q.query(`
      CREATE TABLE council_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        council_id uuid NOT NULL,
        role text NOT NULL,
        delegate_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT council_roles_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
        CONSTRAINT council_roles_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT council_roles_delegate_fkey FOREIGN KEY (delegate_id, council_id) REFERENCES delegates(id, council_id) ON DELETE CASCADE,
        CONSTRAINT council_roles_user_council_key UNIQUE (user_id, council_id),
        CONSTRAINT council_roles_delegate_key UNIQUE (delegate_id),
        CONSTRAINT council_roles_role_known CHECK (role IN ('secretariat','delegate')),
        CONSTRAINT council_roles_delegate_shape CHECK ((role = 'delegate') = (delegate_id IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE password_setup_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT password_setup_tokens_token_hash_key UNIQUE (token_hash)
      )`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE INDEX audit_log_council_id_idx ON audit_log (council_id, id DESC)`);

    // Term bounds are instants the API reads and writes to the millisecond: a bound finer than that
    // could not be named back exactly (appending at "the end of the last term" would then overlap it).
    await q.query(`
      ALTER TABLE presidency_terms ADD CONSTRAINT presidency_terms_millisecond_bounds CHECK (
        date_trunc('milliseconds', lower(period)) = lower(period) AND date_trunc('milliseconds', upper(period)) = upper(period))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE presidency_terms DROP CONSTRAINT presidency_terms_millisecond_bounds`);
    await q.query(`DROP INDEX audit_log_council_id_idx`);
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE password_setup_tokens`);
    await q.query(`DROP TABLE council_roles`);
    await q.query(`DROP TABLE users`);
    await q.query(`ALTER TABLE delegates DROP CONSTRAINT delegates_id_council_key`);
  }
}
