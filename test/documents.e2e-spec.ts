import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { type Actor, delegateOf, secretariat } from './support/actors.js';
import { insertObserver, insertPermanentParticipant } from './support/meetings.js';
import { FAST_NOTIFICATIONS, mailsAbout, newCouncil, newDelegation, type Person, seated, sleep, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const MiB = 1024 * 1024;
const ZONE = 'America/Mexico_City';
const HOUR = 3_600_000;

/** A small but real-enough PDF (file-type looks at the magic number). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
// A full garbage collection before a measurement (the flag is set at run time: jest's own flags are not ours to change).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `size` bytes starting with a PDF header, produced in 1 MiB pieces (never all in memory), and their SHA-256. */
function* pdfBytes(size: number, block: Buffer): Generator<Buffer> {
  let sent = 0;
  let i = 0;
  while (sent < size) {
    const piece = Buffer.from(block.subarray(0, Math.min(block.length, size - sent)));
    if (i === 0) piece.write('%PDF-1.7\n', 0, 'latin1');
    piece.writeUInt32BE(i, 16);
    sent += piece.length;
    i++;
    yield piece;
  }
}
function shaOfGenerated(size: number, block: Buffer): string {
  const h = createHash('sha256');
  for (const p of pdfBytes(size, block)) h.update(p);
  return h.digest('hex');
}

describe('meeting papers: documents on agenda items', () => {
  let ctx: TestContext;
  let port: number;
  let councilId: string;
  let mx: string;
  let ca: string;
  let mxParticipant: string;
  let caParticipant: string;
  let sec: Actor;
  let mxDelegate: Actor;
  let caDelegate: Actor;
  let ppDelegate: Actor;
  let obsDelegate: Actor;
  let outsider: Actor;
  let mxHead: Person;
  let caHead: Person;
  const block = randomBytes(MiB);

  const base = () => `/councils/${councilId}`;
  const count = async (table: string) => ((await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;
  const counts = async () => ({
    documents: await count('documents'),
    versions: await count('document_versions'),
    blobs: await count('document_blobs'),
    chunks: await count('document_blob_chunks'),
    audit: ((await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'document'`)) as { n: number }[])[0]!.n,
  });
  /** No request of the API still holds a transaction open (an interrupted upload rolled back). */
  const settled = () =>
    until('no open transaction left by the API', async () => {
      const rows = (await ctx.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
      )) as { n: number }[];
      return rows[0]!.n === 0 ? true : undefined;
    });

  async function meeting(title: string, startsAt: Date): Promise<string> {
    const res = await ctx
      .http()
      .post(`${base()}/meetings`)
      .send({ kind: 'working_group', title, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(), timeZone: ZONE });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }
  async function convene(id: string): Promise<void> {
    const v = ((await ctx.db.query(`SELECT version FROM meetings WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
    const res = await ctx.http().post(`${base()}/meetings/${id}/transitions`).send({ to: 'convened', version: v });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }
  async function item(meetingId: string, title: string, presenter: string | null): Promise<string> {
    const res = await ctx
      .http()
      .post(`${base()}/meetings/${meetingId}/agenda/items`)
      .send({ title: { es: title, en: title }, purpose: 'information', ...(presenter ? { presenterParticipantId: presenter } : {}) });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }
  const uploadPath = (meetingId: string, itemId: string) => `${base()}/meetings/${meetingId}/agenda/items/${itemId}/documents`;
  function upload(
    auth: string | null,
    meetingId: string,
    itemId: string,
    file: Buffer,
    fields: Record<string, string>,
    fileName = 'paper.pdf',
    type = 'application/pdf',
  ) {
    let r = ctx.anonymous().post(uploadPath(meetingId, itemId));
    if (auth) r = r.set('authorization', auth);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', file, { filename: fileName, contentType: type });
  }

  /** A multipart upload streamed from a generator over a raw socket; `abortAfter` bytes of the file: the client goes away. */
  function streamUpload(
    auth: string,
    path: string,
    size: number,
    opts: { abortAfter?: number; fileName?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> } | 'aborted'> {
    const boundary = `----protempore${randomUUID()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\nes\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nInforme grande\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.fileName ?? 'grande.pdf'}"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: auth,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + size + tail.length),
        },
      });
      let answered = false;
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => {
          answered = true;
          resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') });
          req.destroy(); // a refusal may come before the whole body was sent
        });
      });
      req.on('error', (err) => (opts.abortAfter !== undefined ? resolve('aborted') : answered ? undefined : reject(err)));
      void (async () => {
        const write = (b: Buffer) => new Promise<void>((ok) => (req.write(b) ? ok() : req.once('drain', ok)));
        await write(head);
        let sent = 0;
        for (const piece of pdfBytes(size, block)) {
          if (opts.abortAfter !== undefined && sent >= opts.abortAfter) {
            await sleep(200); // let the server store what came
            req.destroy();
            resolve('aborted');
            return;
          }
          if (req.destroyed || answered) return;
          await write(piece);
          sent += piece.length;
        }
        await write(tail);
        req.end();
      })();
    });
  }

  /** Downloads over a raw socket, hashing as it goes (nothing kept). */
  function streamDownload(auth: string, path: string): Promise<{ status: number; size: number; sha256: string; headers: http.IncomingHttpHeaders }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { authorization: auth } }, (res) => {
          const h = createHash('sha256');
          let size = 0;
          res.on('data', (d: Buffer) => {
            h.update(d);
            size += d.length;
          });
          res.on('end', () => resolve({ status: res.statusCode!, size, sha256: h.digest('hex'), headers: res.headers }));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  }

  /**
   * The process's peak RSS growth while `work` runs (the API runs in this process, and so does the client), and the
   * live memory (heap and buffers) still held once it is done, after a full collection.
   */
  async function rssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMiB: number; retainedMiB: number }> {
    // A full collection, then a moment for the freed buffers' memory to be released (that happens off the main thread).
    const collect = async () => {
      gc();
      await sleep(100);
      gc();
    };
    await collect();
    const live = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const liveBefore = live();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const result = await work();
      peak = Math.max(peak, process.memoryUsage().rss);
      await collect();
      return { result, growthMiB: (peak - baseline) / MiB, retainedMiB: (live() - liveBefore) / MiB };
    } finally {
      clearInterval(timer);
    }
  }

  beforeAll(async () => {
    ctx = await createTestContext({ worker: process.env.DOCS_NO_WORKER !== '1', env: FAST_NOTIFICATIONS });
    await ctx.app.listen(0, '127.0.0.1');
    port = (ctx.app.getHttpServer().address() as AddressInfo).port;
    councilId = await newCouncil(ctx, ['es', 'en'], `Consejo papeles ${randomUUID().slice(0, 8)}`);
    mx = await newDelegation(ctx, councilId, 'Mexico', 'MX');
    ca = await newDelegation(ctx, councilId, 'Canada', 'CA');
    const pp = await insertPermanentParticipant(ctx, councilId, 'Migrant Network');
    const obs = await insertObserver(ctx, councilId, 'IOM');
    const participantOf = async (d: string) =>
      ((await ctx.db.query(`SELECT participant_id AS p FROM delegations WHERE id = $1`, [d])) as { p: string }[])[0]!.p;
    mxParticipant = await participantOf(mx);
    caParticipant = await participantOf(ca);
    sec = await secretariat(ctx, councilId);
    mxHead = await seated(ctx, councilId, mx, 'head', { language: 'es' });
    caHead = await seated(ctx, councilId, ca, 'head', { language: 'en' });
    mxDelegate = await delegateOf(ctx, councilId, mx);
    caDelegate = await delegateOf(ctx, councilId, ca);
    ppDelegate = await delegateOf(ctx, councilId, pp.d);
    obsDelegate = await delegateOf(ctx, councilId, obs.d);
    outsider = await secretariat(ctx, await newCouncil(ctx, ['es']));
  });
  afterAll(() => ctx?.close());

  describe('upload, versions, download', () => {
    let meetingId: string;
    let itemId: string;
    beforeAll(async () => {
      meetingId = await meeting(`Grupo ${randomUUID().slice(0, 6)}`, DateTime.now().plus({ days: 40 }).toJSDate());
      itemId = await item(meetingId, 'Informe de México', mxParticipant);
    });

    it('stores a small PDF and gives the same bytes back, with its type, name, ETag; a new upload is version 2, the history kept', async () => {
      const before = await counts();
      const res = await upload(
        mxDelegate.auth.authorization,
        meetingId,
        itemId,
        PDF,
        { language: 'es', title: 'Informe anual' },
        'informe año.pdf',
        'text/plain',
      );
      expect({ status: res.status, body: res.body }).toMatchObject({
        status: 201,
        body: {
          sha256: sha(PDF),
          size: PDF.length,
          contentType: 'application/pdf',
          language: 'es',
          title: 'Informe anual',
          currentVersion: 1,
          late: false,
          fileName: 'informe año.pdf',
        },
      });
      const id = res.body.id as string;
      expect(await counts()).toEqual({
        ...before,
        documents: before.documents + 1,
        versions: before.versions + 1,
        blobs: before.blobs + 1,
        chunks: before.chunks + 1,
        audit: before.audit + 1,
      });

      const got = await ctx.anonymous().get(`${base()}/documents/${id}/content`).set(mxDelegate.auth).buffer(true).parse(binary);
      expect(got.status).toBe(200);
      expect(sha(got.body as Buffer)).toBe(sha(PDF));
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-length']).toBe(String(PDF.length));
      expect(got.headers['etag']).toBe(`"${sha(PDF)}"`);
      expect(got.headers['content-disposition']).toBe(`attachment; filename="informe a_o.pdf"; filename*=UTF-8''informe%20a%C3%B1o.pdf`);

      // A new version (a PNG this time; the title may change), the first kept.
      const v2 = await upload(sec.auth.authorization, meetingId, itemId, PNG, { language: 'es', title: 'Informe anual (rev.)' }, 'scan.png', 'image/png');
      expect({ status: v2.status, body: v2.body }).toMatchObject({
        status: 201,
        body: { id, currentVersion: 2, contentType: 'image/png', sha256: sha(PNG), title: 'Informe anual (rev.)' },
      });
      const versions = await ctx.http().get(`${base()}/documents/${id}/versions`);
      expect(versions.body.items.map((v: { number: number; sha256: string }) => [v.number, v.sha256])).toEqual([
        [2, sha(PNG)],
        [1, sha(PDF)],
      ]);
      const current = await ctx.http().get(`${base()}/documents/${id}/content`).buffer(true).parse(binary);
      expect(sha(current.body as Buffer)).toBe(sha(PNG));
      const first = await ctx.http().get(`${base()}/documents/${id}/content?version=1`).buffer(true).parse(binary);
      expect(sha(first.body as Buffer)).toBe(sha(PDF));
      expect((await ctx.http().get(`${base()}/documents/${id}/content?version=3`)).status).toBe(404);
      const audit = (await ctx.db.query(`SELECT action FROM audit_log WHERE entity_type = 'document' AND entity_id = $1 ORDER BY id`, [id])) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['document.uploaded', 'document.version_uploaded']);
    });

    it('answers ranges (206, 416) and If-None-Match (304)', async () => {
      const res = await upload(sec.auth.authorization, meetingId, itemId, PDF, { language: 'en', title: 'Annual report' });
      expect(res.status).toBe(201);
      const url = `${base()}/documents/${res.body.id}/content`;
      const part = await ctx.http().get(url).set('range', 'bytes=5-14').buffer(true).parse(binary);
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 5-14/${PDF.length}`);
      expect((part.body as Buffer).equals(PDF.subarray(5, 15))).toBe(true);
      const suffix = await ctx.http().get(url).set('range', 'bytes=-6').buffer(true).parse(binary);
      expect((suffix.body as Buffer).equals(PDF.subarray(PDF.length - 6))).toBe(true);
      const bad = await ctx.http().get(url).set('range', `bytes=${PDF.length}-`);
      expect(bad.status).toBe(416);
      expect(bad.headers['content-range']).toBe(`bytes */${PDF.length}`);
      expect(bad.body).toMatchObject({ statusCode: 416, errors: [{ field: 'range' }] });
      const etag = part.headers['etag'] as string;
      const notModified = await ctx.http().get(url).set('if-none-match', etag);
      expect(notModified.status).toBe(304);
      expect((await ctx.http().get(url).set('if-none-match', '"other"').buffer(true).parse(binary)).status).toBe(200);
    });

    it('streams a 40 MiB file in and out with the same bytes, memory flat, chunks of 1 MiB; range reads across chunks', async () => {
      const size = 40 * MiB;
      const expected = shaOfGenerated(size, block);
      const big = await item(meetingId, 'Anexo estadístico', null);
      // Warm up the paths (connections, parser, V8's code) with an 8 MiB file: what is measured is the growth with the file's size.
      const warm = await item(meetingId, 'Calentamiento', null);
      const warmed = await streamUpload(sec.auth.authorization, uploadPath(meetingId, warm), 8 * MiB);
      expect(warmed).toMatchObject({ status: 201 });
      await streamDownload(sec.auth.authorization, `${base()}/documents/${String((warmed as { body: Record<string, unknown> }).body.id)}/content`);
      const up = await rssGrowth(() => streamUpload(sec.auth.authorization, uploadPath(meetingId, big), size));
      expect(up.result).not.toBe('aborted');
      const body = (up.result as { status: number; body: Record<string, unknown> }).body;
      expect({ status: (up.result as { status: number }).status, body }).toMatchObject({
        status: 201,
        body: { size, sha256: expected, contentType: 'application/pdf' },
      });
      const chunks = (await ctx.db.query(
        `SELECT count(*)::int AS n FROM document_blob_chunks c JOIN document_versions v ON v.blob_id = c.blob_id WHERE v.document_id = $1`,
        [body.id],
      )) as { n: number }[];
      expect(chunks[0]!.n).toBe(40);
      const down = await rssGrowth(() => streamDownload(sec.auth.authorization, `${base()}/documents/${body.id}/content`));
      expect(down.result).toMatchObject({ status: 200, size, sha256: expected });
      process.stdout.write(
        `documents: RSS growth during a 40 MiB upload: peak ${up.growthMiB.toFixed(1)} MiB, retained ${up.retainedMiB.toFixed(1)} MiB; ` +
          `download: peak ${down.growthMiB.toFixed(1)} MiB, retained ${down.retainedMiB.toFixed(1)} MiB\n`,
      );
      // Upload: flat (one reused 1 MiB staging buffer). Download: each 1 MiB chunk arrives as 2 MiB of hex text
      // (PostgreSQL's text protocol for bytea) and is decoded, and this in-process client allocates its own read
      // buffers: that garbage waits for V8's schedule (it lets external memory grow by about 64 MiB before it
      // collects), a bound that does not grow with the file. Checked: nothing is held afterwards; sanity bounds on
      // the peaks (this process is shared with the test's client and worker); the API alone, in a process of its own, is measured by bench/papers.mjs.
      expect(up.growthMiB).toBeLessThan(60);
      expect(up.retainedMiB).toBeLessThan(20);
      expect(down.growthMiB).toBeLessThan(120);
      expect(down.retainedMiB).toBeLessThan(20);
      // A range straddling chunks 2 and 3.
      const start = 2 * MiB - 10;
      const part = await ctx
        .http()
        .get(`${base()}/documents/${body.id}/content`)
        .set('range', `bytes=${start}-${start + 19}`)
        .buffer(true)
        .parse(binary);
      expect(part.status).toBe(206);
      const all = Buffer.concat([...pdfBytes(3 * MiB, block)]);
      expect((part.body as Buffer).equals(all.subarray(start, start + 20))).toBe(true);
    }, 120_000);
  });

  describe('refusals leave nothing behind', () => {
    let meetingId: string;
    let itemId: string;
    beforeAll(async () => {
      meetingId = await meeting(`Rechazos ${randomUUID().slice(0, 6)}`, DateTime.now().plus({ days: 40 }).toJSDate());
      itemId = await item(meetingId, 'Punto', mxParticipant);
    });

    it('a shell script named .pdf → 415 naming file', async () => {
      const before = await counts();
      const res = await upload(
        sec.auth.authorization,
        meetingId,
        itemId,
        Buffer.from('#!/bin/sh\nrm -rf /\n'),
        { language: 'es', title: 'Script' },
        'informe.pdf',
        'application/pdf',
      );
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: expect.any(String), requestId: expect.any(String), errors: [{ field: 'file' }] });
      await settled();
      expect(await counts()).toEqual(before);
    });

    it('60 MiB → 413 with the JSON error body (declared length, and a chunked body counted as it streams)', async () => {
      const before = await counts();
      const res = await streamUpload(sec.auth.authorization, uploadPath(meetingId, itemId), 60 * MiB);
      expect(res).not.toBe('aborted');
      expect(res).toMatchObject({ status: 413, body: { statusCode: 413, errors: [{ field: 'file' }] } });
      await settled();
      expect(await counts()).toEqual(before);
    });

    it('over the limit without a Content-Length (chunked) → 413, nothing kept', async () => {
      const before = await counts();
      const boundary = `----b${randomUUID()}`;
      const res = await new Promise<{ status: number; body: Record<string, unknown> }>((resolve) => {
        const req = http.request({
          host: '127.0.0.1',
          port,
          path: uploadPath(meetingId, itemId),
          method: 'POST',
          headers: { authorization: sec.auth.authorization, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
        });
        req.on('response', (r) => {
          const parts: Buffer[] = [];
          r.on('data', (d: Buffer) => parts.push(d));
          r.on('end', () => {
            resolve({ status: r.statusCode!, body: JSON.parse(Buffer.concat(parts).toString()) });
            req.destroy();
          });
        });
        req.on('error', () => undefined); // the server closes the connection once it has answered
        void (async () => {
          req.write(
            `--${boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\nes\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nT\r\n`,
          );
          req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n`);
          for (const piece of pdfBytes(52 * MiB, block)) {
            if (req.destroyed) return;
            if (!req.write(piece)) await new Promise((ok) => req.once('drain', ok));
          }
          req.end(`\r\n--${boundary}--\r\n`);
        })().catch(() => undefined);
      });
      expect(res).toMatchObject({ status: 413, body: { statusCode: 413, errors: [{ field: 'file' }] } });
      await settled();
      expect(await counts()).toEqual(before);
    });

    it('a client that disconnects halfway leaves no rows and no chunks', async () => {
      const before = await counts();
      expect(await streamUpload(sec.auth.authorization, uploadPath(meetingId, itemId), 20 * MiB, { abortAfter: 10 * MiB })).toBe('aborted');
      await sleep(300);
      await settled();
      expect(await counts()).toEqual(before);
      // The API is fine afterwards.
      expect((await upload(sec.auth.authorization, meetingId, itemId, PDF, { language: 'es', title: 'Después' })).status).toBe(201);
    });

    it('bad fields → 400 naming them, nothing kept; JSON to the upload → 415; multipart to a JSON route → 415', async () => {
      const before = await counts();
      const cases: [Record<string, string>, string][] = [
        [{ language: 'fr', title: 'T' }, 'language'], // not a working language of the council
        [{ title: 'T' }, 'language'],
        [{ language: 'en' }, 'title'], // the first upload in a language needs a title
        [{ language: 'es', title: 'T', owner: 'x' }, 'owner'],
      ];
      for (const [fields, field] of cases) {
        const res = await upload(sec.auth.authorization, meetingId, itemId, PDF, fields);
        expect({ fields, status: res.status, errors: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
          fields,
          status: 400,
          errors: [field],
        });
      }
      const noFile = await ctx.http().post(uploadPath(meetingId, itemId)).field('language', 'es').field('title', 'T');
      expect({ status: noFile.status, field: noFile.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'file' });
      const json = await ctx.http().post(uploadPath(meetingId, itemId)).send({ language: 'es', title: 'T' });
      expect(json.status).toBe(415);
      const multipartElsewhere = await ctx.http().post('/councils').field('slug', 'x').field('name', 'y');
      expect(multipartElsewhere.status).toBe(415);
      expect(multipartElsewhere.body).toMatchObject({ statusCode: 415, requestId: expect.any(String) });
      await settled();
      expect(await counts()).toEqual(before);
    });
  });

  describe('who sees what', () => {
    let meetingId: string;
    let mxItem: string;
    let docId: string;
    beforeAll(async () => {
      meetingId = await meeting(`Acceso ${randomUUID().slice(0, 6)}`, DateTime.now().plus({ days: 40 }).toJSDate());
      mxItem = await item(meetingId, 'Punto de México', mxParticipant);
    });

    it("presenters' delegations upload their own items' papers; others cannot; the secretariat any", async () => {
      expect((await upload(caDelegate.auth.authorization, meetingId, mxItem, PDF, { language: 'es', title: 'T' })).status).toBe(404);
      expect((await upload(obsDelegate.auth.authorization, meetingId, mxItem, PDF, { language: 'es', title: 'T' })).status).toBe(404);
      expect((await upload(outsider.auth.authorization, meetingId, mxItem, PDF, { language: 'es', title: 'T' })).status).toBe(403);
      expect((await upload(null, meetingId, mxItem, PDF, { language: 'es', title: 'T' })).status).toBe(401);
      const ok = await upload(mxDelegate.auth.authorization, meetingId, mxItem, PDF, { language: 'es', title: 'Propuesta' });
      expect(ok.status).toBe(201);
      docId = ok.body.id as string;
      expect(ok.body).toMatchObject({ current: { uploadedByDelegationId: mx } });
    });

    it('members read; anonymous → 401; another council → 403; member_states papers: not observers nor permanent participants', async () => {
      const url = `${base()}/documents/${docId}/content`;
      for (const a of [mxDelegate, caDelegate, ppDelegate, obsDelegate, sec]) expect((await ctx.anonymous().get(url).set(a.auth)).status).toBe(200);
      expect((await ctx.anonymous().get(url)).status).toBe(401);
      expect((await ctx.anonymous().get(`${base()}/documents/${docId}`)).status).toBe(401);
      expect((await ctx.anonymous().get(url).set(outsider.auth)).status).toBe(403);

      const v = (await ctx.http().get(`${base()}/documents/${docId}`)).body.version as number;
      expect((await ctx.anonymous().patch(`${base()}/documents/${docId}`).set(mxDelegate.auth).send({ version: v, visibility: 'member_states' })).status).toBe(
        403,
      );
      const restricted = await ctx.anonymous().patch(`${base()}/documents/${docId}`).set(sec.auth).send({ version: v, visibility: 'member_states' });
      expect({ status: restricted.status, visibility: restricted.body.visibility }).toEqual({ status: 200, visibility: 'member_states' });
      for (const a of [mxDelegate, caDelegate, sec]) expect((await ctx.anonymous().get(url).set(a.auth)).status).toBe(200);
      for (const a of [ppDelegate, obsDelegate]) expect((await ctx.anonymous().get(url).set(a.auth)).status).toBe(403);
      const obsList = await ctx.anonymous().get(`${base()}/meetings/${meetingId}/documents`).set(obsDelegate.auth);
      expect(obsList.body.items).toEqual([]);
      const obsAgenda = await ctx.anonymous().get(`${base()}/meetings/${meetingId}/agenda`).set(obsDelegate.auth);
      expect(obsAgenda.body.items[0].papers).toEqual([]);
      const caAgenda = await ctx.anonymous().get(`${base()}/meetings/${meetingId}/agenda`).set(caDelegate.auth);
      expect(caAgenda.body.items[0].papers.map((p: { documentId: string }) => p.documentId)).toEqual([docId]);
    });

    it('public papers are readable anonymously once the meeting’s documents are published (after approved minutes)', async () => {
      const v = (await ctx.http().get(`${base()}/documents/${docId}`)).body.version as number;
      expect((await ctx.http().patch(`${base()}/documents/${docId}`).send({ version: v, visibility: 'public' })).status).toBe(200);
      const url = `${base()}/documents/${docId}/content`;
      expect((await ctx.anonymous().get(url)).status).toBe(401); // not published yet
      const early = await ctx.http().post(`${base()}/meetings/${meetingId}/documents/publish`);
      expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'MINUTES_NOT_APPROVED' });
      // Minutes approved (straight in the database: their lifecycle is tested elsewhere).
      await ctx.db.query(
        `INSERT INTO minutes (council_id, meeting_id, status, content, circulated_at, comment_deadline, approved_at)
         VALUES ($1, $2, 'approved', '{}', now() - interval '2 days', now() - interval '1 day', now())`,
        [councilId, meetingId],
      );
      const published = await ctx.http().post(`${base()}/meetings/${meetingId}/documents/publish`);
      expect(published.status).toBe(200);
      const anon = await ctx.anonymous().get(url).buffer(true).parse(binary);
      expect(anon.status).toBe(200);
      expect(sha(anon.body as Buffer)).toBe(sha(PDF));
      expect((await ctx.anonymous().get(`${base()}/meetings/${meetingId}/documents`)).body.items.map((d: { id: string }) => d.id)).toEqual([docId]);
      // The trigger holds the rule for every writer.
      const other = await meeting(`Sin actas ${randomUUID().slice(0, 6)}`, DateTime.now().plus({ days: 41 }).toJSDate());
      await expect(ctx.db.query(`INSERT INTO meeting_document_publications (meeting_id, council_id) VALUES ($1, $2)`, [other, councilId])).rejects.toThrow(
        /minutes are approved/,
      );
    });
  });

  describe('papers due', () => {
    it('the agenda shows the papers per item and language; the reminder goes only to presenters whose papers are missing; late uploads are marked', async () => {
      const tag = randomUUID().slice(0, 8);
      const id = await meeting(`Papeles ${tag}`, DateTime.now().setZone(ZONE).plus({ days: 40 }).set({ hour: 10, minute: 0 }).toJSDate());
      await convene(id);
      const mxItem = await item(id, `Informe de México ${tag}`, mxParticipant);
      const caItem = await item(id, `Informe de Canadá ${tag}`, caParticipant);
      // Canada's papers are in, in both working languages; Mexico's only in Spanish.
      for (const language of ['es', 'en'])
        expect((await upload(caDelegate.auth.authorization, id, caItem, PDF, { language, title: `Canada ${language}` })).status).toBe(201);
      expect((await upload(mxDelegate.auth.authorization, id, mxItem, PDF, { language: 'es', title: 'México' })).status).toBe(201);

      const agenda = await ctx.http().get(`${base()}/meetings/${id}/agenda`);
      const byItem = Object.fromEntries(agenda.body.items.map((i: { id: string }) => [i.id, i]));
      expect(byItem[caItem].papers.map((p: { language: string; currentVersion: number }) => [p.language, p.currentVersion])).toEqual([
        ['en', 1],
        ['es', 1],
      ]);
      expect(byItem[caItem].papersMissing).toEqual([]);
      expect(byItem[mxItem].papersMissing).toEqual(['en']);

      await ctx.db.query(`UPDATE outbox SET due_at = now() WHERE subject_id = $1 AND kind = 'meeting.papers_due'`, [id]);
      const papers = () => mailsAbout(ctx, `Papeles ${tag}`).filter((m) => /^(Papers due soon|Documentos por entregar):/.test(m.subject));
      const mail = await until('the papers reminder', () => (papers().length > 0 ? papers() : undefined));
      await sleep(500);
      expect(papers().map((m) => m.to)).toEqual([[mxHead.email]]);
      expect(mail[0]!.parsed.text).toContain(`Informe de México ${tag}`);
      expect(mail[0]!.parsed.text).not.toContain(`Informe de Canadá ${tag}`);
      expect(mailsAbout(ctx, `Papeles ${tag}`).filter((m) => m.to.includes(caHead.email) && /Papers due/.test(m.subject))).toEqual([]);

      // Past the papers deadline (10 days before a working group, by default): the upload is marked late.
      await ctx.db.query(`UPDATE meetings SET starts_at = now() + interval '3 days', ends_at = now() + interval '3 days 2 hours' WHERE id = $1`, [id]);
      const late = await upload(mxDelegate.auth.authorization, id, mxItem, PDF, { language: 'en', title: 'Mexico' });
      expect({ status: late.status, late: late.body.late, currentLate: late.body.current?.late }).toEqual({ status: 201, late: true, currentLate: true });
      const onTime = (await ctx.http().get(`${base()}/documents/${byItem[caItem].papers[0].documentId}`)).body;
      expect(onTime.late).toBe(false);
    });
  });
});

/** supertest parser keeping the body as a Buffer. */
function binary(res: unknown, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const parts: Buffer[] = [];
  stream.on('data', (d: Buffer) => parts.push(d));
  stream.on('end', () => done(null, Buffer.concat(parts)));
}
