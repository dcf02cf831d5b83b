import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, PHONE, SCREENSHOTS } from './support/browser.js';
import { type ConsoleAccount, consoleAccount, consoleInBrowser, plainText, scrollWidth, signInToConsole } from './support/console.js';
import { newDelegation } from './support/notifications.js';
import type { TestContext } from './support/test-app.js';

/**
 * The web console, the chair's journey and the public pages, in a real browser (Debian's Chromium)
 * against the real API, worker, PostgreSQL and SMTP sink: the Presidency page naming the current holder and
 * the troika, the successor (and the "no successor known" alert), the handover timeline in two zones, the
 * chair's priorities (added and edited in the page), the dossier assembled and submitted by the outgoing
 * chair and acknowledged entry by entry by the incoming one (progress in words and as a bar; the API has
 * the acknowledgements); the public presidency calendar, adopted decisions and approved minutes signed out;
 * axe's WCAG 2.2 A/AA checks at desktop and 390 px; no horizontal scroll on a phone; the actions by keyboard.
 */
jest.setTimeout(180_000);

const ZONE = 'America/Guatemala';
const DAY = 86_400_000;

describe('the web console: the chair’s journey and the public pages, in a browser', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let lonelyCouncilId: string;
  let termId: string;
  let meetingId: string;
  let outgoing: ConsoleAccount;
  let incoming: ConsoleAccount;
  let lonely: ConsoleAccount;
  /** The dossier is not found until assembled: the page asks, and says "not yet". */
  const dossierNotYet = (status: number, method: string, url: URL) => status === 404 && method === 'GET' && url.pathname.endsWith('/dossier');

  const world = consoleInBrowser({ allowed: dossierNotYet });
  const open = world.open;
  const text = plainText;
  async function one(sql: string, params: unknown[]): Promise<string> {
    return ((await ctx.db.query(sql, params)) as { id: string }[])[0]!.id;
  }
  const participantOf = (delegationId: string) => one(`SELECT participant_id AS id FROM delegations WHERE id = $1`, [delegationId]);
  async function term(council: string, participantId: string, startsAt: Date, endsAt: Date): Promise<string> {
    const res = await ctx
      .http()
      .post(`/councils/${council}/presidency/terms`)
      .send({ participantId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), source: 'historical' });
    if (res.status !== 201) throw new Error(`term: ${res.status} ${res.text}`);
    return res.body.id as string;
  }
  const day = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);
  const at = (ms: number) => {
    const d = new Date(Date.now() + ms);
    d.setUTCHours(12, 0, 0, 0);
    return d;
  };

  /** Tabs from the skip link to the control named so (its text or aria-label): the action works by keyboard. */
  async function tabTo(page: Page, name: string, max = 250): Promise<void> {
    await page.locator('.skip-link').focus();
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      const focused = await page.evaluate<string>('(document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent || "").trim()');
      if (focused === name) return;
      seen.push(focused);
      await page.keyboard.press('Tab');
    }
    throw new Error(`"${name}" is not reachable with the Tab key (the stops: ${seen.slice(0, 60).join(' | ')})`);
  }

  beforeAll(async () => {
    ({ ctx, base } = world);

    const council = await ctx
      .http()
      .post('/councils')
      .send({ slug: 'presidency-console', name: 'Consejo de la presidencia', workingLanguages: ['es', 'en', 'fr', 'pt'], timeZone: ZONE })
      .expect(201);
    councilId = council.body.id;
    const hn = await newDelegation(ctx, councilId, 'Honduras', 'HN');
    const mx = await newDelegation(ctx, councilId, 'Mexico', 'MX');
    const gt = await newDelegation(ctx, councilId, 'Guatemala', 'GT');
    // The troika: Honduras before, Mexico now, Guatemala next.
    const start = at(-300 * DAY);
    const end = at(80 * DAY);
    await term(councilId, await participantOf(hn), at(-665 * DAY), start);
    termId = await term(councilId, await participantOf(mx), start, end);
    await term(councilId, await participantOf(gt), end, at(445 * DAY));
    outgoing = await consoleAccount(ctx, { councilId, delegationId: mx, fullName: 'Marta Outgoing', language: 'en' });
    incoming = await consoleAccount(ctx, { councilId, delegationId: gt, fullName: 'Gabriel Incoming', language: 'en' });

    // What the dossier gathers: open action items, a pending decision, an upcoming meeting.
    const item = (owner: string, title: Record<string, string>, due: string) =>
      one(`INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date) VALUES ($1, $2, 'delegation', $3, $4) RETURNING id`, [
        councilId,
        JSON.stringify(title),
        owner,
        due,
      ]);
    await item(
      gt,
      { es: 'Informe sobre vías laborales', en: 'Report on labour pathways', fr: 'Rapport sur les voies', pt: 'Relatório sobre vias' },
      day(30 * DAY),
    );
    await item(hn, { es: 'Consultar a las capitales', en: 'Consult the capitals' }, day(40 * DAY));
    await one(
      `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status) VALUES ($1, 'senior_officials', 'Senior officials, spring', $2, $2::timestamptz + interval '2 hours', $3, 'draft') RETURNING id`,
      [councilId, at(20 * DAY).toISOString(), ZONE],
    );
    // A past meeting: a pending decision (for the dossier), an adopted one and its approved minutes (public).
    meetingId = await one(
      `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status) VALUES ($1, 'ministerial', 'Ministerial meeting, Tegucigalpa', $2, $2::timestamptz + interval '3 hours', $3, 'draft') RETURNING id`,
      [councilId, at(-30 * DAY).toISOString(), ZONE],
    );
    const agendaItem = await one(
      `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose) VALUES ($1, $2, 1, '{"es":"Plan de trabajo","en":"Work plan","fr":"Plan de travail","pt":"Plano de trabalho"}', 'decision') RETURNING id`,
      [councilId, meetingId],
    );
    await one(
      `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text) VALUES ($1, $2, $3, '{"en":"Create a regional observatory"}') RETURNING id`,
      [councilId, meetingId, agendaItem],
    );
    const adopted = await one(
      `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text, status, outcome, closed_at, member_states_present, active_member_states, quorum_required)
       VALUES ($1, $2, $3, '{"es":"Adoptar el plan de trabajo","en":"Adopt the work plan","fr":"Adopter le plan de travail","pt":"Adotar o plano de trabalho"}', 'closed', 'adopted', now() - interval '30 days', 3, 3, 2) RETURNING id`,
      [councilId, meetingId, agendaItem],
    );
    const content = {
      meeting: {
        id: meetingId,
        title: 'Ministerial meeting, Tegucigalpa',
        kind: 'ministerial',
        bodyId: null,
        startsAt: at(-30 * DAY).toISOString(),
        endsAt: at(-30 * DAY + 3 * 3600_000).toISOString(),
        timeZone: 'America/Tegucigalpa',
        venue: 'Tegucigalpa',
        onlineUrl: null,
        chair: null,
      },
      languages: ['es', 'en', 'fr', 'pt'],
      attendance: [],
      items: [
        {
          agendaItemId: agendaItem,
          position: 1,
          title: { es: 'Plan de trabajo', en: 'Work plan', fr: 'Plan de travail', pt: 'Plano de trabalho' },
          purpose: 'decision',
          status: 'scheduled',
          summary: { es: 'Se adoptó el plan de trabajo.', en: 'The work plan was adopted.' },
          decisions: [
            {
              decisionId: adopted,
              text: { en: 'Adopt the work plan', es: 'Adoptar el plan de trabajo' },
              status: 'closed',
              outcome: 'adopted',
              closedAt: at(-30 * DAY).toISOString(),
              quorum: null,
              objections: [],
              positions: [],
            },
          ],
        },
      ],
      notes: {},
    };
    await ctx.db.query(
      `INSERT INTO minutes (council_id, meeting_id, status, content, circulated_at, comment_deadline, approved_at) VALUES ($1, $2, 'approved', $3, now() - interval '20 days', now() - interval '10 days', now() - interval '5 days')`,
      [councilId, meetingId, JSON.stringify(content)],
    );

    // A council whose presidency is designated, with nobody designated after the current term.
    const other = await ctx
      .http()
      .post('/councils')
      .send({ slug: 'presidency-lonely', name: 'Designated council', workingLanguages: ['en'], timeZone: 'UTC', rotationPolicy: 'designated' })
      .expect(201);
    lonelyCouncilId = other.body.id;
    const pa = await newDelegation(ctx, lonelyCouncilId, 'Panama', 'PA');
    await term(lonelyCouncilId, await participantOf(pa), at(-100 * DAY), at(60 * DAY));
    lonely = await consoleAccount(ctx, { councilId: lonelyCouncilId, delegationId: pa, fullName: 'Pat Alone', language: 'en' });
  });

  it('names the current holder and the troika, the successor, the handover timeline in two zones; the chair adds and edits priorities, assembles and submits the dossier', async () => {
    const page = await open();
    await signInToConsole(page, base, outgoing, { path: 'presidency' });
    await page.getByRole('heading', { level: 1, name: 'Presidency' }).waitFor();
    const troika = page.getByRole('region', { name: 'The troika' });
    await troika.waitFor();
    expect(text(await troika.locator('.current-holder').innerText())).toBe('The presidency is held by Mexico');
    const facts = text(await troika.locator('dl').innerText());
    expect(facts).toContain('Previous presidency Honduras (HN)');
    expect(facts).toContain('Current presidency Mexico (MX)');
    expect(facts).toContain('Next presidency Guatemala (GT)');
    const successor = page.getByRole('region', { name: 'Successor' });
    expect(text(await successor.innerText())).toContain('The next presidency goes to Guatemala (GT)');
    expect(await page.getByRole('alert').filter({ hasText: 'No successor known' }).count()).toBe(0);

    // The timeline: four reminders, each due time in the person's zone (Toronto) and the council's (Guatemala).
    const timeline = page.getByRole('region', { name: 'Handover of the presidency' });
    const stages = timeline.locator('.timeline-stage');
    expect(await stages.count()).toBe(4);
    const first = text(await stages.first().innerText());
    expect(first).toMatch(/^First reminder (Scheduled|Due now|Past)/);
    expect(first).toContain('your time (Toronto)');
    expect(first).toContain('council time (Guatemala)');
    expect(text(await timeline.locator('dl').innerText())).toContain('Outgoing chair Mexico Incoming chair Guatemala');

    // The calendar: past, current and upcoming terms, then the projected rotation.
    const calendar = page.getByRole('table', { name: 'Past, current and next presidency terms' });
    const rows = await calendar.locator('tbody tr').allInnerTexts();
    expect(
      rows
        .map(text)
        .slice(0, 3)
        .map((r) => r.split(' ')[0]),
    ).toEqual(['Honduras', 'Mexico', 'Guatemala']);
    expect(rows.some((r) => r.includes('projected'))).toBe(true);
    await expectNoAxeViolations(page, 'presidency, outgoing chair');

    // A priority, added by keyboard, then its status edited.
    await tabTo(page, 'Add a priority');
    await page.keyboard.press('Enter');
    await page.getByLabel('Title in English').fill('Protect migrant children');
    await page.getByLabel('Title in Spanish').fill('Proteger a la niñez migrante');
    await page.getByRole('button', { name: 'Add the priority' }).click();
    await page.getByText('The priority is added.').waitFor();
    const priorities = page.getByRole('region', { name: 'The chair’s priorities' });
    await priorities.getByText('Protect migrant children').waitFor();
    await priorities.getByRole('button', { name: 'Edit' }).click();
    await priorities.getByLabel('Status').selectOption({ label: 'In progress' });
    await priorities.getByRole('button', { name: 'Save the priority' }).click();
    await page.getByText('The priority is saved.').waitFor();
    await priorities.locator('.priority').filter({ hasText: 'In progress' }).waitFor();
    const saved = (await ctx.db.query(`SELECT title, status FROM presidency_priorities WHERE term_id = $1`, [termId])) as {
      title: Record<string, string>;
      status: string;
    }[];
    expect(saved).toEqual([{ title: { en: 'Protect migrant children', es: 'Proteger a la niñez migrante' }, status: 'in_progress' }]);

    // The dossier: not there yet; assembled, then submitted (by keyboard).
    const dossier = page.getByRole('region', { name: 'Handover dossier' });
    await dossier.getByText('The dossier has not been assembled yet.').waitFor();
    await dossier.getByRole('button', { name: 'Assemble the dossier now' }).click();
    await page.getByText('The dossier is refreshed.').waitFor();
    await dossier
      .getByRole('region', { name: /^Open action items/ })
      .getByText('Report on labour pathways')
      .waitFor();
    expect(text(await dossier.getByRole('region', { name: /^Decisions pending/ }).innerText())).toContain('Create a regional observatory');
    expect(text(await dossier.getByRole('region', { name: /^Priorities/ }).innerText())).toContain('Protect migrant children');
    // The outgoing chair does not acknowledge.
    expect(await dossier.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await dossier.getByRole('button', { name: 'Refresh the dossier' }).click();
    await page.getByText('The dossier is refreshed.').waitFor();
    await tabTo(page, 'Submit to the incoming chair');
    await page.keyboard.press('Enter');
    await page.getByText('The dossier is submitted to the incoming chair.').waitFor();
    await dossier.getByText('0 of 5 acknowledged').waitFor();
    expect(await dossier.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    const row = (await ctx.db.query(`SELECT status FROM handover_dossiers WHERE term_id = $1`, [termId])) as { status: string }[];
    expect(row).toEqual([{ status: 'submitted' }]);
    await expectNoAxeViolations(page, 'presidency, dossier submitted');
  });

  it('lets the incoming chair acknowledge the dossier entry by entry: the progress changes, the API has the acknowledgements', async () => {
    const page = await open();
    await signInToConsole(page, base, incoming, { path: 'presidency' });
    const dossier = page.getByRole('region', { name: 'Handover dossier' });
    await dossier.getByText('0 of 5 acknowledged').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Dossier entries acknowledged' });
    expect(await bar.getAttribute('value')).toBe('0');
    expect(await bar.getAttribute('max')).toBe('5');
    const buttons = dossier.getByRole('button', { name: 'Acknowledge', exact: true });
    expect(await buttons.count()).toBe(5);
    // Each button is described by its entry.
    expect(await buttons.first().getAttribute('aria-describedby')).toMatch(/^entry-/);
    // The outgoing chair's priorities and dossier are not the incoming chair's to change; its own next term's priorities are.
    const current = page.getByRole('region', { name: 'The chair’s priorities' });
    await current.getByText('Protect migrant children').waitFor();
    expect(await current.getByRole('button').count()).toBe(0);
    expect(await dossier.getByRole('button', { name: 'Submit to the incoming chair' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'The incoming chair’s priorities' }).getByRole('button', { name: 'Add a priority' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'presidency, incoming chair');

    await buttons.first().click();
    await dossier.getByText('1 of 5 acknowledged').waitFor();
    expect(await bar.getAttribute('value')).toBe('1');
    await page.getByText(/^Acknowledged: (Report on labour pathways|Consult the capitals)\.$/).waitFor();
    expect(await buttons.count()).toBe(4);
    // By keyboard too.
    await tabTo(page, 'Acknowledge');
    await page.keyboard.press('Enter');
    await dossier.getByText('2 of 5 acknowledged').waitFor();
    expect(await buttons.count()).toBe(3);
    expect(await dossier.locator('.acknowledged').count()).toBe(2);
    expect(text(await dossier.locator('.acknowledged').first().innerText())).toContain('by Gabriel Incoming');

    const api = await ctx.http().get(`/councils/${councilId}/presidency/terms/${termId}/dossier/acknowledgements`).expect(200);
    expect(api.body.progress).toEqual({ acknowledged: 2, total: 5 });
    expect(api.body.items).toHaveLength(2);
    expect(api.body.items.every((a: { acknowledgedBy: string }) => a.acknowledgedBy === incoming.userId)).toBe(true);
    expect(api.body.items.map((a: { itemKey: string }) => a.itemKey.split(':')[0]).sort()).toEqual(['action_item', 'action_item']);

    // On a phone: no horizontal scroll, still accessible.
    await page.setViewportSize(PHONE);
    await page.reload();
    await dossier.getByText('2 of 5 acknowledged').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}/console-390-presidency.png`, fullPage: true });
    await expectNoAxeViolations(page, '390 px, presidency');
  });

  it('says "no successor known" when nobody is designated after the current term', async () => {
    const page = await open();
    await signInToConsole(page, base, lonely, { path: 'presidency' });
    const alert = page.getByRole('alert').filter({ hasText: 'No successor known.' });
    await alert.waitFor();
    expect(text(await alert.innerText())).toContain('The council has not designated the next presidency yet.');
    expect(text(await alert.innerText())).toContain('your time (Toronto)');
    expect(text(await page.locator('.current-holder').innerText())).toBe('The presidency is held by Panama');
    expect(text(await page.getByRole('region', { name: 'Handover of the presidency' }).locator('dl').innerText())).toContain('Incoming chair None');
    await expectNoAxeViolations(page, 'presidency, no successor');
  });

  it('shows the presidency calendar, adopted decisions and approved minutes signed out, from the sign-in page and the public header', async () => {
    const page = await open();
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const links = page.getByRole('region', { name: 'Open to everyone' });
    for (const name of ['Presidency calendar', 'Adopted decisions', 'Approved minutes']) expect(await links.getByRole('link', { name }).count()).toBe(1);
    await links.getByRole('link', { name: 'Presidency calendar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Presidency calendar' }).waitFor();
    // Several councils here: the public header chooses one.
    const nav = page.getByRole('navigation', { name: 'Public pages' });
    await nav.waitFor();
    await page.getByLabel('Council', { exact: true }).selectOption({ label: 'Consejo de la presidencia' });
    await page.waitForURL((u) => u.searchParams.get('council') === councilId);
    await page.locator('.current-holder').filter({ hasText: 'Mexico' }).waitFor();
    expect(text(await page.locator('dl.troika').innerText())).toMatch(
      /Previous presidency Honduras \(HN\) Current presidency Mexico \(MX\).*Next presidency Guatemala \(GT\)/,
    );
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'public presidency calendar');

    await nav.getByRole('link', { name: 'Adopted decisions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adopted decisions' }).waitFor();
    expect(new URL(page.url()).searchParams.get('council')).toBe(councilId);
    const decision = page.locator('.decision').filter({ hasText: 'Adopt the work plan' });
    await decision.waitFor();
    const said = text(await decision.innerText());
    expect(said).toContain('At the meeting “Ministerial meeting, Tegucigalpa”');
    expect(said).toContain('your time (Toronto)');
    expect(said).toContain('council time (Guatemala)');
    expect(await page.getByText('Create a regional observatory').count()).toBe(0);
    await expectNoAxeViolations(page, 'public decisions');

    await nav.getByRole('link', { name: 'Approved minutes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Approved minutes' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: 'Ministerial meeting, Tegucigalpa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Minutes: Ministerial meeting, Tegucigalpa' }).waitFor();
    await page.getByText('The work plan was adopted.').waitFor();
    // The meeting's own zone, labelled.
    expect(text(await page.locator('.facts').innerText())).toContain('meeting time (Tegucigalpa)');
    await expectNoAxeViolations(page, 'public minutes');

    // In French: the summary has no French text, so the council's first working language shows, marked, with its lang.
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'français' });
    await page.getByRole('heading', { level: 1, name: 'Procès-verbal : Ministerial meeting, Tegucigalpa' }).waitFor();
    const summary = page.locator('.fallback-text').filter({ hasText: 'Se adoptó el plan de trabajo.' });
    expect(text(await summary.innerText())).toBe('Se adoptó el plan de trabajo. (seulement en espagnol)');
    expect(await summary.locator('[lang="es"]').count()).toBe(1);
    expect(text(await page.getByRole('navigation', { name: 'Pages publiques' }).innerText())).toContain('Calendrier de la présidence');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'English' });
    await page.getByRole('heading', { level: 1, name: 'Minutes: Ministerial meeting, Tegucigalpa' }).waitFor();

    // At 390 px: every public page without horizontal scroll, and accessible.
    await page.setViewportSize(PHONE);
    for (const [path, heading] of [
      [`public/presidency?council=${councilId}`, 'Presidency calendar'],
      [`public/decisions?council=${councilId}`, 'Adopted decisions'],
      [`public/minutes?council=${councilId}`, 'Approved minutes'],
      [`public/minutes/${meetingId}?council=${councilId}`, 'Minutes: Ministerial meeting, Tegucigalpa'],
      ['', 'Sign in'],
    ] as const) {
      await page.goto(`${base}/app/${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, width: await scrollWidth(page) }).toEqual({ path, width: expect.any(Number) });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${SCREENSHOTS}/console-390-${(path.split('?')[0] || 'sign-in').replace(/\W+/g, '-')}.png`, fullPage: true });
      await expectNoAxeViolations(page, `390 px, ${path || 'sign-in'}`);
    }
    // The public pages by keyboard: the header's links are Tab stops.
    await page.goto(`${base}/app/public/presidency?council=${councilId}`);
    await page.getByRole('heading', { level: 1, name: 'Presidency calendar' }).waitFor();
    await tabTo(page, 'Approved minutes');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Approved minutes' }).waitFor();
  });
});
