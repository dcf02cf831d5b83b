import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/** Names already computed, by SQL text (a few hundred shapes at most; cleared if it ever grows past that). */
const names = new Map<string, string>();
const MAX_NAMES = 1000;

/** The name of a server-side prepared statement: stable for the same SQL text, so each connection plans it once. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot read as a named prepared statement on the application's pool: PostgreSQL parses it once per
 * connection and may keep a generic plan, where `DataSource.query` sends it unnamed and plans it every time.
 * Only for fixed SQL texts that run on every request (one statement per distinct text and connection).
 */
export async function preparedQuery<R extends QueryResultRow>(db: DataSource, text: string, values: unknown[]): Promise<R[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const result = await pool.query<R>({ name: statementName(text), text, values });
  return result.rows;
}
