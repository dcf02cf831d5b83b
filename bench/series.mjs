// Benchmark: the series list of a council with 100 series of 12 occurrences each (it used to run one meetings query
// per series, unpaged; median 569 ms with ~100 series). Seeds the demo council, 100 weekly series and their 1,200
// draft occurrences by SQL; then times, through the running API as the secretariat, GET /councils/{id}/series as
// one page of all 100 (limit=100), the default first page (50), and the walk of every page.
//
//   npm run build && node bench/series.mjs
//   BENCH_SERIES=100 BENCH_OCCURRENCES=12 BENCH_RUNS=15 node bench/series.mjs
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { benchEnv, JWT_SECRET, startApi, startBenchDatabase } from './lib/harness.mjs';

const SERIES = Number(process.env.BENCH_SERIES ?? 100);
const OCCURRENCES = Number(process.env.BENCH_OCCURRENCES ?? 12);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function seed(ds, councilId) {
  const series = await ds.query(
    `INSERT INTO meeting_series (council_id, kind, title, local_start_time, duration_minutes, time_zone, frequency, repeat_interval, weekday, first_date, occurrence_count)
     SELECT $1, 'working_group', 'Bench series ' || g, '09:00', 120, 'UTC', 'weekly', 1, 'TU', current_date + 30 + g, $3
       FROM generate_series(1, $2::int) g RETURNING id, first_date::text AS "firstDate"`,
    [councilId, SERIES, OCCURRENCES],
  );
  await ds.query(
    `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, series_id, occurrence_date)
     SELECT $1, 'working_group', 'Bench occurrence ' || k, (s.first_date + 7 * k) + time '09:00', (s.first_date + 7 * k) + time '11:00', 'UTC', 'draft', s.id, s.first_date + 7 * k
       FROM meeting_series s CROSS JOIN generate_series(0, $2::int - 1) k WHERE s.council_id = $1`,
    [councilId, OCCURRENCES],
  );
  await ds.query('ANALYZE');
  const sql = await sqlFigures(ds, councilId);
  const [user] = await ds.query(`INSERT INTO users (email, full_name) VALUES ('bench-secretariat@bench.invalid', 'Bench Secretariat') RETURNING id`);
  await ds.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [user.id, councilId]);
  return { councilId, userId: user.id, series: series.length, sql };
}

/**
 * The database side alone, before and after, on the same data and machine: the old list's one query per series
 * (series, then each one's meetings with their chair) against the page's one query (limit 101, as the API asks).
 */
async function sqlFigures(ds, councilId) {
  const { MEETING_SELECT } = await import('../dist/src/modules/meetings/meetings.repository.js');
  const before = async () => {
    const rows = await ds.query(`SELECT id FROM meeting_series WHERE council_id = $1 ORDER BY first_date, created_at, id`, [councilId]);
    for (const r of rows) await ds.query(`${MEETING_SELECT} WHERE m.council_id = $1 AND m.series_id = $2 ORDER BY m.starts_at, m.id`, [councilId, r.id]);
  };
  const after = () =>
    ds.query(
      `SELECT s.id, o.occurrences FROM meeting_series s CROSS JOIN LATERAL (
         SELECT coalesce(json_agg(x ORDER BY x."occurrenceDate", x.id), '[]'::json) AS occurrences
           FROM (${MEETING_SELECT} WHERE m.series_id = s.id AND m.council_id = s.council_id) x) o
        WHERE s.council_id = $1 ORDER BY s.first_date, s.id LIMIT 101`,
      [councilId],
    );
  const time = async (f) => {
    const xs = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await f();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  await before();
  await after();
  return { beforeMs: await time(before), afterMs: await time(after) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const db = await startBenchDatabase(async (ds) => {
  const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
  return seed(ds, councilId);
});
try {
  const p = db.prepared;
  const token = await new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } }).issue(p.userId);
  const headers = { authorization: `Bearer ${token}` };
  const list = `/councils/${p.councilId}/series`;
  const api = await startApi(benchEnv(db.databaseUrl), db.children, list, headers);
  const timed = async (query) => {
    const t0 = performance.now();
    const res = await fetch(`${api}${list}${query}`, { headers });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ${list}${query} → ${res.status} ${body.slice(0, 300)}`);
    return { ms, bytes: body.length, page: JSON.parse(body) };
  };
  for (let i = 0; i < 3; i++) await timed('?limit=100'); // warm-up
  const whole = [];
  const first = [];
  const walks = [];
  let bytes = 0;
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const w = await timed('?limit=100');
    whole.push(w.ms);
    bytes = w.bytes;
    items = w.page.items.length;
    first.push((await timed('')).ms);
    let t = 0;
    let cursor = null;
    do {
      const r = await timed(cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');
      t += r.ms;
      cursor = r.page.nextCursor;
    } while (cursor);
    walks.push(t);
  }
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`\nseries list (${p.series} series × ${OCCURRENCES} occurrences, ${RUNS} runs, medians):`);
  console.log(`  GET …/series?limit=100 (all ${items} in one page, ${(bytes / 1e6).toFixed(2)} MB)   ${ms(median(whole))}   (was 569 ms unpaged)`);
  console.log(`  GET …/series (first page of 50)                    ${ms(median(first))}`);
  console.log(`  every page, walked with nextCursor                  ${ms(median(walks))}`);
  console.log(`  SQL only: one query per series (before) / one query (after)   ${ms(p.sql.beforeMs)} / ${ms(p.sql.afterMs)}`);
} finally {
  await db.stop();
}
