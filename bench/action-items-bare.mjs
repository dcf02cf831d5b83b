// The baseline of bench/action-items.mjs: bare Fastify + a pg Pool running the
// repository's exact SQL, as the same named prepared statement, for "my delegation's open items, due first, page of 50"
// (captured from ActionItemsRepository), returning the page and its cursor. No
// authentication: the caller's delegation and participant come from the
// environment (the API resolves them from the bearer token with one more query).
import Fastify from 'fastify';
import pg from 'pg';
import { myOpenItemsStatement, PAGE_SIZE } from './lib/action-items-sql.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const delegationId = process.env.BENCH_DELEGATION_ID;
const participantId = process.env.BENCH_PARTICIPANT_ID;
const { sql, name, params } = await myOpenItemsStatement({ withLedBodies: true });

app.get('/councils/:councilId/me/action-items', async (req, reply) => {
  const { councilId } = req.params;
  if (!UUID.test(councilId)) return reply.code(400).send({ statusCode: 400 });
  // The same named prepared statement as the API's repository.
  const { rows } = await pool.query({ name, text: sql, values: params(councilId, delegationId, participantId) });
  if (rows.length === 0) return reply.code(404).send({ statusCode: 404 });
  const items = [];
  for (const r of rows) {
    if (r.id === null) continue;
    const { today: _t, sortDue: _s, ...item } = r;
    items.push(item);
  }
  const page = items.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor = items.length > PAGE_SIZE && last ? Buffer.from(`${last.dueDate}|${last.id}`).toString('base64url') : null;
  return { items: page, nextCursor };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
process.on('disconnect', () => process.exit(0));
