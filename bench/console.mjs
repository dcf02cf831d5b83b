// Benchmark: the web console. Prints
//  - the initial JavaScript and CSS of /app/ (the entry and what it imports statically), gzipped;
//  - each route's own chunks (lazy: what a route adds to the initial load), gzipped, and the largest;
//  - the time to first render of "My action items" on a cold load (empty cache, new browser context,
//    a stored session) against the local API (production mode) with the demo council: from navigation
//    start to the first row of the items table, through sign-in resumption (one token refresh), /auth/me,
//    the council and the items. Median and worst of BENCH_RUNS (default 7) loads.
//
//   npm run bench:console          (builds first)
//   node bench/console.mjs         (after npm run build)
/* global document, window, location, MutationObserver */ // (in the pages: the callbacks run in the browser)
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { benchEnv, startApi, startBenchDatabase } from './lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '../dist/console');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PASSWORD = 'bench-console-password';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

// ── sizes ──
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const raw = (file) => statSync(path.join(dist, file)).size;
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
/** A chunk and its static imports, recursively. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) closure(i, seen);
  return seen;
}
const initial = closure(entryKey);
const initialJs = [...initial].map((k) => manifest[k].file);
const initialCss = [...initial].flatMap((k) => manifest[k].css ?? []);
const sum = (files, f) => files.reduce((n, file) => n + f(file), 0);
console.log(`initial JS   ${kB(sum(initialJs, gz)).padStart(9)} gzipped (${kB(sum(initialJs, raw))} raw, ${initialJs.length} file(s))   target ≤ 200 kB`);
console.log(`initial CSS  ${kB(sum(initialCss, gz)).padStart(9)} gzipped (${kB(sum(initialCss, raw))} raw)`);
const routes = Object.keys(manifest)
  .filter((k) => manifest[k].isDynamicEntry)
  .map((k) => {
    const own = [...closure(k)].filter((c) => !initial.has(c)).map((c) => manifest[c].file);
    return { route: manifest[k].name ?? k, file: manifest[k].file, own: gz(manifest[k].file), added: sum(own, gz) };
  })
  .sort((a, b) => b.added - a.added);
for (const r of routes) console.log(`  route chunk ${r.route.padEnd(20)} ${kB(r.own).padStart(9)} gzipped; with its shared chunks ${kB(r.added).padStart(9)}`);
console.log(`largest route chunk: ${routes[0].route} — ${kB(routes[0].own)} gzipped (${kB(routes[0].added)} with the chunks it shares with other routes)`);

// ── first render ──
const db = await startBenchDatabase(async (ds) => {
  await seedDemoCouncil(ds, new Date(), { demoPassword: PASSWORD });
  // The demo delegate whose delegation owns the most action items.
  const [who] = await ds.query(
    `SELECT u.email, count(a.id)::int AS items FROM users u JOIN council_roles cr ON cr.user_id = u.id AND cr.role = 'delegate'
       JOIN delegates d ON d.id = cr.delegate_id LEFT JOIN action_items a ON a.owner_delegation_id = d.delegation_id
      GROUP BY u.email ORDER BY items DESC, u.email LIMIT 1`,
  );
  return who;
});
let browser;
try {
  const base = await startApi(benchEnv(db.databaseUrl), db.children, '/health');
  console.log(`delegate: ${db.prepared.email} (${db.prepared.items} action items of the delegation)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const times = [];
  const fcps = [];
  for (let run = 0; run <= RUNS; run++) {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: db.prepared.email, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
    const { refreshToken } = await login.json();
    // A new context: empty cache, the stored session of a person who signed in yesterday.
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Mexico_City', viewport: { width: 1280, height: 800 } });
    await context.addInitScript((token) => {
      if (location.pathname.startsWith('/app/')) localStorage.setItem('protempore.refreshToken', token);
      new MutationObserver((_m, observer) => {
        if (document.querySelector('table tbody tr')) {
          window.__firstRender = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, refreshToken);
    const page = await context.newPage();
    await page.goto(`${base}/app/items`);
    await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
    const t = await page.evaluate(() => window.__firstRender);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    await context.close();
    if (run === 0) continue; // the first load warms the server (JIT, pools), not the browser's cache
    times.push(t);
    fcps.push(fcp);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `first render of "My action items" (cold load, to the first table row): median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms over ${RUNS} loads   target ≤ 1500 ms`,
  );
  console.log(`first contentful paint: median ${median(fcps).toFixed(0)} ms`);
} finally {
  await browser?.close();
  await db.stop();
}
