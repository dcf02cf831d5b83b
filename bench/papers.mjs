// Benchmark: meeting papers. Upload and download of a 40 MiB file through the API (multipart in,
// streamed out of PostgreSQL's chunks), in MiB/s, against writing and reading the same bytes with `pg` directly
// (1 MiB bytea rows in one transaction; read back one chunk per query), and the API process's peak RSS during
// each (sampled from /proc every 10 ms, against its RSS just before).
//
//   npm run bench:papers
//   BENCH_PAPER_MIB=40 BENCH_RUNS=3 node bench/papers.mjs
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { benchEnv, JWT_SECRET, startApi, startBenchDatabase } from './lib/harness.mjs';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_PAPER_MIB ?? 40) * MiB;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const block = randomBytes(MiB);

/** The file, in 1 MiB pieces made on the fly (a PDF by its first bytes). */
function* pieces() {
  for (let i = 0, sent = 0; sent < SIZE; i++) {
    const p = Buffer.from(block.subarray(0, Math.min(MiB, SIZE - sent)));
    if (i === 0) p.write('%PDF-1.7\n', 0, 'latin1');
    p.writeUInt32BE(i, 16);
    sent += p.length;
    yield p;
  }
}
const expectedSha = (() => {
  const h = createHash('sha256');
  for (const p of pieces()) h.update(p);
  return h.digest('hex');
})();

const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

/** Runs `work` while sampling the API's RSS; returns its result, the time and the RSS peak above the start. */
async function measured(pid, work) {
  const before = rssOf(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - t0) / 1000, rssBefore: before, rssPeak: peak };
  } finally {
    clearInterval(timer);
  }
}

function upload(api, path, token) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\nen\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBench paper\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(api);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path,
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + SIZE + tail.length),
      },
    });
    req.on('response', (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(parts).toString('utf8'));
        if (res.statusCode !== 201) reject(new Error(`upload → ${res.statusCode} ${JSON.stringify(body)}`));
        else resolve(body);
      });
    });
    req.on('error', reject);
    void (async () => {
      const write = (b) => new Promise((ok) => (req.write(b) ? ok() : req.once('drain', ok)));
      await write(head);
      for (const p of pieces()) await write(p);
      req.end(tail);
    })();
  });
}

function download(api, path, token) {
  const url = new URL(api);
  return new Promise((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
        const h = createHash('sha256');
        let size = 0;
        res.on('data', (d) => {
          h.update(d);
          size += d.length;
        });
        res.on('end', () => (res.statusCode === 200 ? resolve({ size, sha256: h.digest('hex') }) : reject(new Error(`download → ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

/** The same bytes written and read with pg directly: 1 MiB bytea rows in one transaction, read one per query. */
async function direct(databaseUrl) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS bench_paper_chunks (run int, seq int, data bytea NOT NULL, PRIMARY KEY (run, seq))`);
    await client.query(`ALTER TABLE bench_paper_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
    const run = Math.floor(Math.random() * 1e9);
    const t0 = performance.now();
    await client.query('BEGIN');
    let seq = 0;
    const h = createHash('sha256');
    for (const p of pieces()) {
      h.update(p);
      await client.query(`INSERT INTO bench_paper_chunks (run, seq, data) VALUES ($1, $2, $3)`, [run, seq++, p]);
    }
    await client.query('COMMIT');
    const writeSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const r = createHash('sha256');
    for (let i = 0; i < seq; i++) {
      const { rows } = await client.query(`SELECT data FROM bench_paper_chunks WHERE run = $1 AND seq = $2`, [run, i]);
      r.update(rows[0].data);
    }
    const readSeconds = (performance.now() - t1) / 1000;
    if (r.digest('hex') !== h.digest('hex')) throw new Error('pg direct: the bytes read differ');
    return { writeSeconds, readSeconds };
  } finally {
    await client.end();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await startBenchDatabase(async (ds) => {
    const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
    const [meeting] = await ds.query(
      `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status)
       VALUES ($1, 'working_group', 'Bench papers', now() + interval '60 days', now() + interval '60 days 2 hours', 'UTC', 'draft') RETURNING id`,
      [councilId],
    );
    const items = [];
    for (let i = 1; i <= RUNS + 1; i++) {
      const [item] = await ds.query(
        `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose) VALUES ($1, $2, $3, $4, 'information') RETURNING id`,
        [councilId, meeting.id, i, JSON.stringify({ en: `Bench item ${i}` })],
      );
      items.push(item.id);
    }
    const [user] = await ds.query(`INSERT INTO users (email, full_name) VALUES ('bench-papers@bench.invalid', 'Bench Secretariat') RETURNING id`);
    await ds.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [user.id, councilId]);
    return { councilId, meetingId: meeting.id, items, userId: user.id };
  });
  try {
    const p = db.prepared;
    const token = await new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } }).issue(p.userId);
    const api = await startApi(benchEnv(db.databaseUrl), db.children, `/councils/${p.councilId}/meetings/${p.meetingId}/documents`, {
      authorization: `Bearer ${token}`,
    });
    const pid = db.children[db.children.length - 1].pid;
    const mib = SIZE / MiB;
    const ups = [];
    const downs = [];
    let peakUp = 0;
    let peakDown = 0;
    let baseRss = rssOf(pid);
    for (let i = 0; i <= RUNS; i++) {
      const up = await measured(pid, () => upload(api, `/councils/${p.councilId}/meetings/${p.meetingId}/agenda/items/${p.items[i]}/documents`, token));
      if (up.result.sha256 !== expectedSha || up.result.size !== SIZE) throw new Error('upload: the stored bytes differ');
      const down = await measured(pid, () => download(api, `/councils/${p.councilId}/documents/${up.result.id}/content`, token));
      if (down.result.sha256 !== expectedSha) throw new Error('download: the bytes differ');
      if (i === 0) {
        baseRss = rssOf(pid); // the first run warms up (connections, code)
        continue;
      }
      ups.push(up.seconds);
      downs.push(down.seconds);
      peakUp = Math.max(peakUp, up.rssPeak - up.rssBefore);
      peakDown = Math.max(peakDown, down.rssPeak - down.rssBefore);
    }
    const directRuns = [];
    for (let i = 0; i < RUNS; i++) directRuns.push(await direct(db.databaseUrl));
    const dw = median(directRuns.map((r) => r.writeSeconds));
    const dr = median(directRuns.map((r) => r.readSeconds));
    const up = median(ups);
    const down = median(downs);
    const f = (x) => x.toFixed(1).padStart(7);
    console.log(`\nmeeting papers: a ${mib} MiB PDF, median of ${RUNS} runs (after a warm-up run)`);
    console.log(
      `  upload through the API (multipart → chunks)   ${f(mib / up)} MiB/s   pg direct write ${f(mib / dw)} MiB/s   ratio API/pg ${(dw / up).toFixed(2)}`,
    );
    console.log(
      `  download through the API (chunks → response)  ${f(mib / down)} MiB/s   pg direct read  ${f(mib / dr)} MiB/s   ratio API/pg ${(dr / down).toFixed(2)}`,
    );
    console.log(
      `  API RSS after warm-up ${(baseRss / MiB).toFixed(0)} MiB; peak growth during an upload ${(peakUp / MiB).toFixed(1)} MiB, during a download ${(peakDown / MiB).toFixed(1)} MiB`,
    );
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
    console.log(`  API peak RSS over the whole run (VmHWM) ${(hwm / MiB).toFixed(0)} MiB`);
  } finally {
    await db.stop();
  }
}
