import { randomUUID } from 'node:crypto';
import { DAY, meetingDayCome, sessionWorld, type SessionWorld } from './support/meetings.js';
import { readPdf } from './support/pdf-text.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * The printable documents as PDF, rendered on the server: the handover dossier, the minutes (the members' copy in
 * any status and the public one once approved) and the progress report. Each opens in a PDF reader (pdfjs-dist)
 * and holds its text, in the language asked for (accents and all), with page numbers; the same access rules as
 * the HTML (or JSON) it sits beside.
 */
describe('printable documents as PDF', () => {
  let ctx: TestContext;
  let w: SessionWorld;
  const base = () => `/councils/${w.councilId}`;

  /** GET as the operator (or an actor), the body as bytes. */
  const getPdf = (path: string, auth?: { authorization: string } | null) => {
    const r = auth === null ? ctx.anonymous().get(path) : auth ? ctx.anonymous().get(path).set(auth) : ctx.http().get(path);
    return r.responseType('blob');
  };
  const expectPdf = (res: { status: number; headers: Record<string, string>; body: unknown }) => {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers['content-length'])).toBe(body.length);
    return body;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await sessionWorld(ctx, 'pdfs');
    // The council works in all four languages for these documents.
    await ctx.db.query(`UPDATE councils SET working_languages = '{es,en,fr,pt}' WHERE id = $1`, [w.councilId]);
  });
  afterAll(() => ctx.close());

  it('the handover dossier: its sections in the language asked for, page numbers, same access as its HTML', async () => {
    const termId = ((await ctx.db.query(`SELECT id FROM presidency_terms WHERE council_id = $1`, [w.councilId])) as { id: string }[])[0]!.id;
    const dossier = `${base()}/presidency/terms/${termId}/dossier`;
    await ctx
      .anonymous()
      .post(`${dossier.replace('/dossier', '')}/priorities`)
      .set(w.chair.auth)
      .send({
        title: { es: 'Proteger a la niñez migrante', fr: 'Protéger les enfants migrants', en: 'Protect migrant children' },
        notes: 'Con UNICEF y la OIM',
      })
      .expect(201);
    await ctx.db.query(
      `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date) VALUES ($1, $2, 'delegation', $3, current_date + 20)`,
      [w.councilId, JSON.stringify({ es: 'Informe sobre vías de regularización', fr: 'Rapport sur les voies de régularisation' }), w.gt],
    );
    await ctx.http().get(`${dossier}/document.pdf`).expect(404); // not assembled yet: JSON 404
    await ctx.http().post(`${dossier}/refresh`).send({}).expect(200);

    const es = await readPdf(expectPdf(await getPdf(`${dossier}/document.pdf?lang=es`)));
    expect(es.title).toBe(`Expediente de traspaso de la presidencia — ${await councilName()}`);
    for (const text of [
      'Expediente de traspaso de la presidencia',
      'Presidencia saliente',
      'Mexico',
      'Acciones abiertas',
      'Informe sobre vías de regularización',
      'Proteger a la niñez migrante',
      'Con UNICEF y la OIM',
      'Puntos de contacto',
    ])
      expect(es.text).toContain(text);
    es.pages.forEach((p, i) => expect(p).toContain(`Página ${i + 1} de ${es.pageCount}`));

    const fr = await readPdf(expectPdf(await getPdf(`${dossier}/document.pdf?lang=fr`)));
    for (const text of [
      'Dossier de passation de la présidence',
      'Présidence sortante',
      'Troïka',
      'Protéger les enfants migrants',
      'Rapport sur les voies de régularisation',
    ])
      expect(fr.text).toContain(text);
    expect(fr.pages[0]).toContain(`Page 1 sur ${fr.pageCount}`);

    // The same access as the HTML document: members read it, anonymous callers do not; a bad language is a 400 naming lang.
    for (const [auth, status] of [
      [w.observer.auth, 200],
      [null, 401],
    ] as const) {
      expect((await getPdf(`${dossier}/document.pdf`, auth)).status).toBe(status);
      expect((await (auth ? ctx.anonymous().get(`${dossier}/document`).set(auth) : ctx.anonymous().get(`${dossier}/document`))).status).toBe(status);
    }
    const bad = await ctx.http().get(`${dossier}/document.pdf?lang=de`);
    expect({ status: bad.status, field: bad.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'lang' });
  });

  async function councilName(): Promise<string> {
    return ((await ctx.db.query(`SELECT name FROM councils WHERE id = $1`, [w.councilId])) as { name: string }[])[0]!.name;
  }

  it('the minutes: the members’ copy in any status, the public copy once approved, in es/fr/pt', async () => {
    const meetingVersion = async (id: string) =>
      ((await ctx.db.query(`SELECT version FROM meetings WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
    const startsAt = new Date(Date.now() + 40 * DAY);
    const title = `Grupo de trabajo sobre migración laboral ${randomUUID().slice(0, 6)}`;
    const created = await ctx
      .http()
      .post(`${base()}/meetings`)
      .send({
        kind: 'working_group',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
        timeZone: 'America/Panama',
      })
      .expect(201);
    const meetingId = created.body.id as string;
    const path = `${base()}/meetings/${meetingId}`;
    const transition = async (to: string) =>
      ctx
        .http()
        .post(`${path}/transitions`)
        .send({ to, version: await meetingVersion(meetingId) })
        .expect(200);
    await transition('convened');
    const item = await ctx
      .http()
      .post(`${path}/agenda/items`)
      .send({
        title: { es: 'Protección de niñas y niños', fr: 'Protection des enfants', pt: 'Proteção de crianças', en: 'Child protection' },
        purpose: 'decision',
      })
      .expect(201);
    const agenda = await ctx.http().get(`${path}/agenda`).expect(200);
    await ctx.http().post(`${path}/agenda/circulate`).send({ version: agenda.body.version }).expect(200);
    await meetingDayCome(ctx, meetingId);
    await transition('in_session');
    await ctx
      .http()
      .post(`${path}/agenda/adopt`)
      .send({ version: agenda.body.version + 1 })
      .expect(200);
    await ctx.anonymous().put(`${path}/attendance/${w.mx}`).set(w.secretariat.auth).send({ present: true, representedBy: 'head' }).expect(200);
    await ctx.anonymous().put(`${path}/attendance/${w.ca}`).set(w.secretariat.auth).send({ present: true, representedBy: 'alternate' }).expect(200);
    await ctx.anonymous().put(`${path}/attendance/${w.gt}`).set(w.secretariat.auth).send({ present: true, representedBy: 'head' }).expect(200); // quorum: 3 of 4
    const decision = await ctx
      .anonymous()
      .post(`${path}/agenda/items/${item.body.id}/decisions`)
      .set(w.chair.auth)
      .send({
        text: {
          es: 'Se aprueba la guía de protección',
          fr: 'Le guide de protection est approuvé',
          pt: 'Aprova-se o guia de proteção',
          en: 'The guide is approved',
        },
      })
      .expect(201);
    await ctx.anonymous().post(`${path}/decisions/${decision.body.id}/close`).set(w.chair.auth).send({ version: 1 }).expect(200);
    await transition('closed');
    await ctx.http().get(`${path}/minutes/document.pdf`).expect(404); // not drafted yet
    const drafted = await ctx.http().post(`${path}/minutes`).send({}).expect(201);
    await ctx
      .http()
      .patch(`${path}/minutes`)
      .send({
        version: drafted.body.version,
        notes: { es: 'Próxima reunión en São Paulo.', fr: 'Prochaine réunion à São Paulo.' },
        items: [
          {
            agendaItemId: item.body.id,
            summary: { es: 'Se debatió la situación en la frontera; acción conjunta.', pt: 'Debateu-se a situação na fronteira; ação conjunta.' },
          },
        ],
      })
      .expect(200);

    const es = await readPdf(expectPdf(await getPdf(`${path}/minutes/document.pdf`))); // default: the first working language
    for (const text of [
      `Acta — ${title}`,
      'Borrador',
      'Asistencia',
      'Mexico',
      'Canada',
      'suplente',
      'Protección de niñas y niños',
      'Adoptada',
      'Se aprueba la guía de protección',
      'Se debatió la situación en la frontera; acción conjunta.',
      'Próxima reunión en São Paulo.',
    ])
      expect(es.text).toContain(text);
    expect(es.pages[0]).toContain(`Página 1 de ${es.pageCount}`);
    const pt = await readPdf(expectPdf(await getPdf(`${path}/minutes/document.pdf?lang=pt`)));
    for (const text of ['Ata', 'Rascunho', 'Proteção de crianças', 'Aprova-se o guia de proteção', 'Debateu-se a situação na fronteira; ação conjunta.'])
      expect(pt.text).toContain(text);
    const fr = await readPdf(expectPdf(await getPdf(`${path}/minutes/document.pdf?lang=fr`)));
    for (const text of ['Procès-verbal', 'Projet', 'Protection des enfants', 'Le guide de protection est approuvé', 'Prochaine réunion à São Paulo.'])
      expect(fr.text).toContain(text);

    // Members only while not approved; the public copy is 404 until approval, as the public JSON.
    expect((await getPdf(`${path}/minutes/document.pdf`, null)).status).toBe(401);
    expect((await getPdf(`${path}/minutes/document.pdf`, w.observer.auth)).status).toBe(200);
    expect((await getPdf(`${base()}/minutes/${meetingId}/document.pdf`, null)).status).toBe(404);
    expect((await ctx.anonymous().get(`${base()}/minutes/${meetingId}`)).status).toBe(404);

    const current = await ctx.http().get(`${path}/minutes`).expect(200);
    await ctx.http().post(`${path}/minutes/circulate`).send({ version: current.body.version }).expect(200);
    await ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 hour' WHERE meeting_id = $1`, [
      meetingId,
    ]);
    await ctx
      .http()
      .post(`${path}/minutes/approve`)
      .send({ version: current.body.version + 1 })
      .expect(200);
    const published = await readPdf(expectPdf(await getPdf(`${base()}/minutes/${meetingId}/document.pdf?lang=es`, null)));
    for (const text of [`Acta — ${title}`, 'Aprobada', 'Aprobada el', 'Se aprueba la guía de protección']) expect(published.text).toContain(text);
  });

  it('the progress report: its summary, recommendations and items by owner, in the report’s language', async () => {
    await ctx.db.query(
      `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status, acknowledged_at) VALUES ($1, $2, 'delegation', $3, current_date - 3, 'in_progress', now())`,
      [w.councilId, JSON.stringify({ es: 'Diagnóstico de albergues en la región', en: 'Shelter assessment' }), w.hn],
    );
    const report = await ctx.http().post(`${base()}/progress-reports`).send({}).expect(201);
    const res = await getPdf(`${base()}/progress-reports/${report.body.id}/document.pdf`);
    const pdf = await readPdf(expectPdf(res));
    expect(res.headers['content-disposition']).toBe('inline; filename="progress-report.pdf"');
    for (const text of [
      `Informe de avance — ${await councilName()}`,
      'Resumen',
      'Recomendaciones',
      'Tareas por responsable',
      'Honduras',
      'Diagnóstico de albergues en la región',
      'Vencidas',
      'En curso',
    ])
      expect(pdf.text).toContain(text);
    expect(pdf.pages[0]).toContain(`Página 1 de ${pdf.pageCount}`);
    // The same access as its HTML document.
    for (const [auth, status] of [
      [w.observer.auth, 200],
      [null, 401],
    ] as const) {
      expect((await getPdf(`${base()}/progress-reports/${report.body.id}/document.pdf`, auth)).status).toBe(status);
      expect(
        (
          await (auth
            ? ctx.anonymous().get(`${base()}/progress-reports/${report.body.id}/document`).set(auth)
            : ctx.anonymous().get(`${base()}/progress-reports/${report.body.id}/document`))
        ).status,
      ).toBe(status);
    }
    expect((await ctx.http().get(`${base()}/progress-reports/${randomUUID()}/document.pdf`)).status).toBe(404);
  });
});
