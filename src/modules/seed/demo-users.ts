import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DEMO_EMAIL_DOMAIN } from './demo-council.data.js';

export const DEMO_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;
export const DEMO_SECRETARIAT_EMAIL = `secretariat@${DEMO_EMAIL_DOMAIN}`;

/**
 * The demo council's accounts, idempotently: a system administrator, a
 * secretariat officer, and one account per demo delegate (same email) acting as
 * that delegate seat, in the delegate's language and time zone. `passwordHash` (argon2) is given to accounts that have
 * none yet; without it the accounts have no password. Returns how many
 * accounts and roles were created.
 */
export async function seedDemoUsers(em: EntityManager, councilId: string, passwordHash: string | null): Promise<{ users: number; roles: number }> {
  let users = 0;
  let roles = 0;
  const inserted = (await em.query(
    `INSERT INTO users (email, full_name, is_admin, password_hash)
     VALUES ($1, 'Demo Administrator', true, $3), ($2, 'Demo Secretariat Officer', false, $3)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [DEMO_ADMIN_EMAIL, DEMO_SECRETARIAT_EMAIL, passwordHash],
  )) as unknown[];
  users += inserted.length;
  roles += (
    (await em.query(
      `INSERT INTO council_roles (user_id, council_id, role) SELECT id, $2, 'secretariat' FROM users WHERE email = $1
       ON CONFLICT DO NOTHING RETURNING id`,
      [DEMO_SECRETARIAT_EMAIL, councilId],
    )) as unknown[]
  ).length;

  users += (
    (await em.query(
      `INSERT INTO users (email, full_name, password_hash, preferred_language, time_zone)
       SELECT lower(d.email), d.full_name, $2, d.preferred_language, d.time_zone FROM delegates d WHERE d.council_id = $1 ORDER BY d.email
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [councilId, passwordHash],
    )) as unknown[]
  ).length;
  roles += (
    (await em.query(
      `INSERT INTO council_roles (user_id, council_id, role, delegate_id)
       SELECT u.id, d.council_id, 'delegate', d.id FROM delegates d JOIN users u ON u.email = lower(d.email) WHERE d.council_id = $1
       ON CONFLICT DO NOTHING RETURNING id`,
      [councilId],
    )) as unknown[]
  ).length;

  if (passwordHash !== null) {
    // Accounts seeded earlier without a password (npm run seed) get the demo password too.
    await em.query(
      `UPDATE users SET password_hash = $2, version = version + 1, updated_at = now()
        WHERE password_hash IS NULL
          AND (email = ANY($3::text[]) OR email IN (SELECT lower(email) FROM delegates WHERE council_id = $1))`,
      [councilId, passwordHash, [DEMO_ADMIN_EMAIL, DEMO_SECRETARIAT_EMAIL]],
    );
  }
  if (users + roles > 0) {
    await new AuditService().record(em, { councilId, action: 'seed.users_created', entityType: 'council', entityId: councilId, after: { users, roles } });
  }
  return { users, roles };
}
