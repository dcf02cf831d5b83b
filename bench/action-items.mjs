// Benchmark: "my delegation's open items, due first, page of 50" with 1,000,000
// action items across the 11 member-state delegations of the demo council.
// GET /councils/:councilId/me/action-items?status=open,acknowledged,in_progress,blocked
// with a delegate's bearer token (authentication on: token check, then ONE
// statement — the caller query folded into the page query), against bare Fastify
// + pg running the repository's exact SQL (bench/action-items-bare.mjs), in the
// same run; then EXPLAIN ANALYZE of that SQL, to show the partial index carries
// the order and the limit.
//
//   npm run bench:action-items                 (builds first)
//   BENCH_ITEMS=200000 BENCH_SECONDS=5 node bench/action-items.mjs
//   BENCH_ROUNDS=5 (default): the API and the bare server are loaded in alternating slices of BENCH_SECONDS / 5
//   BENCH_PROFILE=/tmp/prof node bench/action-items.mjs   (CPU profiles of the API and the bare server)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { seedActionItems } from './lib/action-items-seed.mjs';
import { myOpenItemsStatement } from './lib/action-items-sql.mjs';
import { benchEnv, connections, JWT_SECRET, loadAlternating, printResults, seconds, startApi, startBare, startBenchDatabase } from './lib/harness.mjs';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));
const STATUS = 'open,acknowledged,in_progress,blocked';

const started = Date.now();
const db = await startBenchDatabase(async (ds) => {
  const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
  const t0 = Date.now();
  await seedActionItems(ds, councilId, ITEMS);
  await ds.query('VACUUM ANALYZE action_items');
  await ds.query('ANALYZE');
  console.log(`seeded ${ITEMS.toLocaleString('en')} action items in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The head of Mexico's delegation: Mexico also leads bodies today, so "mine" is the delegation's items and its bodies'.
  const [caller] = await ds.query(
    `SELECT u.id AS "userId", dl.id AS "delegationId", dl.participant_id AS "participantId"
       FROM delegates d JOIN delegations dl ON dl.id = d.delegation_id JOIN participants p ON p.id = dl.participant_id
       JOIN council_roles cr ON cr.delegate_id = d.id AND cr.role = 'delegate' JOIN users u ON u.id = cr.user_id
      WHERE d.council_id = $1 AND p.iso_code = 'MX' AND d.role = 'head' AND d.active`,
    [councilId],
  );
  const [{ n }] = await ds.query(
    `SELECT count(*)::int AS n FROM action_items WHERE owner_delegation_id = $1 AND status IN ('open','acknowledged','in_progress','blocked')`,
    [caller.delegationId],
  );
  console.log(`caller: head of Mexico's delegation — ${n.toLocaleString('en')} open items of its own`);
  return { councilId, ...caller };
});

try {
  const { councilId, userId } = db.prepared;
  const token = await new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } }).issue(userId);
  const headers = { authorization: `Bearer ${token}` };
  const route = `/councils/${councilId}/me/action-items?status=${STATUS}`;
  const env = benchEnv(db.databaseUrl);

  const api = await startApi(env, db.children, route, headers);
  const check = await (await fetch(`${api}${route}`, { headers })).json();
  if (!Array.isArray(check.items) || check.items.length !== 50) throw new Error(`the API did not answer a page of 50: ${JSON.stringify(check).slice(0, 300)}`);
  const bare = await startBare(path.join(here, 'action-items-bare.mjs'), { ...env, BENCH_USER_ID: userId }, db.children);
  const bareCheck = await (await fetch(`${bare}${route}`)).json();
  if (bareCheck.items.map((i) => i.id).join() !== check.items.map((i) => i.id).join()) throw new Error('the bare server and the API disagree on the page');

  const loadBefore = os.loadavg();
  console.log(`\nGET /councils/:councilId/me/action-items?status=${STATUS} — ${connections} connections, ${seconds} s each, loopback, bearer token`);
  console.log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`);
  // Alternating slices (API, bare, API, bare…), so that the other work on a shared machine weighs on both alike.
  console.log(`${ROUNDS} alternating rounds of ${Math.max(1, Math.round(seconds / ROUNDS))} s each`);
  const results = await loadAlternating(
    [
      { name: 'protempore API (auth on: JWT + caller and page, 1 query)', url: `${api}${route}`, headers, pid: db.children[0].pid },
      { name: 'bare Fastify + pg, same SQL (no auth)', url: `${bare}${route}`, pid: db.children[1].pid },
    ],
    ROUNDS,
  );
  printResults(results);
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const { sql, params } = await myOpenItemsStatement();
  const client = new pg.Client(db.databaseUrl);
  await client.connect();
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params(councilId, userId));
  await client.end();
  console.log(`\nEXPLAIN ANALYZE of the page query (the repository's SQL):\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await db.stop();
}
