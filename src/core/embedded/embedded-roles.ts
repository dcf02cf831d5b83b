import pg from 'pg';
import { quoteIdent } from '../database/database-roles.js';

/**
 * The roles of the embedded PostgreSQL (the zero-config default and the
 * tests): the schema owner, which owns the database and runs the migrations,
 * and the application's least-privilege role, which the API and the worker
 * connect as. Neither is a superuser. The server listens on loopback only with
 * trust authentication (as before), so they have no passwords.
 */
export const EMBEDDED_OWNER_ROLE = 'protempore_owner';
export const EMBEDDED_APP_ROLE = 'protempore_app';

/** Creates both roles when missing (run as the superuser). */
export async function ensureEmbeddedRoles(superuserUrl: string): Promise<void> {
  const client = new pg.Client(superuserUrl);
  await client.connect();
  try {
    for (const role of [EMBEDDED_OWNER_ROLE, EMBEDDED_APP_ROLE]) {
      const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (found.rowCount === 0) {
        await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Creates the database, owned by the schema owner, when missing; returns the
 * role that owns it, which is the one to migrate as (a database created by an
 * earlier version is owned by `postgres`, whose tables stay its own).
 */
export async function ensureEmbeddedDatabase(superuserUrl: string, name: string): Promise<string> {
  const client = new pg.Client(superuserUrl);
  await client.connect();
  try {
    const found = await client.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name]);
    if (found.rows[0]) return found.rows[0].owner;
    await client.query(`CREATE DATABASE ${quoteIdent(name)} OWNER ${quoteIdent(EMBEDDED_OWNER_ROLE)}`);
    return EMBEDDED_OWNER_ROLE;
  } finally {
    await client.end();
  }
}
