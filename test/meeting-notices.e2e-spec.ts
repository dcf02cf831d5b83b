import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { PAPERS_REMINDER_DAYS } from '../src/modules/meetings/meeting-notices.js';
import { FAST_NOTIFICATIONS, mailsAbout, newCouncil, newDelegation, type Person, seated, until, waitForEach } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = 'America/Mexico_City';

/**
 * The notices of a meeting's life, end to end through the API, the real worker and SMTP: the convening notice
 * (with the deadlines and an invite.ics), the agenda circulated (items listed in the recipient's language), the
 * papers reminder (to the presenting delegations only, moved with the meeting) and the cancellation notice.
 */
describe('meeting notices', () => {
  let ctx: TestContext;
  let councilId: string;
  let mxHead: Person;
  let caHead: Person;
  let caParticipantId: string;
  let mxAlternate: Person;

  const base = () => `/councils/${councilId}/meetings`;
  const version = async (id: string) => ((await ctx.db.query(`SELECT version FROM meetings WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
  const outbox = (id: string, kind: string) =>
    ctx.db.query(`SELECT status, due_at AS "dueAt", occurrence FROM outbox WHERE subject_id = $1 AND kind = $2 ORDER BY id`, [id, kind]) as Promise<
      { status: string; dueAt: Date; occurrence: string }[]
    >;

  async function meeting(title: string, startsAt: Date): Promise<string> {
    const res = await ctx
      .http()
      .post(base())
      .send({
        kind: 'working_group',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        timeZone: ZONE,
        venue: 'Sala 3',
      });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }
  async function transition(id: string, to: string): Promise<void> {
    const res = await ctx
      .http()
      .post(`${base()}/${id}/transitions`)
      .send({ to, version: await version(id) });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true, env: FAST_NOTIFICATIONS });
    councilId = await newCouncil(ctx, ['es', 'en'], `Consejo ${randomUUID().slice(0, 8)}`);
    const mx = await newDelegation(ctx, councilId, 'Mexico', 'MX');
    const ca = await newDelegation(ctx, councilId, 'Canada', 'CA');
    caParticipantId = ((await ctx.db.query(`SELECT participant_id FROM delegations WHERE id = $1`, [ca])) as { participant_id: string }[])[0]!.participant_id;
    mxHead = await seated(ctx, councilId, mx, 'head', { language: 'es', timeZone: 'America/Mexico_City' });
    caHead = await seated(ctx, councilId, ca, 'head', { language: 'en', timeZone: 'America/Toronto' });
    mxAlternate = await seated(ctx, councilId, mx, 'alternate');
  });
  afterAll(() => ctx?.close());

  it('convening: each head gets the notice with the deadlines and an invite.ics; the papers reminder is planned and moves with the meeting', async () => {
    const tag = randomUUID().slice(0, 8);
    const startsAt = DateTime.fromISO('10:00', { zone: ZONE }).plus({ days: 60 }).toJSDate();
    const id = await meeting(`Grupo ${tag}`, startsAt);
    await transition(id, 'convened');

    const got = await waitForEach(ctx, [mxHead.email, caHead.email], `Grupo ${tag}`);
    const es = got.get(mxHead.email)!;
    expect(es.subject).toBe(`Convocatoria: Grupo ${tag}`);
    expect(es.parsed.text).toContain('Sala 3');
    expect(es.parsed.text).toContain('Documentos a más tardar');
    expect(es.parsed.attachments.map((a) => a.filename)).toEqual(['invite.ics']);
    expect(got.get(caHead.email)!.subject).toBe(`Convening notice: Grupo ${tag}`);
    expect(mailsAbout(ctx, `Grupo ${tag}`).filter((m) => m.to.includes(mxAlternate.email))).toEqual([]);

    // Papers: a working group's papers are due 10 days before (default rules); the reminder 3 days before that, at the same local time.
    const papersDue = DateTime.fromJSDate(startsAt, { zone: ZONE })
      .minus({ days: 10 + PAPERS_REMINDER_DAYS })
      .toJSDate();
    expect((await outbox(id, 'meeting.papers_due')).map((r) => ({ status: r.status, dueAt: new Date(r.dueAt).toISOString() }))).toEqual([
      { status: 'pending', dueAt: papersDue.toISOString() },
    ]);
    const later = new Date(startsAt.getTime() + 7 * DAY);
    const moved = await ctx
      .http()
      .patch(`${base()}/${id}`)
      .send({ version: await version(id), startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() });
    expect(moved.status).toBe(200);
    const movedDue = DateTime.fromJSDate(later, { zone: ZONE })
      .minus({ days: 10 + PAPERS_REMINDER_DAYS })
      .toJSDate();
    expect((await outbox(id, 'meeting.papers_due')).map((r) => new Date(r.dueAt).toISOString())).toEqual([movedDue.toISOString()]);
  });

  it('papers reminder: only the heads of the delegations presenting items, listing their items', async () => {
    const tag = randomUUID().slice(0, 8);
    const id = await meeting(`Papeles ${tag}`, DateTime.now().setZone(ZONE).plus({ days: 40 }).set({ hour: 10, minute: 0 }).toJSDate());
    await transition(id, 'convened');
    const item = await ctx
      .http()
      .post(`${base()}/${id}/agenda/items`)
      .send({ title: { es: `Informe de Canadá ${tag}`, en: `Canada's report ${tag}` }, purpose: 'information', presenterParticipantId: caParticipantId });
    expect({ status: item.status, body: item.body }).toMatchObject({ status: 201 });
    // Bring the reminder forward (as the clock would).
    await ctx.db.query(`UPDATE outbox SET due_at = now() WHERE subject_id = $1 AND kind = 'meeting.papers_due'`, [id]);
    // (The convening notice about the same meeting may arrive first: wait for the papers reminder itself.)
    const papers = () => mailsAbout(ctx, `Papeles ${tag}`).filter((m) => /^(Papers due soon|Documentos por entregar):/.test(m.subject));
    const mail = await until('the papers reminder', () => (papers().length > 0 ? papers() : undefined));
    await new Promise((r) => setTimeout(r, 500)); // nobody else gets one
    expect(papers().map((m) => m.to)).toEqual([[caHead.email]]);
    expect(mail[0]!.parsed.text).toContain(`1. Canada's report ${tag}`);
  });

  it('agenda circulated: the heads get the items in their language; cancelled: the heads are told and no reminder is left', async () => {
    const tag = randomUUID().slice(0, 8);
    const id = await meeting(`Agenda ${tag}`, DateTime.now().setZone(ZONE).plus({ days: 45 }).set({ hour: 9, minute: 0 }).toJSDate());
    await transition(id, 'convened');
    for (const [es, en] of [
      ['Apertura', 'Opening'],
      ['Plan de trabajo', 'Work plan'],
    ]) {
      const res = await ctx.http().post(`${base()}/${id}/agenda/items`).send({ title: { es, en }, purpose: 'discussion' });
      expect(res.status).toBe(201);
    }
    const agendaVersion = ((await ctx.db.query(`SELECT version FROM meeting_agendas WHERE meeting_id = $1`, [id])) as { version: number }[])[0]!.version;
    const circulated = await ctx.http().post(`${base()}/${id}/agenda/circulate`).send({ version: agendaVersion });
    expect({ status: circulated.status, body: circulated.body }).toMatchObject({ status: 200 });

    await until('agenda notices', () => {
      const got = mailsAbout(ctx, `Agenda ${tag}`).filter((m) => /Orden del día|Agenda circulated/.test(m.subject));
      return got.length === 2 ? got : undefined;
    });
    const es = mailsAbout(ctx, `Agenda ${tag}`).find((m) => m.to.includes(mxHead.email) && m.subject.startsWith('Orden del día'))!;
    expect(es.parsed.text).toContain('1. Apertura');
    expect(es.parsed.text).toContain('2. Plan de trabajo');
    const en = mailsAbout(ctx, `Agenda ${tag}`).find((m) => m.to.includes(caHead.email) && m.subject.startsWith('Agenda circulated'))!;
    expect(en.parsed.text).toContain('2. Work plan');

    await transition(id, 'cancelled');
    await waitForEach(ctx, [mxHead.email, caHead.email], `Cancel`);
    const cancelled = mailsAbout(ctx, `Agenda ${tag}`).filter((m) => /^(Cancelada|Cancelled):/.test(m.subject));
    expect(cancelled.map((m) => m.to[0]).sort()).toEqual([mxHead.email, caHead.email].sort());
    const pending = (await ctx.db.query(`SELECT kind FROM outbox WHERE subject_id = $1 AND status = 'pending'`, [id])) as unknown[];
    expect(pending).toEqual([]);
  });

  it('a draft meeting cancelled before it was ever convened tells nobody', async () => {
    const tag = randomUUID().slice(0, 8);
    const id = await meeting(`Borrador ${tag}`, new Date(Date.now() + 50 * DAY));
    await transition(id, 'cancelled');
    expect((await ctx.db.query(`SELECT 1 FROM outbox WHERE subject_id = $1`, [id])) as unknown[]).toEqual([]);
  });
});
