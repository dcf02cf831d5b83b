// Benchmark: handover dossier assembly for a council with 10,000 open action items and 200 upcoming meetings
// (target ≤ 2 s). Seeds the demo council, its current presidency term (the demo's), 10,000 open
// items spread over the delegations, bodies and the presidency, 200 meetings over the next 12 months; then times,
// through the running API as the secretariat: the first assembly and refreshes (POST …/dossier/refresh, which
// runs the set-based assembly statement and answers the whole dossier), GET …/dossier and GET …/dossier/document.
//
//   npm run build && node bench/handover-dossier.mjs
//   BENCH_OPEN_ITEMS=10000 BENCH_MEETINGS=200 BENCH_RUNS=5 node bench/handover-dossier.mjs
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { benchEnv, JWT_SECRET, startApi, startBenchDatabase } from './lib/harness.mjs';

const OPEN_ITEMS = Number(process.env.BENCH_OPEN_ITEMS ?? 10_000);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;

/** Seeds the load and returns the council, the current term and a secretariat user. */
export async function seedHandoverLoad(ds, councilId) {
  await ds.query(
    `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, owner_body_id, due_date, priority, status, acknowledged_at)
     SELECT $1, jsonb_build_object('en', 'Open item ' || g, 'es', 'Acción abierta ' || g),
            CASE WHEN g % 10 = 0 AND b.ids IS NOT NULL THEN 'body' WHEN g % 17 = 0 THEN 'presidency' ELSE 'delegation' END,
            CASE WHEN g % 10 = 0 AND b.ids IS NOT NULL THEN NULL ELSE d.ids[1 + g % array_length(d.ids, 1)] END,
            CASE WHEN g % 10 = 0 AND b.ids IS NOT NULL THEN b.ids[1 + g % array_length(b.ids, 1)] END,
            current_date + ((g * 7919) % 500 - 100), (ARRAY['low','normal','high','urgent'])[1 + g % 4],
            (ARRAY['open','acknowledged','in_progress','blocked'])[1 + g % 4], CASE WHEN g % 4 <> 0 THEN now() END
       FROM generate_series(1, $2::int) g
      CROSS JOIN (SELECT array_agg(dl.id) AS ids FROM delegations dl JOIN participants p ON p.id = dl.participant_id WHERE dl.council_id = $1 AND p.kind = 'member_state') d
      CROSS JOIN (SELECT array_agg(id) AS ids FROM bodies WHERE council_id = $1) b`,
    [councilId, OPEN_ITEMS],
  );
  await ds.query(
    `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status)
     SELECT $1, 'working_group', 'Bench meeting ' || g, now() + (g * interval '1 day') * 360 / $2, now() + (g * interval '1 day') * 360 / $2 + interval '2 hours', 'UTC', 'draft'
       FROM generate_series(1, $2::int) g`,
    [councilId, MEETINGS],
  );
  await ds.query('ANALYZE');
  const [term] = await ds.query(`SELECT id FROM presidency_terms WHERE council_id = $1 AND period @> now()`, [councilId]);
  if (!term) throw new Error('the demo council has no current presidency term');
  const [user] = await ds.query(`INSERT INTO users (email, full_name) VALUES ('bench-secretariat@bench.invalid', 'Bench Secretariat') RETURNING id`);
  await ds.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [user.id, councilId]);
  const [{ open }] = await ds.query(
    `SELECT count(*)::int AS open FROM action_items WHERE council_id = $1 AND status IN ('open','acknowledged','in_progress','blocked')`,
    [councilId],
  );
  const [{ upcoming }] = await ds.query(
    `SELECT count(*)::int AS upcoming FROM meetings WHERE council_id = $1 AND starts_at >= now() AND starts_at < now() + interval '12 months' AND status <> 'cancelled'`,
    [councilId],
  );
  return { councilId, termId: term.id, userId: user.id, open, upcoming };
}

/** Times the dossier routes against a running API; returns the figures. */
export async function measureDossier(api, { councilId, termId }, headers, runs = RUNS) {
  const base = `${api}/councils/${councilId}/presidency/terms/${termId}/dossier`;
  const timed = async (method, url) => {
    const t0 = performance.now();
    const res = await fetch(url, {
      method,
      headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${method} ${url} → ${res.status} ${body.slice(0, 300)}`);
    return { ms, bytes: body.length, body };
  };
  const first = await timed('POST', `${base}/refresh`);
  const refreshes = [];
  for (let i = 0; i < runs; i++) refreshes.push((await timed('POST', `${base}/refresh`)).ms);
  const get = await timed('GET', base);
  const doc = await timed('GET', `${base}/document`);
  const content = JSON.parse(first.body).content;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    firstAssemblyMs: first.ms,
    refreshMedianMs: median(refreshes),
    refreshMaxMs: Math.max(...refreshes),
    refreshRunsMs: refreshes,
    getMs: get.ms,
    documentMs: doc.ms,
    dossierBytes: first.bytes,
    documentBytes: doc.bytes,
    items: content.actionItems.total,
    meetings: content.meetings.length,
  };
}

export function printDossierFigures(f, target = TARGET_MS) {
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`\nhandover dossier (${f.items.toLocaleString('en')} open action items, ${f.meetings} upcoming meetings):`);
  console.log(
    `  first assembly (POST refresh, whole JSON answered)  ${ms(f.firstAssemblyMs)}   ${f.firstAssemblyMs <= target ? 'OK' : 'OVER'} (target ≤ ${target} ms)`,
  );
  console.log(`  refresh, median of runs / max                        ${ms(f.refreshMedianMs)} / ${ms(f.refreshMaxMs)}`);
  console.log(`  GET dossier (JSON, ${(f.dossierBytes / 1e6).toFixed(1)} MB)                         ${ms(f.getMs)}`);
  console.log(`  GET dossier/document (HTML, ${(f.documentBytes / 1e6).toFixed(1)} MB)               ${ms(f.documentMs)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await startBenchDatabase(async (ds) => {
    const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
    return seedHandoverLoad(ds, councilId);
  });
  try {
    const p = db.prepared;
    console.log(`seeded: ${p.open.toLocaleString('en')} open action items, ${p.upcoming} upcoming meetings`);
    const token = await new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } }).issue(p.userId);
    const headers = { authorization: `Bearer ${token}` };
    const api = await startApi(benchEnv(db.databaseUrl), db.children, `/councils/${p.councilId}/presidency/terms/${p.termId}/handover`, headers);
    const figures = await measureDossier(api, p, headers);
    printDossierFigures(figures);
  } finally {
    await db.stop();
  }
}
