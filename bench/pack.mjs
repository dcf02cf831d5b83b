// Benchmark: the meeting pack of a meeting with 20 papers of 10 pages.
//
// Seeds a council, one meeting with 20 scheduled agenda items and one 10-page PDF paper each (pages of text with a
// photo-like picture of BENCH_IMAGE_KB KiB, made with pdf-lib; about 0.6 MiB a paper), kept in the PostgreSQL
// document store, then measures:
//   1. the build itself, in this process: read the rows, read the 20 papers from the store, merge them after the
//      cover and agenda (PDFKit) with pdf-lib, outline — what the worker's job does, without storing;
//   2. through the API and the worker (production mode, queue on PostgreSQL): the first GET …/pack.pdf (queued,
//      built by the worker, stored, served: the request waits for it), the second (served from the cache), and
//      the first after a new version of one paper (built again).
//
//   npm run bench:pack
//   BENCH_PAPERS=20 BENCH_PAGES=10 BENCH_IMAGE_KB=60 BENCH_RUNS=5 node bench/pack.mjs
import { fork } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { dataSourceOptions } from '../dist/src/core/database/data-source-options.js';
import { PgDocumentStore } from '../dist/src/modules/documents/store/pg-document-store.js';
import { readAllBytes } from '../dist/src/modules/documents/store/document-store.js';
import { buildPack } from '../dist/src/modules/meetings/pack/meeting-pack-builder.js';
import { selectPapers } from '../dist/src/modules/meetings/pack/meeting-pack-source.js';
import { MeetingPackRepository } from '../dist/src/modules/meetings/pack/meeting-pack.repository.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { benchEnv, JWT_SECRET, startApi, startBenchDatabase } from './lib/harness.mjs';

const PAPERS = Number(process.env.BENCH_PAPERS ?? 20);
const PAGES = Number(process.env.BENCH_PAGES ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The picture on each page of a paper, in KiB (0: text only). */
const IMAGE_KB = Number(process.env.BENCH_IMAGE_KB ?? 60);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const LOREM =
  'The council reviewed the regional pathways for labour mobility, the protection of children on the move and the data the member states share. ' +
  'Delegations asked the secretariat for a consolidated note before the next meeting, with the figures of each capital and the recommendations still open. ';

/** A photo-like RGB image (noise: it does not compress), as PNG: about w × h × 3 bytes. */
function noisePng(w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) randomFillSync(raw, y * (w * 3 + 1) + 1, w * 3); // filter byte 0, then noise
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A paper of `pages` pages, each with a title, text and a photo-like picture (BENCH_IMAGE_KB), as a delegation would upload it. */
async function paper(n, pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const side = Math.round(Math.sqrt((IMAGE_KB * 1024) / 3));
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Paper ${n} — page ${p}`, { x: 56, y: 780, size: 16, font: bold });
    if (IMAGE_KB > 0) page.drawImage(await doc.embedPng(noisePng(side, side)), { x: 56, y: 56, width: 240, height: 240 });
    const words = LOREM.repeat(6).split(' ');
    let line = '';
    let y = 750;
    for (const w of words) {
      if (font.widthOfTextAtSize(`${line} ${w}`, 10) > 480) {
        page.drawText(line, { x: 56, y, size: 10, font });
        y -= 14;
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) page.drawText(line, { x: 56, y, size: 10, font });
  }
  return Buffer.from(await doc.save());
}

async function uploadVersion(ds, store, { councilId, documentId, number, n }) {
  const bytes = await paper(`${n}${number > 1 ? ` v${number}` : ''}`, PAGES);
  return ds.transaction(async (em) => {
    const stored = await store.put(Readable.from([bytes]), { maxBytes: bytes.length, manager: em });
    await em.query(
      `INSERT INTO document_versions (council_id, document_id, number, blob_id, file_name, content_type, size, sha256) VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, $7)`,
      [councilId, documentId, number, stored.key, `paper-${n}.pdf`, stored.size, stored.sha256],
    );
    await em.query(`UPDATE documents SET current_version = $2, version = version + 1 WHERE id = $1`, [documentId, number]);
    return bytes.length;
  });
}

async function seed(ds) {
  const { councilId } = await seedDemoCouncil(ds, new Date(), { activity: false });
  const [{ id: meetingId }] = await ds.query(
    `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at)
     VALUES ($1, 'senior_officials', 'Senior officials: pack benchmark', date_trunc('hour', now()) + interval '30 days', date_trunc('hour', now()) + interval '30 days 8 hours', 'America/Panama', 'convened', now())
     RETURNING id`,
    [councilId],
  );
  await ds.query(`INSERT INTO meeting_agendas (meeting_id, council_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [meetingId, councilId]);
  const store = new PgDocumentStore(ds);
  const documents = [];
  let bytes = 0;
  for (let n = 1; n <= PAPERS; n++) {
    const [{ id: itemId }] = await ds.query(
      `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose, minutes_allotted) VALUES ($1, $2, $3, $4, 'discussion', 20) RETURNING id`,
      [councilId, meetingId, n, JSON.stringify({ es: `Punto ${n}`, en: `Item ${n}: regional pathways` })],
    );
    const [{ id: documentId }] = await ds.query(
      `INSERT INTO documents (council_id, meeting_id, agenda_item_id, language, title, current_version) VALUES ($1, $2, $3, 'en', $4, 1) RETURNING id`,
      [councilId, meetingId, itemId, `Paper ${n}`],
    );
    bytes += await uploadVersion(ds, store, { councilId, documentId, number: 1, n });
    documents.push(documentId);
  }
  const [{ id: userId }] = await ds.query(
    `INSERT INTO users (email, full_name) VALUES ('bench-secretariat@bench.protempore.org', 'Bench Secretariat') RETURNING id`,
  );
  await ds.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [userId, councilId]);
  await ds.query('ANALYZE');
  console.log(
    `seeded 1 meeting with ${PAPERS} papers of ${PAGES} pages, a ${IMAGE_KB} KiB picture on each (${(bytes / 1024 / 1024).toFixed(1)} MiB of PDF in the document store)`,
  );
  return { councilId, meetingId, userId, documents };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const db = await startBenchDatabase(seed);
try {
  const { councilId, meetingId, userId, documents } = db.prepared;

  // 1. The build, in process (as the job does it, without storing the result).
  const ds = new DataSource(dataSourceOptions(db.databaseUrl, { poolSize: 4 }));
  await ds.initialize();
  const store = new PgDocumentStore(ds);
  const repo = new MeetingPackRepository(ds);
  const runs = [];
  let built;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const rows = await repo.source(councilId, meetingId);
    const source = selectPapers(rows.meeting, rows.items, rows.documents, 'en', 'member_states');
    built = await buildPack(source, (blobId) => readAllBytes(store, blobId));
    runs.push(performance.now() - t0);
  }
  console.log(`\nmeeting pack of ${PAPERS} papers × ${PAGES} pages`);
  console.log(
    `  build (read ${PAPERS} papers from PostgreSQL, cover + agenda, merge, outline): median ${median(runs).toFixed(0)} ms, min ${Math.min(...runs).toFixed(0)} ms, max ${Math.max(...runs).toFixed(0)} ms over ${RUNS} runs — ${built.pageCount} pages (${built.manifest.frontPages} cover/agenda), ${(built.bytes.length / 1024 / 1024).toFixed(1)} MiB`,
  );

  // 2. Through the API and the worker.
  const env = { ...benchEnv(db.databaseUrl), MIGRATE_ON_START: 'true' };
  const worker = fork(path.join(root, 'dist/src/worker.js'), [], { env: { ...process.env, ...env }, stdio: 'inherit' });
  db.children.push(worker);
  const token = await new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } }).issue(userId);
  const headers = { authorization: `Bearer ${token}` };
  const api = await startApi(env, db.children, `/councils/${councilId}/meetings/${meetingId}/agenda`, headers);
  const url = `${api}/councils/${councilId}/meetings/${meetingId}/pack.pdf?lang=en`;
  /** Asks until 200 (following 202s after a short pause); the time until the whole PDF is received. */
  const timed = async () => {
    const t0 = performance.now();
    for (;;) {
      const res = await fetch(url, { headers });
      if (res.status === 200) {
        const body = Buffer.from(await res.arrayBuffer());
        return { ms: performance.now() - t0, bytes: body.length, cache: res.headers.get('x-pack-cache'), pages: res.headers.get('x-pack-pages') };
      }
      if (res.status !== 202) throw new Error(`pack: ${res.status} ${await res.text()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const firstGet = await timed();
  const [{ buildMs }] = await ds.query(`SELECT build_ms AS "buildMs" FROM meeting_packs WHERE meeting_id = $1`, [meetingId]);
  const cached = [];
  for (let i = 0; i < RUNS; i++) cached.push((await timed()).ms);
  await uploadVersion(ds, store, { councilId, documentId: documents[PAPERS - 1], number: 2, n: PAPERS });
  const rebuilt = await timed();
  console.log(
    `  first GET pack.pdf (queued, built by the worker in ${buildMs} ms, stored, served): ${firstGet.ms.toFixed(0)} ms — ${firstGet.pages} pages, X-Pack-Cache ${firstGet.cache}`,
  );
  console.log(
    `  second GET (from the cache, ${(firstGet.bytes / 1024 / 1024).toFixed(1)} MiB streamed from PostgreSQL): median ${median(cached).toFixed(0)} ms over ${RUNS} runs`,
  );
  console.log(`  after a new version of one paper (built again): ${rebuilt.ms.toFixed(0)} ms — X-Pack-Cache ${rebuilt.cache}`);
  await ds.destroy();
} finally {
  await db.stop();
}
