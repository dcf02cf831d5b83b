/**
 * The two database roles of a deployment: the schema owner, which runs the
 * migrations, and the application's role (the user of DATABASE_URL), which the
 * API and the worker connect as: data only (SELECT/INSERT/UPDATE/DELETE), no
 * DDL, the audit log append-only (SELECT/INSERT). The owner grants the
 * application's role what it needs after every migration run, so tables that
 * later migrations create are covered (and ALTER DEFAULT PRIVILEGES covers
 * tables the owner creates outside that path).
 */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The user named in a connection string (undefined when it names none). */
export function roleOf(url: string): string | undefined {
  const user = new URL(url).username;
  return user ? decodeURIComponent(user) : undefined;
}

/** The same connection string with another user (and no password: for trust or a .pgpass). */
export function withRole(url: string, role: string): string {
  const u = new URL(url);
  u.username = role; // the setter percent-encodes
  u.password = '';
  return u.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

async function rows<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T[]> {
  const result = (await db.query(sql, params)) as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** What the connected role may do to the schema (checked at boot, and by the tests). */
export interface RolePrivileges {
  role: string;
  superuser: boolean;
  /** May create schemas in the database. */
  createOnDatabase: boolean;
  /** May create tables, functions, … in schema public. */
  createInPublic: boolean;
  /** Tables of schema public the role owns (an owner may ALTER or DROP them). */
  ownedTables: number;
}

export async function inspectRole(db: Queryable): Promise<RolePrivileges> {
  const [row] = await rows<{ role: string; superuser: boolean; create_on_database: boolean; create_in_public: boolean; owned_tables: number }>(
    db,
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            has_database_privilege(current_database(), 'CREATE') AS create_on_database,
            has_schema_privilege('public', 'CREATE') AS create_in_public,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(c.relowner, 'USAGE')) AS owned_tables`,
  );
  return {
    role: row!.role,
    superuser: row!.superuser,
    createOnDatabase: row!.create_on_database,
    createInPublic: row!.create_in_public,
    ownedTables: row!.owned_tables,
  };
}

/** True when the role can change the schema: it is then not a least-privilege role. */
export function mayChangeSchema(p: RolePrivileges): boolean {
  return p.superuser || p.createOnDatabase || p.createInPublic || p.ownedTables > 0;
}

/** Grants EXECUTE on the routines of `schema` that the connected role owns (extension functions keep PUBLIC's EXECUTE). */
const grantOwnRoutines = (schema: string, app: string) => `
  DO $$
  DECLARE f regprocedure;
  BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = ${quoteLiteral(schema)} AND pg_has_role(p.proowner, 'USAGE')
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
      EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %I', f, ${quoteLiteral(app)});
    END LOOP;
  END $$`;

/**
 * Run by the schema owner after migrating (idempotent). Does nothing when the
 * application connects as the owner itself (one role for everything).
 * `queueSchema`: BullMQ's schema when the queue is on PostgreSQL.
 * Returns false when there was nothing to grant.
 */
export async function grantAppRole(db: Queryable, appRole: string, queueSchema?: string): Promise<boolean> {
  const [me] = await rows<{ role: string; database: string }>(db, 'SELECT current_user AS role, current_database() AS database');
  if (me!.role === appRole) return false;
  const [role] = await rows<{ rolsuper: boolean }>(db, 'SELECT rolsuper FROM pg_roles WHERE rolname = $1', [appRole]);
  if (!role) {
    throw new Error(
      `The application's database role "${appRole}" (the user of DATABASE_URL) does not exist: ` +
        `create it (CREATE ROLE ${quoteIdent(appRole)} LOGIN PASSWORD '…') before migrating. See README, "Database roles".`,
    );
  }
  const app = quoteIdent(appRole);
  const exists = async (table: string) => (await rows<{ t: string | null }>(db, 'SELECT to_regclass($1)::text AS t', [table]))[0]!.t !== null;
  const statements = [
    // CONNECT and TEMPORARY (BullMQ's bulk adds use temporary tables) are PUBLIC's by default: made explicit.
    `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(me!.database)} TO ${app}`,
    `REVOKE CREATE ON DATABASE ${quoteIdent(me!.database)} FROM ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `REVOKE CREATE ON SCHEMA public FROM ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    grantOwnRoutines('public', appRole),
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON ROUTINES TO ${app}`,
  ];
  // The audit log is append-only (its triggers refuse UPDATE, DELETE and TRUNCATE too); the migration ledger is read-only.
  if (await exists('public.audit_log')) statements.push(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${app}`);
  if (await exists('public.schema_migrations'))
    statements.push(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON schema_migrations FROM ${app}`);
  if (queueSchema) {
    const q = quoteIdent(queueSchema);
    statements.push(
      `GRANT USAGE ON SCHEMA ${q} TO ${app}`,
      `REVOKE CREATE ON SCHEMA ${q} FROM ${app}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${q} TO ${app}`,
      `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${q} TO ${app}`,
      grantOwnRoutines(queueSchema, appRole),
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${q} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${q} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${q} GRANT EXECUTE ON ROUTINES TO ${app}`,
    );
    if (await exists(`${q}.migration`)) statements.push(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${q}.migration FROM ${app}`);
  }
  for (const sql of statements) await db.query(sql);
  return true;
}
