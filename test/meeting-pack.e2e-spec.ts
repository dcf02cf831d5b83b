import { randomUUID } from 'node:crypto';
import { DAY, sessionWorld, type SessionWorld } from './support/meetings.js';
import { until } from './support/notifications.js';
import { makePdf, pageCount, readPdf } from './support/pdf-text.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * The meeting pack, end to end with the real worker: a cover and the agenda, then each scheduled item's current
 * PDF paper in the pack's language (else the council's first working language, marked on the cover), with
 * bookmarks per item; built by the worker, cached by the set of document versions (a second request is served at
 * once, a new version builds it again), 202 while it is being built; papers restricted to member states only in
 * their pack.
 */
describe('meeting pack', () => {
  let ctx: TestContext;
  let w: SessionWorld;
  let meetingId: string;
  const items: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const docs: Record<string, { id: string; version: number }> = {};
  const base = () => `/councils/${w.councilId}`;
  const packUrl = (lang?: string) => `${base()}/meetings/${meetingId}/pack.pdf${lang ? `?lang=${lang}` : ''}`;

  type Res = { status: number; headers: Record<string, string>; body: any };
  /** GET the pack (as the operator: administrator and secretariat, or as an actor); the body as bytes when a PDF. */
  const get = (url: string, headers: Record<string, string> = {}, auth?: { authorization: string } | null): Promise<Res> => {
    let r = auth === null ? ctx.anonymous().get(url) : auth ? ctx.anonymous().get(url).set(auth) : ctx.http().get(url);
    for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
    return r.buffer(true).parse((res, cb) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(parts);
        const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
        cb(null, json ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    }) as unknown as Promise<Res>;
  };
  /** Asks until the pack is there (200), following the 202s as a client would. */
  const fetchPack = async (url: string, auth?: { authorization: string }) =>
    until(
      `the pack ${url}`,
      async () => {
        const res = await get(url, {}, auth);
        if (res.status === 202) return undefined;
        expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
        return res;
      },
      30_000,
      200,
    );
  const packRows = async () =>
    (await ctx.db.query(
      `SELECT language, audience, generation, status, built_at AS "builtAt", blob_id AS "blobId" FROM meeting_packs WHERE meeting_id = $1 ORDER BY language, audience`,
      [meetingId],
    )) as { language: string; audience: string; generation: number; status: string; builtAt: Date; blobId: string }[];

  async function upload(item: keyof typeof items, language: string, title: string, pdf: Buffer): Promise<{ id: string; version: number }> {
    const res = await ctx
      .http()
      .post(`${base()}/meetings/${meetingId}/agenda/items/${items[item]}/documents`)
      .field('language', language)
      .field('title', title)
      .attach('file', pdf, { filename: `${title}.pdf`, contentType: 'application/pdf' });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    docs[`${item}-${language}`] = { id: res.body.id, version: res.body.version };
    return docs[`${item}-${language}`]!;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true });
    w = await sessionWorld(ctx, 'pack'); // working languages es, en: Spanish is the fallback
    const startsAt = new Date(Date.now() + 40 * DAY);
    startsAt.setUTCHours(15, 0, 0, 0); // 10:00 in Panama
    const created = await ctx
      .http()
      .post(`${base()}/meetings`)
      .send({
        kind: 'working_group',
        title: 'Working group on labour migration',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        timeZone: 'America/Panama',
      })
      .expect(201);
    meetingId = created.body.id;
    const add = async (es: string, en: string) =>
      (
        await ctx
          .http()
          .post(`${base()}/meetings/${meetingId}/agenda/items`)
          .send({ title: { es, en }, purpose: 'discussion', minutesAllotted: 30 })
          .expect(201)
      ).body.id as string;
    items.a = await add('Informe de la secretaría', 'Report of the secretariat');
    items.b = await add('Vías de movilidad laboral', 'Labour mobility pathways');
    items.c = await add('Asuntos varios', 'Any other business');
    items.d = await add('Seguridad fronteriza', 'Border security');
    await upload('a', 'en', 'Secretariat report', await makePdf('A-en', 3));
    await upload('a', 'es', 'Informe de la secretaría', await makePdf('A-es', 2));
    await upload('b', 'es', 'Nota sobre movilidad', await makePdf('B-es', 4));
    const d = await upload('d', 'en', 'Border assessment', await makePdf('D-en', 2));
    await ctx.http().patch(`${base()}/documents/${d.id}`).send({ version: d.version, visibility: 'member_states' }).expect(200);
  });
  afterAll(() => ctx.close());

  let first: { etag: string; pages: number; front: number };

  it('compiles cover, agenda and the papers in agenda order; the fallback is marked; a bookmark per item', async () => {
    const res = await fetchPack(packUrl('en'));
    expect(res.headers['x-pack-cache']).toBe('miss'); // built while the request waited (at most 10 s)
    const bytes = res.body as Buffer;
    const pdf = await readPdf(bytes);
    // The cover and agenda come first; then A (en, 3 pages), B (es fallback, 4 pages), D (en, 2 pages; restricted: the secretariat's pack has it). C has none.
    const front = pdf.pages.findIndex((p) => p.includes('A-en page 1'));
    expect(front).toBeGreaterThanOrEqual(2); // at least a cover page and an agenda page
    expect(pdf.pageCount).toBe(front + 3 + 4 + 2);
    expect(await pageCount(bytes)).toBe(pdf.pageCount);
    expect(Number(res.headers['x-pack-pages'])).toBe(pdf.pageCount);
    const order = pdf.pages.slice(front).map((p) => /([A-D]-(?:en|es)) page (\d+)/.exec(p)?.slice(1).join(' '));
    expect(order).toEqual(['A-en 1', 'A-en 2', 'A-en 3', 'B-es 1', 'B-es 2', 'B-es 3', 'B-es 4', 'D-en 1', 'D-en 2']);

    const cover = pdf.pages[0]!;
    expect(cover).toContain('Meeting pack');
    expect(cover).toContain(`Working group on labour migration`);
    expect(cover).toMatch(/10:00–13:00 \(America\/Panama\)/); // the date in the meeting's zone
    expect(cover).toContain('Secretariat report');
    expect(cover).toContain('Nota sobre movilidad');
    expect(cover).toContain('ES (fallback)');
    expect(cover).toContain('No paper');
    expect(cover).toContain('not available in English');
    const agenda = pdf.pages.slice(0, front).join(' ');
    for (const t of [
      'Agenda',
      '1. Report of the secretariat',
      '2. Labour mobility pathways',
      '3. Any other business',
      '4. Border security',
      'For discussion',
      '30 min',
    ])
      expect(agenda).toContain(t);

    expect(pdf.outline.map((o) => [o.title, o.page])).toEqual([
      ['Meeting pack', 1],
      ['Agenda', expect.any(Number)],
      ['1. Report of the secretariat', front + 1],
      ['2. Labour mobility pathways', front + 4],
      ['4. Border security', front + 8],
    ]);
    expect(pdf.outline.slice(2).map((o) => o.children.map((c) => c.title))).toEqual([
      ['Secretariat report (EN)'],
      ['Nota sobre movilidad (ES, fallback)'],
      ['Border assessment (EN)'],
    ]);
    first = { etag: res.headers['etag']!, pages: pdf.pageCount, front };
  });

  it('a second request is served from the cache at once, without building again; If-None-Match → 304', async () => {
    const before = await packRows();
    const t0 = performance.now();
    const res = await get(packUrl('en'));
    const ms = performance.now() - t0;
    expect({ status: res.status, cache: res.headers['x-pack-cache'], etag: res.headers['etag'] }).toEqual({ status: 200, cache: 'hit', etag: first.etag });
    expect(ms).toBeLessThan(1000);
    expect(await pageCount(res.body)).toBe(first.pages);
    expect(await packRows()).toEqual(before);
    const again = await get(packUrl('en'), { 'if-none-match': first.etag });
    expect(again.status).toBe(304);
  });

  it('a new version of a paper builds it again (202 while building with Prefer: respond-async), and the old pack is gone', async () => {
    const [{ blobId: oldBlob, generation }] = (await packRows()).filter((r) => r.language === 'en' && r.audience === 'member_states');
    await upload('a', 'en', 'Secretariat report', await makePdf('A-en-v2', 5));
    const building = await get(packUrl('en'), { prefer: 'respond-async' });
    expect({ status: building.status, retryAfter: building.headers['retry-after'], location: building.headers['location'] }).toEqual({
      status: 202,
      retryAfter: '2',
      location: `${base()}/meetings/${meetingId}/pack.pdf?lang=en`,
    });
    expect(building.body).toMatchObject({
      meetingId,
      language: 'en',
      audience: 'member_states',
      status: 'building',
      retryAfterSeconds: 2,
      statusUrl: packUrl('en'),
    });
    const res = await fetchPack(packUrl('en'));
    expect(res.headers['etag']).not.toBe(first.etag);
    const pdf = await readPdf(res.body);
    expect(pdf.pageCount).toBe(first.front + 5 + 4 + 2);
    expect(pdf.pages[first.front]).toContain('A-en-v2 page 1');
    const [row] = (await packRows()).filter((r) => r.language === 'en' && r.audience === 'member_states');
    expect(row!.generation).toBe(generation + 1);
    expect(await ctx.db.query(`SELECT 1 FROM document_blobs WHERE id = $1`, [oldBlob])).toEqual([]);
  });

  it('each audience and language has its pack: observers do not get restricted papers; the Spanish pack needs no fallback', async () => {
    const obs = await fetchPack(packUrl('en'), w.observer.auth);
    const o = await readPdf(obs.body);
    expect(o.text).not.toContain('D-en page');
    expect(o.pageCount).toBe(first.front + 5 + 4);
    expect(o.outline.map((x) => x.title)).toEqual(['Meeting pack', 'Agenda', '1. Report of the secretariat', '2. Labour mobility pathways']);

    const es = await readPdf((await fetchPack(packUrl('es'), w.canada.auth)).body);
    expect(es.pages[0]).toContain('Carpeta de la reunión');
    expect(es.pages[0]).not.toContain('sustituto');
    expect(es.outline.map((x) => x.title)).toEqual(['Carpeta de la reunión', 'Orden del día', '1. Informe de la secretaría', '2. Vías de movilidad laboral']);
    const front = es.pages.findIndex((p) => p.includes('A-es page 1'));
    expect(es.pageCount).toBe(front + 2 + 4); // D has no Spanish paper, and no English fallback either (Spanish is the first language)
    // No language: the council's first working language.
    const dflt = await fetchPack(packUrl(), w.canada.auth);
    expect(dflt.headers['content-disposition']).toBe('inline; filename="meeting-pack-es.pdf"');
  });

  it('refuses anonymous callers and unknown languages; an unknown meeting is 404 (other councils: the authorization matrix)', async () => {
    expect((await get(packUrl('en'), {}, null)).status).toBe(401);
    const bad = await get(packUrl('de'));
    expect({ status: bad.status, field: bad.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'lang' });
    const missing = await get(`${base()}/meetings/${randomUUID()}/pack.pdf`);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('deleting the meeting leaves no pack bytes behind', async () => {
    const blobs = (
      (await ctx.db.query(`SELECT blob_id FROM meeting_packs WHERE meeting_id = $1 AND blob_id IS NOT NULL`, [meetingId])) as { blob_id: string }[]
    ).map((r) => r.blob_id);
    expect(blobs.length).toBeGreaterThanOrEqual(3); // en for both audiences, es
    await ctx.db.query(`DELETE FROM meetings WHERE id = $1`, [meetingId]);
    expect(await ctx.db.query(`SELECT 1 FROM meeting_packs WHERE meeting_id = $1`, [meetingId])).toEqual([]);
    expect(await ctx.db.query(`SELECT id FROM document_blobs WHERE id = ANY($1::uuid[])`, [blobs])).toEqual([]);
  });
});
