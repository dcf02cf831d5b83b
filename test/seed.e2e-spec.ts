import { seedDemoCouncil } from '../src/modules/seed/demo-seed.js';
import { DEMO_ADMIN_EMAIL, DEMO_SECRETARIAT_EMAIL } from '../src/modules/seed/demo-users.js';
import { tokenFor } from './support/actors.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const TABLES = [
  'councils',
  'council_meeting_rules',
  'participants',
  'delegations',
  'delegates',
  'bodies',
  'body_leads',
  'presidency_terms',
  'focus_areas',
  'recommendations',
  'action_items',
  'users',
  'council_roles',
  'meetings',
  'meeting_agendas',
  'agenda_items',
  'meeting_attendance',
  'decisions',
  'decision_positions',
  'minutes',
  'minutes_comments',
  'action_item_updates',
  'presidency_priorities',
  'handover_dossiers',
  'handover_acknowledgements',
  'notifications',
  'outbox',
  'audit_log',
];

async function rowCounts(ctx: TestContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = ((await ctx.db.query(`SELECT count(*)::int AS n FROM ${t}`)) as { n: number }[])[0]!.n;
  return counts;
}

describe('the demo seed', () => {
  let ctx: TestContext;
  let councilId: string;
  const now = new Date();

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('creates the council once; a second run reports created false and changes nothing', async () => {
    const first = await seedDemoCouncil(ctx.db, now);
    expect(first.created).toBe(true);
    councilId = first.councilId;
    const after = await rowCounts(ctx);
    const second = await seedDemoCouncil(ctx.db, now);
    expect(second).toEqual({ councilId, created: false });
    expect(await rowCounts(ctx)).toEqual(after);
    const [audit] = (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'seed.created' AND council_id = $1`, [councilId])) as {
      n: number;
    }[];
    expect(audit!.n).toBe(1);
  });

  it('configures the council as asked', async () => {
    const [c] = (await ctx.db.query(
      `SELECT slug, name, working_languages, term_months, rotation_policy, quorum_ratio::float AS quorum, time_zone FROM councils WHERE id = $1`,
      [councilId],
    )) as Record<string, unknown>[];
    expect(c).toEqual({
      slug: 'nacmc',
      name: 'North and Central American Migration Council',
      working_languages: ['es', 'en', 'fr', 'pt'],
      term_months: 12,
      rotation_policy: 'fixed_order',
      quorum: 0.75,
      time_zone: 'America/Panama',
    });
    const rules = (await ctx.db.query(
      `SELECT meeting_kind, notice_days, agenda_days, papers_days FROM council_meeting_rules WHERE council_id = $1 ORDER BY notice_days DESC`,
      [councilId],
    )) as Record<string, unknown>[];
    expect(rules.map((r) => [r.meeting_kind, r.notice_days, r.agenda_days, r.papers_days])).toEqual([
      ['ministerial', 120, 90, 30],
      ['senior_officials', 60, 45, 21],
      ['working_group', 30, 21, 10],
      ['extraordinary', 14, 14, 7],
    ]);
  });

  it('has the 11 CRM member states in a rotation order 1..11, each with a time zone', async () => {
    const states = (await ctx.db.query(
      `SELECT iso_code, rotation_position, time_zone FROM participants WHERE council_id = $1 AND kind = 'member_state' ORDER BY rotation_position`,
      [councilId],
    )) as { iso_code: string; rotation_position: number; time_zone: string }[];
    expect(states.map((s) => s.iso_code).sort()).toEqual(['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV', 'US']);
    expect(states.map((s) => s.rotation_position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const s of states) expect(s.time_zone).toMatch(/^America\//);
    const others = (await ctx.db.query(`SELECT kind, category FROM participants WHERE council_id = $1 AND kind <> 'member_state'`, [councilId])) as {
      kind: string;
      category: string;
    }[];
    expect(new Set(others.filter((o) => o.kind === 'permanent_participant').map((o) => o.category))).toEqual(
      new Set(['migrant_community', 'civil_society', 'indigenous', 'academia', 'private_sector']),
    );
    expect(others.filter((o) => o.kind === 'observer').map((o) => o.category)).toEqual(
      expect.arrayContaining(['intergovernmental', 'financial_institution', 'state']),
    );
  });

  it('gives every participant a delegation with exactly one head, and member states an alternate', async () => {
    const rows = (await ctx.db.query(
      `SELECT p.kind, p.iso_code, count(d.id) FILTER (WHERE d.role = 'head' AND d.active)::int AS heads,
              count(d.id) FILTER (WHERE d.role = 'alternate')::int AS alternates
         FROM participants p LEFT JOIN delegations g ON g.participant_id = p.id LEFT JOIN delegates d ON d.delegation_id = g.id
        WHERE p.council_id = $1 GROUP BY p.id`,
      [councilId],
    )) as { kind: string; iso_code: string | null; heads: number; alternates: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) expect(r.heads).toBe(1);
    for (const r of rows.filter((r) => r.kind === 'member_state')) expect(r.alternates).toBe(1);
    const [mx] = (await ctx.db.query(`SELECT preferred_language, time_zone FROM delegates WHERE email = 'head.mx@demo.protempore.org'`)) as {
      preferred_language: string;
      time_zone: string;
    }[];
    expect(mx).toEqual({ preferred_language: 'es', time_zone: 'America/Mexico_City' });
  });

  it('has the CRM-style bodies with leads, including a task force with a mandate end', async () => {
    const bodies = (await ctx.db.query(
      `SELECT b.kind, b.name, b.mandate_end, count(l.id)::int AS leads FROM bodies b LEFT JOIN body_leads l ON l.body_id = b.id
        WHERE b.council_id = $1 GROUP BY b.id`,
      [councilId],
    )) as { kind: string; name: string; mandate_end: unknown; leads: number }[];
    expect(bodies.filter((b) => b.kind === 'working_group').map((b) => b.name)).toEqual(
      expect.arrayContaining([
        'Working Group on Border Management',
        'Working Group on Labour Migration',
        'Working Group on Irregular and Mass Migration',
        'Working Group on Protection',
      ]),
    );
    const taskForces = bodies.filter((b) => b.kind === 'task_force');
    expect(taskForces.length).toBeGreaterThanOrEqual(1);
    for (const t of taskForces) expect(t.mandate_end).not.toBeNull();
    expect(bodies.some((b) => b.kind === 'thematic_network')).toBe(true);
    for (const b of bodies) expect(b.leads).toBeGreaterThan(0);
  });

  it('serves the seeded bodies through the API, with their current leads', async () => {
    const res = await ctx.http().get(`/councils/${councilId}/bodies?kind=working_group`).expect(200);
    expect(res.body.items).toHaveLength(4);
    for (const b of res.body.items) expect(b.leads.length).toBeGreaterThan(0);
  });

  it('has back-to-back 12-month presidency terms, aligned to 1 January UTC, one covering now, following the rotation order', async () => {
    const terms = (await ctx.db.query(
      `SELECT lower(t.period) AS start, upper(t.period) AS "end", t.source, p.rotation_position AS position, t.period @> $2::timestamptz AS current
         FROM presidency_terms t JOIN participants p ON p.id = t.participant_id WHERE t.council_id = $1 ORDER BY lower(t.period)`,
      [councilId, now.toISOString()],
    )) as { start: Date; end: Date; source: string; position: number; current: boolean }[];
    expect(terms.length).toBeGreaterThanOrEqual(3);
    expect(terms[0]!.start.toISOString()).toBe(`${now.getUTCFullYear() - 1}-01-01T00:00:00.000Z`);
    expect(terms.at(-1)!.end.getTime()).toBeGreaterThanOrEqual(Date.UTC(now.getUTCFullYear() + 2, 0, 1));
    for (let i = 1; i < terms.length; i++) {
      expect(terms[i]!.start.getTime()).toBe(terms[i - 1]!.end.getTime());
      expect(terms[i]!.position).toBe((terms[i - 1]!.position % 11) + 1);
    }
    for (const t of terms) {
      expect(t.source).toBe('rotation');
      expect(t.start.getUTCMonth()).toBe(0);
      expect(t.start.getUTCDate()).toBe(1);
      expect(t.end.getUTCFullYear() - t.start.getUTCFullYear()).toBe(1);
    }
    expect(terms.filter((t) => t.current)).toHaveLength(1);
  });

  it('has the 12 key recommendations in 6 focus areas A to F', async () => {
    const res = await ctx.http().get(`/councils/${councilId}/focus-areas`).expect(200);
    expect(res.body.items.map((a: { code: string }) => a.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const numbers = res.body.items.flatMap((a: { recommendations: { number: number }[] }) => a.recommendations.map((r) => r.number));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const c = await ctx.http().get(`/councils/${councilId}/recommendations?focusArea=C`).expect(200);
    expect(c.body.items.map((r: { number: number }) => r.number)).toEqual([5, 6]);
    expect(c.body.items[0].whoShouldAct).toBe('The United States, Canada and Mexico');
    expect(c.body.items[0].body).toContain('50,000');
  });

  it('turns the 12 recommendations into action items owned by whom they name (recommendation 5: the US, Canada and Mexico, 50,000 people, due in two years)', async () => {
    const items = (await ctx.db.query(
      `SELECT r.number, a.owner_kind, p.iso_code, b.name AS body, a.due_date::text AS due, a.target_value::float8 AS target, a.target_unit, a.status, a.source_kind
         FROM action_items a JOIN recommendations r ON r.id = a.recommendation_id
         LEFT JOIN delegations dl ON dl.id = a.owner_delegation_id LEFT JOIN participants p ON p.id = dl.participant_id
         LEFT JOIN bodies b ON b.id = a.owner_body_id
        WHERE a.council_id = $1 AND a.source_kind = 'recommendation' AND a.created_by IS NULL ORDER BY r.number, p.iso_code`,
      [councilId],
    )) as {
      number: number;
      owner_kind: string;
      iso_code: string | null;
      body: string | null;
      due: string;
      target: number | null;
      target_unit: string | null;
      status: string;
      source_kind: string;
    }[];
    expect(new Set(items.map((i) => i.number))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    for (const i of items) expect(i).toMatchObject({ status: 'open', source_kind: 'recommendation' });
    const five = items.filter((i) => i.number === 5);
    expect(five.map((i) => i.iso_code)).toEqual(['CA', 'MX', 'US']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Panama', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    const inTwoYears = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
    for (const i of five) expect(i).toMatchObject({ owner_kind: 'delegation', target: 50000, target_unit: 'people', due: inTwoYears });
    expect(items.find((i) => i.number === 1)).toMatchObject({ owner_kind: 'presidency' });
    expect(items.find((i) => i.number === 4)).toMatchObject({ owner_kind: 'body', body: 'Working Group on Protection' });
    // Delegates see them as their delegation's items.
    const mx = await tokenFor(ctx, ((await ctx.db.query(`SELECT id FROM users WHERE email = 'head.mx@demo.protempore.org'`)) as { id: string }[])[0]!.id);
    const mine = await ctx.anonymous().get(`/councils/${councilId}/me/action-items`).set(mx.auth).expect(200);
    expect(mine.body.items.map((i: { recommendationId: string }) => i.recommendationId).length).toBeGreaterThanOrEqual(2);
  });

  it('seeds meetings in several states: past with approved (public) minutes, upcoming convened with a circulated agenda, one in draft, a silence procedure running', async () => {
    const meetings = (await ctx.db.query(
      `SELECT m.id, m.status, m.starts_at, a.status AS agenda, (SELECT count(*)::int FROM agenda_items i WHERE i.meeting_id = m.id) AS items,
              (SELECT status FROM minutes x WHERE x.meeting_id = m.id) AS minutes
         FROM meetings m JOIN meeting_agendas a ON a.meeting_id = m.id WHERE m.council_id = $1 ORDER BY m.starts_at`,
      [councilId],
    )) as { id: string; status: string; starts_at: Date; agenda: string; items: number; minutes: string | null }[];
    expect(meetings.map((m) => [m.status, m.agenda, m.minutes])).toEqual([
      ['minutes_approved', 'adopted', 'approved'],
      ['agenda_circulated', 'circulated', null],
      ['draft', 'draft', null],
    ]);
    const days = meetings.map((m) => (m.starts_at.getTime() - now.getTime()) / 86_400_000);
    expect(days[0]).toBeGreaterThan(-30);
    expect(days[0]).toBeLessThan(-20);
    expect(days[1]).toBeGreaterThan(19);
    expect(days[1]).toBeLessThan(26);
    for (const m of meetings) expect(m.items).toBeGreaterThanOrEqual(2);
    const [past] = meetings;
    const decisions = (await ctx.db.query(
      `SELECT outcome, member_states_present AS present, quorum_required AS required FROM decisions WHERE meeting_id = $1 ORDER BY created_at`,
      [past!.id],
    )) as { outcome: string; present: number; required: number }[];
    expect(decisions.map((d) => d.outcome)).toEqual(['adopted', 'adopted', 'deferred']);
    for (const d of decisions) expect(d.present).toBeGreaterThanOrEqual(d.required);
    const published = await ctx.anonymous().get(`/councils/${councilId}/minutes/${past!.id}`).expect(200);
    expect(JSON.stringify(published.body)).toContain('Regional labour mobility work plan');
    const adopted = await ctx.anonymous().get(`/councils/${councilId}/decisions`).expect(200);
    expect(adopted.body.items.length).toBeGreaterThanOrEqual(2);
    // The upcoming meeting's reminders are planned, as convening plans them.
    const [{ n: reminders }] = (await ctx.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE subject_type = 'meeting' AND subject_id = $1 AND status = 'pending'`,
      [meetings[1]!.id],
    )) as { n: number }[];
    expect(reminders).toBeGreaterThanOrEqual(2);
    const silence = await ctx.http().get(`/councils/${councilId}/silence-procedures?status=proposed`).expect(200);
    expect(silence.body.items).toHaveLength(1);
    expect(new Date(silence.body.items[0].deadline).getTime()).toBeGreaterThan(now.getTime());
  });

  it('has action items in every status with their history; Mexico has one of each, some overdue, some due soon, with progress (percent and RAG)', async () => {
    const mxHead = ((await ctx.db.query(`SELECT id FROM users WHERE email = 'head.mx@demo.protempore.org'`)) as { id: string }[])[0]!.id;
    const mx = await tokenFor(ctx, mxHead);
    const counts = await ctx.anonymous().get(`/councils/${councilId}/me/action-items/counts`).set(mx.auth).expect(200);
    for (const status of ['open', 'acknowledged', 'in_progress', 'blocked', 'done', 'verified', 'cancelled'])
      expect(counts.body.byStatus[status]).toBeGreaterThanOrEqual(1);
    expect(counts.body.overdue).toBeGreaterThanOrEqual(2);
    const today = counts.body.today as string;
    const inAWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const open = await ctx.anonymous().get(`/councils/${councilId}/me/action-items?status=open,acknowledged,in_progress,blocked`).set(mx.auth).expect(200);
    expect(open.body.items.some((i: { dueDate: string }) => i.dueDate >= today && i.dueDate <= inAWeek)).toBe(true);
    const [council] = (await ctx.db.query(
      `SELECT count(DISTINCT status)::int AS statuses, count(*) FILTER (WHERE progress_rag IS NOT NULL)::int AS with_rag FROM action_items WHERE council_id = $1`,
      [councilId],
    )) as { statuses: number; with_rag: number }[];
    expect(council).toMatchObject({ statuses: 7 });
    expect(council!.with_rag).toBeGreaterThanOrEqual(8);
    const blocked = open.body.items.find((i: { status: string }) => i.status === 'blocked');
    const history = await ctx.anonymous().get(`/councils/${councilId}/action-items/${blocked.id}/updates`).set(mx.auth).expect(200);
    expect(history.body.items.map((u: { kind: string }) => u.kind)).toEqual(expect.arrayContaining(['transition', 'progress']));
    const [{ n: updates }] = (await ctx.db.query(
      `SELECT count(*)::int AS n FROM action_item_updates WHERE council_id = $1 AND kind = 'progress' AND percent IS NOT NULL AND rag IS NOT NULL`,
      [councilId],
    )) as { n: number }[];
    expect(updates).toBeGreaterThanOrEqual(10);
  });

  it('rolls recommendations up through their items (some completed)', async () => {
    const res = await ctx.http().get(`/councils/${councilId}/recommendations/progress`).expect(200);
    expect(res.body.overall.completed).toBeGreaterThanOrEqual(3);
    expect(res.body.overall.overdue).toBeGreaterThanOrEqual(3);
    const five = res.body.items.find((r: { number: number }) => r.number === 5);
    expect(five.completionPercent).toBeGreaterThan(0);
  });

  it('writes content in the four working languages, with two texts deliberately missing one', async () => {
    const texts = (await ctx.db.query(
      `SELECT 'agenda_item' AS kind, title AS t FROM agenda_items WHERE council_id = $1
       UNION ALL SELECT 'decision', text FROM decisions WHERE council_id = $1
       UNION ALL SELECT 'action_item', title FROM action_items WHERE council_id = $1 AND created_by IS NOT NULL
       UNION ALL SELECT 'priority', title FROM presidency_priorities WHERE council_id = $1`,
      [councilId],
    )) as { kind: string; t: Record<string, string> }[];
    expect(new Set(texts.map((x) => x.kind))).toEqual(new Set(['agenda_item', 'decision', 'action_item', 'priority']));
    const missing = texts.filter((x) => ['es', 'en', 'fr', 'pt'].some((l) => !x.t[l]));
    expect(missing.map((x) => [x.kind, ['es', 'en', 'fr', 'pt'].filter((l) => !x.t[l])])).toEqual(
      expect.arrayContaining([
        ['agenda_item', ['pt']],
        ['action_item', ['fr']],
      ]),
    );
    expect(missing).toHaveLength(2);
    expect(missing.find((x) => x.kind === 'action_item')!.t.es).toBe('Enviar comentarios al borrador del marco de reconocimiento de competencias');
  });

  it('has a handover in progress: priorities for the current and next terms, the dossier submitted and partly acknowledged by the incoming chair', async () => {
    const [term] = (await ctx.db.query(`SELECT id FROM presidency_terms WHERE council_id = $1 AND period @> $2::timestamptz`, [
      councilId,
      now.toISOString(),
    ])) as { id: string }[];
    const dossier = await ctx.http().get(`/councils/${councilId}/presidency/terms/${term!.id}/dossier`).expect(200);
    expect(dossier.body.status).toBe('submitted');
    expect(dossier.body.progress.acknowledged).toBe(2);
    expect(dossier.body.progress.total).toBeGreaterThan(5);
    const acks = await ctx.http().get(`/councils/${councilId}/presidency/terms/${term!.id}/dossier/acknowledgements`).expect(200);
    expect(acks.body.remaining.length).toBe(dossier.body.progress.total - 2);
    // The incoming chair (the next term's holder, its head of delegation) acknowledges the next entry.
    const [incoming] = (await ctx.db.query(
      `SELECT u.id FROM presidency_terms t JOIN presidency_terms n ON n.council_id = t.council_id AND lower(n.period) = upper(t.period)
         JOIN delegations dl ON dl.participant_id = n.participant_id JOIN delegates d ON d.delegation_id = dl.id AND d.role = 'head' JOIN users u ON u.email = d.email
        WHERE t.id = $1`,
      [term!.id],
    )) as { id: string }[];
    const chair = await tokenFor(ctx, incoming!.id);
    await ctx
      .anonymous()
      .post(`/councils/${councilId}/presidency/terms/${term!.id}/dossier/acknowledgements`)
      .set(chair.auth)
      .send({ itemKey: acks.body.remaining[0] })
      .expect(201);
    const priorities = (await ctx.db.query(
      `SELECT t.period @> $2::timestamptz AS current, count(*)::int AS n FROM presidency_priorities p JOIN presidency_terms t ON t.id = p.term_id
        WHERE p.council_id = $1 GROUP BY 1 ORDER BY 1`,
      [councilId, now.toISOString()],
    )) as { current: boolean; n: number }[];
    expect(priorities).toEqual([
      { current: false, n: 2 },
      { current: true, n: 4 },
    ]);
  });

  it("fills the demo delegates' inboxes in their language, some unread", async () => {
    const mxHead = (
      (await ctx.db.query(`SELECT id, preferred_language FROM users WHERE email = 'head.mx@demo.protempore.org'`)) as {
        id: string;
        preferred_language: string;
      }[]
    )[0]!;
    expect(mxHead.preferred_language).toBe('es');
    const mx = await tokenFor(ctx, mxHead.id);
    const inbox = await ctx.anonymous().get('/me/notifications').set(mx.auth).expect(200);
    expect(inbox.body.items.length).toBeGreaterThanOrEqual(6);
    const unread = await ctx.anonymous().get('/me/notifications?unread=true').set(mx.auth).expect(200);
    expect(unread.body.items.length).toBeGreaterThanOrEqual(3);
    const times = inbox.body.items.map((n: { createdAt: string }) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first, as the worker would have filled it
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Vencida: /), expect.stringMatching(/^Acta aprobada: /)]),
    );
  });

  it('creates the demo accounts: an administrator, a secretariat officer and one account per delegate seat, without a password by default', async () => {
    const users = (await ctx.db.query(
      `SELECT u.email, u.is_admin, u.password_hash, cr.role, cr.delegate_id, d.email AS delegate_email
         FROM users u LEFT JOIN council_roles cr ON cr.user_id = u.id AND cr.council_id = $1 LEFT JOIN delegates d ON d.id = cr.delegate_id
        WHERE u.email LIKE '%@demo.protempore.org'`,
      [councilId],
    )) as { email: string; is_admin: boolean; password_hash: string | null; role: string | null; delegate_id: string | null; delegate_email: string | null }[];
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get(DEMO_ADMIN_EMAIL)).toMatchObject({ is_admin: true, role: null });
    expect(byEmail.get(DEMO_SECRETARIAT_EMAIL)).toMatchObject({ is_admin: false, role: 'secretariat', delegate_id: null });
    const [{ n: seatCount }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM delegates WHERE council_id = $1`, [councilId])) as { n: number }[];
    const delegates = users.filter((u) => u.role === 'delegate');
    expect(delegates).toHaveLength(seatCount!);
    for (const d of delegates) expect(d.delegate_email).toBe(d.email);
    for (const u of users) expect(u.password_hash).toBeNull();
    // The accounts act in the council through the API: the secretariat manages accounts, a head of delegation reads its council.
    const sec = await tokenFor(ctx, ((await ctx.db.query(`SELECT id FROM users WHERE email = $1`, [DEMO_SECRETARIAT_EMAIL])) as { id: string }[])[0]!.id);
    const list = await ctx.anonymous().get(`/councils/${councilId}/users`).set(sec.auth).expect(200);
    expect(list.body.items.length).toBe(seatCount! + 2); // + the demo secretariat and the test operator
  });

  it('with a demo password, gives it to the accounts that have none (idempotently) and they can sign in', async () => {
    const report = await seedDemoCouncil(ctx.db, now, { demoPassword: 'protempore-demo' });
    expect(report).toEqual({ councilId, created: false });
    const [{ n: without }] = (await ctx.db.query(
      `SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.protempore.org' AND password_hash IS NULL`,
    )) as {
      n: number;
    }[];
    expect(without).toBe(0);
    const counts = await rowCounts(ctx);
    await seedDemoCouncil(ctx.db, now, { demoPassword: 'protempore-demo' });
    expect(await rowCounts(ctx)).toEqual(counts);
    for (const email of [DEMO_ADMIN_EMAIL, DEMO_SECRETARIAT_EMAIL, 'head.mx@demo.protempore.org']) {
      const res = await ctx.anonymous().post('/auth/login').send({ email, password: 'protempore-demo' }).expect(200);
      const me = await ctx.anonymous().get('/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
      if (email === DEMO_ADMIN_EMAIL) expect(me.body).toMatchObject({ isAdmin: true, councils: [] });
      if (email === DEMO_SECRETARIAT_EMAIL) expect(me.body.councils).toEqual([expect.objectContaining({ councilId, role: 'secretariat' })]);
      if (email.startsWith('head.mx'))
        expect(me.body.councils).toEqual([expect.objectContaining({ councilId, role: 'delegate', delegationId: expect.any(String) })]);
    }
  });

  it('seeds for another date without gaps: a run in January still has a term covering now', async () => {
    const db = ctx.db;
    // The council's activity first: agenda items and decisions point at participants, items at decisions, and
    // written decisions have no foreign key to their council — a cascade from the council alone cannot order them.
    const old = `(SELECT id FROM councils WHERE slug = 'nacmc')`;
    await db.query(`DELETE FROM action_items WHERE council_id = ${old}`);
    await db.query(`DELETE FROM meetings WHERE council_id = ${old}`);
    await db.query(`DELETE FROM decisions WHERE council_id = ${old}`);
    await db.query(`DELETE FROM councils WHERE slug = 'nacmc'`);
    const january = new Date(Date.UTC(now.getUTCFullYear(), 0, 1, 0, 0, 0));
    const report = await seedDemoCouncil(db, january);
    expect(report.created).toBe(true);
    const [covering] = (await db.query(`SELECT count(*)::int AS n FROM presidency_terms WHERE council_id = $1 AND period @> $2::timestamptz`, [
      report.councilId,
      january.toISOString(),
    ])) as { n: number }[];
    expect(covering!.n).toBe(1);
  });
});
