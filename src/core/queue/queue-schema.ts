import { assertSchemaCompatibility, type PgQueryable, runMigrations, SchemaMigrationRequiredError } from 'bullmq';
import { quoteIdent } from '../database/database-roles.js';

/**
 * BullMQ's PostgreSQL backend keeps its tables and functions in a schema of its
 * own, and makes a sequence per queue for job ids on a queue's first id-less or
 * bulk add. Both are DDL: the schema owner runs them when migrating (never the
 * application's role, which gets data rights on that schema only). The app's
 * queue connections then run with `migrate: false` (a read-only version check).
 */
export async function prepareQueueSchema(client: PgQueryable, schema: string, queueNames: readonly string[]): Promise<void> {
  await runMigrations(client, schema);
  const q = quoteIdent(schema);
  for (const name of queueNames) {
    const { rows } = await client.query<{ seq: string }>(`SELECT ${q}.job_id_seq_name($1) AS seq`, [name]);
    await client.query(`CREATE SEQUENCE IF NOT EXISTS ${q}.${quoteIdent(rows[0]!.seq)}`);
  }
}

/** Null when the queue schema is migrated and has the sequence of every queue; otherwise what is missing. */
export async function queueSchemaProblem(client: PgQueryable, schema: string, queueNames: readonly string[]): Promise<string | null> {
  try {
    await assertSchemaCompatibility(client, schema);
  } catch (err) {
    if (err instanceof SchemaMigrationRequiredError) return `the queue schema "${schema}" is not created`;
    throw err;
  }
  const q = quoteIdent(schema);
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass($2 || '.' || quote_ident(${q}.job_id_seq_name(name))) IS NULL`,
    [queueNames, q],
  );
  return rows.length ? `the queue schema "${schema}" has no job-id sequence for ${rows.map((r) => r.name).join(', ')}` : null;
}
