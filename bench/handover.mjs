// Benchmark: the presidency handover of a council with 10,000 open action items (every 5th owned by the
// presidency) and 200 upcoming meetings (target ≤ 2 s each).
//
// The script is a list of MEASUREMENTS run against one seeded database and one running API; each returns
// { name, runs: [ms…], note }. The transfer is measured here; the dossier assembly is added as a second entry
// of MEASUREMENTS (see bench/handover-dossier.mjs for that measurement on its own).
//
// Transfer: POST /councils/:id/presidency/handover {mode:'early'} as the secretariat — one transaction that locks
// the council, determines the successor, moves the boundary of both terms, carries the presidency's open items
// over to the new holder (with a history entry each), archives the dossier, records the transfer, the audit row
// and the notice. Each run hands over to the next holder (the items move every time).
//
//   npm run build && node bench/handover.mjs
//   BENCH_OPEN_ITEMS=10000 BENCH_MEETINGS=200 BENCH_RUNS=3 node bench/handover.mjs
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { measureDossier } from './handover-dossier.mjs';
import { benchEnv, JWT_SECRET, startApi, startBenchDatabase } from './lib/harness.mjs';

const OPEN_ITEMS = Number(process.env.BENCH_OPEN_ITEMS ?? 10_000);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 2000;

async function seed(ds) {
  const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
  await ds.query(
    `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status, acknowledged_at)
     SELECT $1, jsonb_build_object('en', 'Open item ' || g), CASE WHEN g % 5 = 0 THEN 'presidency' ELSE 'delegation' END,
            CASE WHEN g % 5 = 0 THEN (SELECT dl.id FROM presidency_terms t JOIN delegations dl ON dl.participant_id = t.participant_id
                                       WHERE t.council_id = $1 AND t.period @> now())
                 ELSE d.ids[1 + g % array_length(d.ids, 1)] END,
            current_date + (g % 400), (ARRAY['open','acknowledged','in_progress','blocked'])[1 + g % 4], CASE WHEN g % 4 <> 0 THEN now() END
       FROM generate_series(1, $2::int) g
      CROSS JOIN (SELECT array_agg(dl.id) AS ids FROM delegations dl WHERE dl.council_id = $1) d`,
    [councilId, OPEN_ITEMS],
  );
  await ds.query(
    `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone)
     SELECT $1, 'working_group', 'Meeting ' || g, date_trunc('hour', now()) + g * interval '36 hours', date_trunc('hour', now()) + g * interval '36 hours' + interval '3 hours', 'UTC'
       FROM generate_series(1, $2::int) g`,
    [councilId, MEETINGS],
  );
  const [{ id: userId }] = await ds.query(
    `INSERT INTO users (email, full_name) VALUES ('bench-secretariat@bench.protempore.org', 'Bench Secretariat') RETURNING id`,
  );
  await ds.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [userId, councilId]);
  await ds.query('ANALYZE');
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM action_items WHERE council_id = $1 AND owner_kind = 'presidency'`, [councilId]);
  console.log(`seeded ${OPEN_ITEMS.toLocaleString('en')} open action items (${n.toLocaleString('en')} of the presidency) and ${MEETINGS} upcoming meetings`);
  return { councilId, userId };
}

/** The measurements, in order; each gets the API base URL, the secretariat's headers and the council. */
const MEASUREMENTS = [
  {
    name: 'transfer (early handover, one transaction)',
    async run({ api, headers, councilId }) {
      const runs = [];
      let note = '';
      for (let i = 0; i < RUNS; i++) {
        await new Promise((r) => setTimeout(r, 20)); // the new term must have started before the next handover
        const t0 = performance.now();
        const res = await fetch(`${api}/councils/${councilId}/presidency/handover`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ mode: 'early' }),
        });
        const ms = performance.now() - t0;
        const body = await res.json();
        if (res.status !== 201) throw new Error(`handover: ${res.status} ${JSON.stringify(body)}`);
        runs.push(ms);
        note = `${body.itemsMoved.toLocaleString('en')} items carried over per transfer`;
      }
      return { runs, note };
    },
  },
  // ── dossier assembly: the dossier helper adds its measurement here ──
  {
    name: 'dossier assembly (POST …/dossier/refresh of the current term, whole JSON answered)',
    async run({ api, headers, councilId }) {
      const current = await (await fetch(`${api}/councils/${councilId}/presidency/current`, { headers })).json();
      const f = await measureDossier(api, { councilId, termId: current.id }, headers, RUNS);
      return {
        runs: [f.firstAssemblyMs, ...f.refreshRunsMs],
        note: `${f.items.toLocaleString('en')} open items, ${f.meetings} meetings in the dossier; ${(f.dossierBytes / 1e6).toFixed(1)} MB JSON; GET dossier ${f.getMs.toFixed(0)} ms, HTML document ${f.documentMs.toFixed(0)} ms`,
      };
    },
  },
];

const db = await startBenchDatabase(seed);
try {
  const { councilId, userId } = db.prepared;
  const token = await new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } }).issue(userId);
  const headers = { authorization: `Bearer ${token}` };
  const api = await startApi(benchEnv(db.databaseUrl), db.children, `/councils/${councilId}/presidency/current`, headers);
  console.log(
    `\nhandover of a council with ${OPEN_ITEMS.toLocaleString('en')} open action items and ${MEETINGS} upcoming meetings (target ≤ ${TARGET_MS} ms each)`,
  );
  for (const m of MEASUREMENTS) {
    const { runs, note } = await m.run({ api, headers, councilId });
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `  ${m.name}: median ${median.toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms over ${runs.length} runs — ${median <= TARGET_MS ? 'within' : 'OVER'} target${note ? ` (${note})` : ''}`,
    );
  }
} finally {
  await db.stop();
}
