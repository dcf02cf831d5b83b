// The baseline of bench/action-items.mjs: bare Fastify + a pg Pool running the
// repository's exact SQL, as the same named prepared statement, for "my delegation's open items, due first, page of 50"
// (captured from ActionItemsRepository.pageForCaller: the caller query and the page in one statement), returning
// the page and its cursor. No token: the caller's user id comes from the environment (the API verifies it from the
// bearer token, then settles the caller's roles from the same statement's caller columns).
import Fastify from 'fastify';
import pg from 'pg';
import { myOpenItemsStatement, PAGE_SIZE } from './lib/action-items-sql.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const userId = process.env.BENCH_USER_ID;
const { sql, name, params } = await myOpenItemsStatement();

app.get('/councils/:councilId/me/action-items', async (req, reply) => {
  const { councilId } = req.params;
  if (!UUID.test(councilId)) return reply.code(400).send({ statusCode: 400 });
  // The same named prepared statement as the API's repository.
  const { rows } = await pool.query({ name, text: sql, values: params(councilId, userId) });
  const first = rows[0];
  if (!first || first.caller_disabled) return reply.code(401).send({ statusCode: 401 });
  if (first.caller_role !== 'delegate' || first.caller_delegation_id === null) return reply.code(403).send({ statusCode: 403 });
  if (first.today === null) return reply.code(404).send({ statusCode: 404 });
  const items = [];
  for (const r of rows) {
    if (r.id === null) continue;
    const item = {};
    for (const key in r) if (!key.startsWith('caller_') && key !== 'today' && key !== 'sortDue') item[key] = r[key];
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
