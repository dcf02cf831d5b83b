import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AccessTokenService } from '../../src/core/auth/access-token.service.js';
import type { TestContext } from './test-app.js';

/**
 * People for tests: users created straight in the database with their roles,
 * and access tokens issued by the application's own token service.
 */
export interface Actor {
  userId: string;
  token: string;
  /** `{ authorization: 'Bearer …' }` for supertest's `.set()`. */
  auth: { authorization: string };
}

async function insertUser(db: DataSource, opts: { email?: string; isAdmin?: boolean; fullName?: string } = {}): Promise<string> {
  const email = opts.email ?? `user-${randomBytes(5).toString('hex')}@test.protempore.org`;
  const rows = (await db.query(`INSERT INTO users (email, full_name, is_admin) VALUES ($1, $2, $3) RETURNING id`, [
    email,
    opts.fullName ?? 'Test User',
    opts.isAdmin ?? false,
  ])) as { id: string }[];
  return rows[0]!.id;
}

export async function tokenFor(ctx: Pick<TestContext, 'app'>, userId: string): Promise<Actor> {
  const token = await ctx.app.get(AccessTokenService).issue(userId);
  return { userId, token, auth: { authorization: `Bearer ${token}` } };
}

export async function admin(ctx: Pick<TestContext, 'app' | 'db'>): Promise<Actor> {
  return tokenFor(ctx, await insertUser(ctx.db, { isAdmin: true, fullName: 'System Administrator' }));
}

export async function secretariat(ctx: Pick<TestContext, 'app' | 'db'>, councilId: string): Promise<Actor> {
  const userId = await insertUser(ctx.db, { fullName: 'Secretariat Officer' });
  await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [userId, councilId]);
  return tokenFor(ctx, userId);
}

/** A user seated as an (active) delegate of the delegation; creates the delegate row. */
export async function delegateOf(
  ctx: Pick<TestContext, 'app' | 'db'>,
  councilId: string,
  delegationId: string,
  role: 'head' | 'alternate' | 'adviser' = 'adviser',
): Promise<Actor & { delegateId: string }> {
  const email = `delegate-${randomBytes(5).toString('hex')}@test.protempore.org`;
  const userId = await insertUser(ctx.db, { email, fullName: 'Test Delegate' });
  const rows = (await ctx.db.query(
    `INSERT INTO delegates (council_id, delegation_id, full_name, email, role) VALUES ($1, $2, 'Test Delegate', $3, $4) RETURNING id`,
    [councilId, delegationId, email, role],
  )) as { id: string }[];
  const delegateId = rows[0]!.id;
  await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role, delegate_id) VALUES ($1, $2, 'delegate', $3)`, [userId, councilId, delegateId]);
  return { ...(await tokenFor(ctx, userId)), delegateId };
}

/**
 * The operator of CRUD tests: a system administrator who is also secretariat
 * of every council created in the test database (a test-only trigger grants
 * it), so tests of secretariat work need not set up roles each time. Access
 * control itself is tested with distinct actors.
 */
export async function installOperator(ctx: Pick<TestContext, 'app' | 'db'>): Promise<Actor> {
  const userId = await insertUser(ctx.db, { isAdmin: true, fullName: 'Test Operator', email: 'operator@test.protempore.org' });
  await ctx.db.query(`
    CREATE FUNCTION test_grant_operator() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO council_roles (user_id, council_id, role) VALUES ('${userId}', NEW.id, 'secretariat');
      RETURN NEW;
    END $$`);
  await ctx.db.query(`CREATE TRIGGER test_grant_operator AFTER INSERT ON councils FOR EACH ROW EXECUTE FUNCTION test_grant_operator()`);
  return tokenFor(ctx, userId);
}
