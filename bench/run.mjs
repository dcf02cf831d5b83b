// Benchmark: seeds a database, then loads one of the API's read endpoints and
// a bare Fastify + pg server running the same SQL, in one run, on loopback,
// and prints both figures and their ratio. Bounded: a few seconds per target.
// Shared start-up and load helpers: bench/lib/harness.mjs.
//
//   npm run bench            (builds first)
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=50 npm run bench
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { benchEnv, connections, load, printResults, seconds, startApi, startBare, startBenchDatabase } from './lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const db = await startBenchDatabase(async (ds) => {
  const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
  const [{ id: participantId }] = await ds.query(`SELECT id FROM participants WHERE council_id = $1 AND iso_code = 'MX'`, [councilId]);
  await ds.query('ANALYZE');
  return { councilId, participantId };
});
try {
  const { councilId, participantId } = db.prepared;
  const path_ = `/councils/${councilId}/participants/${participantId}`;
  const env = benchEnv(db.databaseUrl);
  const api = await startApi(env, db.children, path_);
  const bare = await startBare(path.join(here, 'bare-server.mjs'), env, db.children);

  console.log(
    `GET ${path_.replace(councilId, ':councilId').replace(participantId, ':participantId')} — ${connections} connections, ${seconds} s each, loopback`,
  );
  const results = [];
  results.push(await load('protempore API (NestJS + Fastify + TypeORM raw query)', `${api}${path_}`));
  results.push(await load('bare Fastify + pg, same SQL', `${bare}${path_}`));
  printResults(results);
} finally {
  await db.stop();
}
