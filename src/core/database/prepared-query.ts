import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/** The name of a server-side prepared statement: stable for the same SQL text, so each connection plans it once. */
export function statementName(text: string): string {
  return `q_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
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
