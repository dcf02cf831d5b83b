import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import { DESKTOP, expectNoAxeViolations, PHONE, SCREENSHOTS, waitForScript } from './support/browser.js';
import { type ConsoleAccount, consoleAccount, consoleInBrowser, plainText, scrollWidth, signInToConsole } from './support/console.js';
import { given } from './support/given.js';
import type { TestContext } from './support/test-app.js';

/**
 * The web console, the delegate's journey, in a real browser (Debian's Chromium, driven by
 * playwright-core) against the real API, worker, PostgreSQL and SMTP sink: the console served at /app/
 * with its deep links; sign-in; "My action items" as the API has them; acknowledging, starting and
 * blocking an item and reporting progress, seen in its history; the recommendations' progress; the
 * notifications (inbox, preferences, calendar feed); four languages, with a text missing in the chosen
 * one; times in two zones across a DST change; two tabs refreshing their tokens at once; an expired
 * session; the phone viewport; axe's WCAG 2.2 A/AA checks on every page; the moves by keyboard.
 */
jest.setTimeout(180_000);

const ZONE = 'America/Guatemala';

describe('the web console: a delegate’s journey, in a browser', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let delegationId: string;
  let otherDelegationId: string;
  let ana: ConsoleAccount;
  let today: string;
  const items: Record<'overdue' | 'soon' | 'later' | 'keyboard' | 'blocked', string> = { overdue: '', soon: '', later: '', keyboard: '', blocked: '' };
  const dueLater = () => DateTime.fromISO(today).plus({ days: 40 }).toISODate()!;
  const world = consoleInBrowser();
  const open = world.open;

  async function createItem(title: Record<string, string>, dueDate: string, owner = delegationId, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await ctx
      .http()
      .post(`/councils/${councilId}/action-items`)
      .send({ title, ownerKind: 'delegation', ownerDelegationId: owner, dueDate, ...extra });
    if (res.status !== 201) throw new Error(`action item: ${res.status} ${res.text}`);
    return res.body.id as string;
  }
  const status = async (id: string) => ((await ctx.db.query(`SELECT status FROM action_items WHERE id = $1`, [id])) as { status: string }[])[0]!.status;
  const text = plainText;

  beforeAll(async () => {
    ({ ctx, base } = world);

    const council = await ctx
      .http()
      .post('/councils')
      .send({ slug: 'console', name: 'Consejo de la consola', workingLanguages: ['es', 'en', 'fr', 'pt'], timeZone: ZONE })
      .expect(201);
    councilId = council.body.id;
    const delegation = async (name: string, iso: string, position: number) => {
      const seat = await given(ctx)
        .inCouncil(councilId)
        .memberState(name, { iso, position, delegation: `Delegación ${iso}` });
      return seat.delegationId;
    };
    delegationId = await delegation('Guatemala', 'GT', 1);
    otherDelegationId = await delegation('Honduras', 'HN', 2);
    ana = await consoleAccount(ctx, { councilId, delegationId, fullName: 'Ana Pérez', language: 'en' });

    today = DateTime.now().setZone(ZONE).toISODate()!;
    const plus = (days: number) => DateTime.fromISO(today).plus({ days }).toISODate()!;
    const all = { es: 'Informe regional', en: 'Regional report', fr: 'Rapport régional', pt: 'Relatório regional' };
    items.overdue = await createItem(all, plus(1));
    // Overdue: due before the council's today (an item cannot be created so).
    await ctx.db.query(`UPDATE action_items SET due_date = $2 WHERE id = $1`, [items.overdue, plus(-5)]);
    // No French title: in French it shows the council's first working language (Spanish), marked.
    items.soon = await createItem({ es: 'Plan de acción', en: 'Action plan', pt: 'Plano de ação' }, plus(3));
    items.later = await createItem({ es: 'Estudio de mercado', en: 'Market study', fr: 'Étude de marché', pt: 'Estudo de mercado' }, dueLater());
    items.keyboard = await createItem({ es: 'Consulta pública', en: 'Public consultation', fr: 'Consultation publique', pt: 'Consulta pública' }, plus(50));
    items.blocked = await createItem({ es: 'Censo', en: 'Census', fr: 'Recensement', pt: 'Censo' }, plus(60));
    // Another delegation's item: not in Ana's list.
    await createItem({ es: 'Ajeno', en: 'Not ours' }, plus(2), otherDelegationId);

    // A recommendation with two of the items, for the progress roll-up.
    const area = await ctx.http().post(`/councils/${councilId}/focus-areas`).send({ code: 'A', title: 'Regional approach' }).expect(201);
    const rec = await ctx
      .http()
      .post(`/councils/${councilId}/recommendations`)
      .send({ focusAreaId: area.body.id, number: 1, title: 'Shared labour pathways', body: 'The council should open shared pathways.' })
      .expect(201);
    await createItem({ es: 'Vías compartidas', en: 'Shared pathways' }, plus(20), delegationId, { recommendationId: rec.body.id });

    // Two notifications for Ana, either side of Toronto's change from daylight saving time (1 November 2026).
    await ctx.db.query(
      `INSERT INTO notifications (user_id, council_id, kind, subject_type, subject_id, title, body, created_at) VALUES
         ($1, $2, 'council.reminder', 'council_reminder', 'r1', 'Reminder before the change', 'Papers are due.', '2026-10-15T14:00:00Z'),
         ($1, $2, 'council.reminder', 'council_reminder', 'r2', 'Reminder after the change', 'The meeting is near.', '2026-11-15T14:00:00Z')`,
      [ana.userId, councilId],
    );
  });

  it('is served at /app/: index.html for deep links (no-cache), hashed assets cached for good, no inline script; the set-password page still there', async () => {
    const index = await ctx.anonymous().get('/app/').expect(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain(`script-src 'self'`);
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const deep = await ctx.anonymous().get(`/app/items/${items.later}?status=open`).expect(200);
    expect(deep.text).toBe(index.text);
    await ctx.anonymous().get('/app').expect(302).expect('location', '/app/');
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(index.text)![1]!;
    const asset = await ctx.anonymous().get(script).expect(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    await ctx.anonymous().get(script).set('if-none-match', asset.headers.etag!).expect(304);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await ctx.anonymous().get('/app/assets/not-there-0000.js').expect(404);
    await ctx.anonymous().get('/app/favicon.png').expect(404);
    // The server-rendered set-password page keeps its path under /app/.
    const sp = await ctx.anonymous().get('/app/set-password?token=x&lang=en').expect(200);
    expect(sp.text).toContain('set-password/set-password.js');
  });

  it('signs in, lists the items the API has, acknowledges one and reports progress, seen in its history', async () => {
    const page = await open({ allowed: (s, m, u) => s === 401 && m === 'POST' && u.pathname === '/auth/login' });
    await page.goto(`${base}/app/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectNoAxeViolations(page, 'sign-in');
    // A wrong password: said in words, no session.
    await page.getByLabel('Email', { exact: true }).fill(ana.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('The email or password is not right.').waitFor();
    expect(await page.evaluate('localStorage.getItem("protempore.refreshToken")')).toBeNull();

    await signInToConsole(page, base, ana);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['My action items', 'Meetings', 'Presidency', 'Notifications'])
      expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(1);
    await page.getByRole('heading', { level: 1, name: 'My action items' }).waitFor();

    // The table holds one row per item of the API's first page, due first.
    const token = (await ctx.anonymous().post('/auth/login').send({ email: ana.email, password: ana.password }).expect(200)).body.accessToken;
    const api = (await ctx.anonymous().get(`/councils/${councilId}/me/action-items`).set('authorization', `Bearer ${token}`).expect(200)).body;
    const table = page.getByRole('table');
    await table.getByRole('row').nth(api.items.length).waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(api.items.length);
    expect(api.items.length).toBe(6);
    const titles = await rows.locator('td:first-child a').allTextContents();
    expect(titles).toEqual(api.items.map((i: { title: { en: string } }) => i.title.en));
    expect(titles).not.toContain('Not ours');
    // Overdue and due soon in words, not by colour alone.
    expect(text(await rows.nth(0).textContent())).toContain('Overdue');
    expect(text(await rows.filter({ hasText: 'Action plan' }).textContent())).toContain('Due soon');
    expect(text(await rows.filter({ hasText: 'Market study' }).textContent())).not.toMatch(/Overdue|Due soon/);
    // Counts per status, from the API.
    const counts = text(await page.locator('.count-list').textContent());
    expect(counts).toContain('6 in all');
    expect(counts).toContain('1 Overdue');
    expect(counts).toContain('6 Open');
    await page.screenshot({ path: `${SCREENSHOTS}/console-items-desktop.png`, fullPage: true });
    await expectNoAxeViolations(page, 'my action items');

    // A filter: overdue only (kept in the address).
    // (the box is drawn over the native input: a person clicks its label)
    await page.getByText('Overdue only', { exact: true }).click();
    await page.waitForURL(/overdue=true/);
    await waitForScript(page, `document.querySelectorAll('tbody tr').length === 1`);
    expect(await rows.locator('td:first-child a').allTextContents()).toEqual(['Regional report']);
    expect(await page.getByRole('checkbox', { name: 'Overdue only' }).isChecked()).toBe(true);
    await page.getByText('Overdue only', { exact: true }).click();
    await waitForScript(page, `document.querySelectorAll('tbody tr').length === 6`);

    // The item page: its moves as buttons named by the move.
    await page.getByRole('link', { name: 'Market study' }).click();
    await page.getByRole('heading', { level: 1, name: 'Market study' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/items/${items.later}`);
    await expectNoAxeViolations(page, 'item page, open');
    expect(await page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByText('The item is now: Acknowledged.').waitFor();
    expect(await status(items.later)).toBe('acknowledged');
    // The moves follow the API's allowedTransitions: acknowledged can start, block, be done; not acknowledged again.
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0);

    // A progress report: text, percent, RAG, link.
    await page.getByLabel('What happened').fill('Terms of reference agreed with the ministry.');
    await page.getByLabel('Percent complete (0 to 100)').fill('40');
    // (the dot is drawn over the native radio: a person clicks its label)
    await page.getByRole('radiogroup', { name: 'Red, amber or green' }).getByText('Amber', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Amber' }).isChecked()).toBe(true);
    await page.getByLabel('Link to a document (optional)').fill('https://example.org/terms.pdf');
    await page.getByRole('button', { name: 'Report progress', exact: true }).click();
    await page.getByText('Your progress report is saved.').waitFor();
    const history = page.getByRole('list').filter({ has: page.locator('.history-entry') });
    await history.getByText('Terms of reference agreed with the ministry.').waitFor();
    const entries = await history.locator('.history-entry').allInnerTexts();
    expect(text(entries[0]!)).toMatch(/^Progress report Terms of reference agreed with the ministry\. Amber 40 % Linked document Ana Pérez · /);
    expect(text(entries[1]!)).toMatch(/^Status: Open → Acknowledged Ana Pérez · /);
    expect(await history.getByRole('link', { name: 'Linked document' }).getAttribute('href')).toBe('https://example.org/terms.pdf');
    const [update] = await ctx.db.query(`SELECT text, percent, rag, attachment_url FROM action_item_updates WHERE action_item_id = $1 AND kind = 'progress'`, [
      items.later,
    ]);
    expect(update).toMatchObject({
      text: 'Terms of reference agreed with the ministry.',
      percent: 40,
      rag: 'amber',
      attachment_url: 'https://example.org/terms.pdf',
    });
    // The facts show the new progress.
    expect(text(await page.locator('.facts').innerText())).toContain('Amber 40 %');
    await expectNoAxeViolations(page, 'item page, after the report');

    // Back in the list: the row shows it.
    await page.getByRole('link', { name: 'Back to my action items' }).click();
    await page.getByRole('heading', { level: 1, name: 'My action items' }).waitFor();
    await waitForScript(page, `document.querySelector('tbody')?.textContent?.includes('Acknowledged')`);
    expect(text(await rows.filter({ hasText: 'Market study' }).textContent())).toContain('Amber 40 %');
  });

  it('starts and blocks an item (with a reason) and marks one done, every move by keyboard alone', async () => {
    const page = await open();
    await signInToConsole(page, base, ana, { path: `items/${items.keyboard}` });
    await page.getByRole('heading', { level: 1, name: 'Public consultation' }).waitFor();
    // The first stop of the Tab key on a page: the skip link, which takes the focus to the main region.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Public consultation' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');

    /** Tabs from the top of the page to the button (or link) named so: the page works by keyboard. */
    async function tabTo(name: string): Promise<void> {
      // From the top of the page: the skip link is its first stop.
      await page.locator('.skip-link').focus();
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        const focused = await page.evaluate<string>('(document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent || "").trim()');
        if (focused === name) return;
        seen.push(focused);
        await page.keyboard.press('Tab');
      }
      throw new Error(`"${name}" is not reachable with the Tab key (the stops: ${seen.join(' | ')})`);
    }
    await tabTo('Acknowledge');
    await page.keyboard.press('Enter');
    await page.getByText('The item is now: Acknowledged.').waitFor();
    await tabTo('Start');
    await page.keyboard.press('Enter');
    await page.getByText('The item is now: In progress.').waitFor();
    expect(await status(items.keyboard)).toBe('in_progress');
    await tabTo('Done');
    await page.keyboard.press('Space');
    await page.getByText('The item is now: Done.').waitFor();
    expect(await status(items.keyboard)).toBe('done');
    // Done by the owner: no more delegate moves (returning it to work is the verifier's), no more reports.
    await page.getByText('No move is open to you for this item now.').waitFor();
    expect(await page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(0);
    await page.getByText('No more progress reports: the item is done.').waitFor();

    // Block, with the reason the API requires, by keyboard too.
    await page.goto(`${base}/app/items/${items.blocked}`);
    await page.getByRole('heading', { level: 1, name: 'Census' }).waitFor();
    await tabTo('Acknowledge');
    await page.keyboard.press('Enter');
    await page.getByText('The item is now: Acknowledged.').waitFor();
    await tabTo('Start');
    await page.keyboard.press('Enter');
    await page.getByText('The item is now: In progress.').waitFor();
    await tabTo('Block');
    await page.keyboard.press('Enter');
    // The reason field takes the focus.
    await page.getByLabel('Why is it blocked?').waitFor();
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
    await page.keyboard.type('Waiting for the census office.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Block the item');
    await page.keyboard.press('Enter');
    await page.getByText('The item is now: Blocked.').waitFor();
    expect(await status(items.blocked)).toBe('blocked');
    await page.locator('.history-entry').filter({ hasText: 'Waiting for the census office.' }).waitFor();
    expect(text(await page.locator('.history-entry').first().innerText())).toMatch(/^Status: In progress → Blocked Waiting for the census office\./);
    // The report form by keyboard: its submit button is reachable.
    await tabTo('Report progress');
    await expectNoAxeViolations(page, 'item page, blocked');
  });

  it('the recommendations’ progress roll-up, and the notifications: inbox, mark read, preferences, calendar feed', async () => {
    const page = await open();
    await signInToConsole(page, base, ana);
    await page.getByRole('link', { name: 'Progress of the recommendations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress of the recommendations' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Shared labour pathways' });
    await row.waitFor();
    expect(text(await row.textContent())).toContain('0 of 1');
    await expectNoAxeViolations(page, 'progress roll-up');

    await page.getByRole('navigation').getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByText('2 unread notifications').waitFor();
    await expectNoAxeViolations(page, 'notifications');
    await page.getByRole('button', { name: 'Mark as read: Reminder before the change' }).click();
    await page.getByText('1 unread notification', { exact: true }).waitFor();
    const read = await ctx.db.query(`SELECT title FROM notifications WHERE user_id = $1 AND read_at IS NOT NULL`, [ana.userId]);
    expect(read).toEqual([{ title: 'Reminder before the change' }]);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('0 unread notifications').waitFor();

    // A preference per kind: immediate, digest or off.
    const overdue = page.getByLabel('An action item is overdue');
    expect(await overdue.inputValue()).toBe('immediate');
    expect(await overdue.locator('option').allTextContents()).toEqual(['Immediately', 'In the daily digest', 'No email']);
    await overdue.selectOption('digest');
    await page.getByText('Saved: An action item is overdue — In the daily digest.').waitFor();
    const [pref] = await ctx.db.query(`SELECT mode FROM notification_preferences WHERE user_id = $1 AND kind = 'action_item.overdue'`, [ana.userId]);
    expect(pref).toEqual({ mode: 'digest' });

    // The calendar feed: an address to copy, which serves the calendar.
    await page.getByRole('button', { name: 'Create my calendar address' }).click();
    const address = page.getByLabel('Calendar address');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${base}/calendar/[A-Za-z0-9_-]+\\.ics$`));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await page.getByText('The address is copied.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    const ics = await ctx.anonymous().get(new URL(url).pathname).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    await expectNoAxeViolations(page, 'notifications, after the changes');

    // The placeholder pages of the other journeys are accessible too.
    for (const name of ['Meetings', 'Presidency']) {
      await page.getByRole('navigation').getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await expectNoAxeViolations(page, name);
    }
  });

  it('switches language (remembered for the account, <html lang> following); a title missing in French shows the Spanish one, marked', async () => {
    const page = await open();
    await signInToConsole(page, base, ana);
    await page.getByRole('table').waitFor();
    const language = page.getByRole('combobox', { name: 'Language' });
    expect(await language.locator('option').allTextContents()).toEqual(['español', 'English', 'français', 'português']);
    const saved = page.waitForResponse((r) => r.url().endsWith('/auth/me') && r.request().method() === 'PATCH');
    await language.selectOption({ label: 'français' });
    expect((await saved).status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Mes actions' }).waitFor();
    await waitForScript(page, `document.documentElement.lang === 'fr'`);
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Mes actions', 'Réunions', 'Procédures de silence', 'Présidence', 'Notifications']);
    const [{ preferred_language }] = await ctx.db.query(`SELECT preferred_language FROM users WHERE id = $1`, [ana.userId]);
    expect(preferred_language).toBe('fr');

    // No French title: the council's first working language, with its lang attribute and a visible marker.
    const link = page.getByRole('link', { name: /Plan de acción/ });
    expect(text(await link.textContent())).toBe('Plan de acción (seulement en espagnol)');
    expect(await link.locator('[lang="es"]').textContent()).toBe('Plan de acción');
    expect(await page.getByRole('link', { name: 'Rapport régional' }).count()).toBe(1);
    expect(text(await page.getByRole('row').filter({ hasText: 'Rapport régional' }).textContent())).toContain('En retard');
    await page.screenshot({ path: `${SCREENSHOTS}/console-items-fr.png`, fullPage: true });
    await expectNoAxeViolations(page, 'my action items in French, with a fallback text');

    // Remembered for the person: another browser (English) opens in French after sign-in.
    const other = await open({ locale: 'en-GB' });
    await signInToConsole(other, base, ana);
    await other.getByRole('heading', { level: 1, name: 'Mes actions' }).waitFor();
    expect(await other.locator('html').getAttribute('lang')).toBe('fr');

    // Spanish and Portuguese are complete too; back to English.
    for (const [label, heading, lang] of [
      ['español', 'Mis tareas', 'es'],
      ['português', 'Minhas tarefas', 'pt'],
      ['English', 'My action items', 'en'],
    ] as const) {
      const remembered = other.waitForResponse((r) => r.url().endsWith('/auth/me') && r.request().method() === 'PATCH');
      await other.locator('.language select').selectOption({ label });
      expect((await remembered).status()).toBe(200);
      await other.getByRole('heading', { level: 1, name: heading }).waitFor();
      await waitForScript(other, `document.documentElement.lang === '${lang}'`);
      if (lang !== 'en') await expectNoAxeViolations(other, `my action items in ${lang}`);
    }
    await other.waitForResponse((r) => r.url().endsWith('/auth/me') && r.request().method() === 'PATCH').catch(() => undefined);
    const language_ = async () =>
      ((await ctx.db.query(`SELECT preferred_language FROM users WHERE id = $1`, [ana.userId])) as { preferred_language: string }[])[0]!.preferred_language;
    for (let i = 0; i < 50 && (await language_()) !== 'en'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await language_()).toBe('en');
  });

  it('shows times in the person’s zone and the council’s, labelled, across a DST change; due dates never move with the zone', async () => {
    const dueTexts: string[] = [];
    for (const timezoneId of ['America/Toronto', 'America/Guatemala', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const page = await open({ timezoneId });
      await signInToConsole(page, base, ana, { path: 'notifications' });
      await page.getByText('Reminder after the change').waitFor();
      // The council's zone comes with the council (its own request).
      if (timezoneId !== 'America/Guatemala') await page.locator('.inbox-item time', { hasText: 'council time' }).first().waitFor();
      const before = text(await page.locator('.inbox-item').filter({ hasText: 'Reminder before the change' }).locator('time').textContent());
      const after = text(await page.locator('.inbox-item').filter({ hasText: 'Reminder after the change' }).locator('time').textContent());
      if (timezoneId === 'America/Toronto') {
        // 14:00 UTC: 10:00 in Toronto before the change (EDT), 09:00 after (EST); 08:00 in Guatemala both times.
        expect(before).toBe('Oct 15, 2026, 10:00 AM your time (Toronto) · Oct 15, 2026, 8:00 AM council time (Guatemala)');
        expect(after).toBe('Nov 15, 2026, 9:00 AM your time (Toronto) · Nov 15, 2026, 8:00 AM council time (Guatemala)');
      } else if (timezoneId === 'America/Guatemala') {
        // The person is in the council's zone: one time, labelled.
        expect(before).toBe('Oct 15, 2026, 8:00 AM your time (Guatemala)');
        expect(after).toBe('Nov 15, 2026, 8:00 AM your time (Guatemala)');
      } else {
        expect(before).toContain('council time (Guatemala)');
      }
      expect(await page.locator('.inbox-item time').first().getAttribute('datetime')).toMatch(/Z$/);

      // The due date: the same calendar day whatever the browser's zone.
      await page.getByRole('navigation').getByRole('link', { name: 'My action items' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Market study' });
      await row.waitFor();
      dueTexts.push(text(await row.locator('td').nth(1).locator('time').textContent()));
      expect(await row.locator('td').nth(1).locator('time').getAttribute('datetime')).toBe(dueLater());
    }
    const expected = DateTime.fromISO(dueLater(), { zone: 'utc' });
    expect(new Set(dueTexts).size).toBe(1);
    expect(dueTexts[0]).toContain(`${expected.toFormat('LLL')} ${expected.day}, ${expected.year}`);
  });

  it('two tabs refreshing their tokens at once stay signed in (one refresh at a time: no token spent twice)', async () => {
    const first = await open();
    await signInToConsole(first, base, ana);
    await first.getByRole('table').waitFor();
    const second = await world.tab(first);
    // A second tab of the same browser resumes the session from the stored refresh token.
    await second.goto(`${base}/app/notifications`);
    await second.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    for (let round = 0; round < 6; round++) {
      // Both reload together: each has no access token in memory and wants one from the same refresh token.
      await Promise.all([first.reload(), second.reload()]);
      await Promise.all([first.getByRole('table').waitFor(), second.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor()]);
      expect(await first.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
      expect(await second.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    }
    // No refresh token was presented twice; the session lives on (one valid refresh token).
    expect(await ctx.db.query(`SELECT 1 FROM audit_log WHERE action = 'session.refresh_token_reused' AND entity_id = $1`, [ana.userId])).toEqual([]);
    const live = await ctx.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)`,
      [ana.userId],
    );
    expect(live).toEqual([{ n: 1 }]);
    // Both still work.
    await first.getByRole('navigation').getByRole('link', { name: 'Notifications' }).click();
    await first.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await second.getByRole('navigation').getByRole('link', { name: 'My action items' }).click();
    await second.getByRole('table').waitFor();

    // Signing out in one tab signs the other out too.
    await first.getByRole('button', { name: 'Sign out' }).click();
    await first.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await second.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await second.evaluate('localStorage.getItem("protempore.refreshToken")')).toBeNull();
  });

  it('an expired session returns to sign-in with a message (in place, and on the next visit)', async () => {
    // The refused refresh, and the page's reads that went out without a session in the same moment.
    const refusedRefresh = (s: number, m: string, u: URL) => s === 401 && ((m === 'POST' && u.pathname === '/auth/refresh') || m === 'GET');
    // In place: the access token runs out (the page's clock moves on) and the session was ended meanwhile.
    const page = await open({ allowed: refusedRefresh });
    await page.clock.install();
    await signInToConsole(page, base, ana);
    await page.getByRole('table').waitFor();
    await ctx.db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [ana.userId]);
    await page.clock.fastForward('20:00');
    await page.getByRole('navigation').getByRole('link', { name: 'Notifications' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Your session has expired. Please sign in again.');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'sign-in after an expired session');
    // Signing in again continues where the person was.
    await page.getByLabel('Email', { exact: true }).fill(ana.email);
    await page.getByLabel('Password', { exact: true }).fill(ana.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();

    // On the next visit: the stored refresh token is refused.
    await ctx.db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [ana.userId]);
    const next = await world.tab(page, refusedRefresh);
    await next.goto(`${base}/app/items`);
    await next.getByText('Your session has expired. Please sign in again.').waitFor();
    expect(await next.evaluate('localStorage.getItem("protempore.refreshToken")')).toBeNull();
  });

  it('at 390 px: no horizontal scrolling and no axe violation on every page', async () => {
    const page = await open({ viewport: PHONE, locale: 'es-GT', timezoneId: 'America/Toronto' });
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, '390 px, sign-in');
    await signInToConsole(page, base, ana, { labels: { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' } });
    // Ana's account is in English (the previous test put it back).
    const pages: [string, string][] = [
      ['items', 'My action items'],
      [`items/${items.later}`, 'Market study'],
      ['progress', 'Progress of the recommendations'],
      ['notifications', 'Notifications'],
      ['meetings', 'Meetings'],
      ['presidency', 'Presidency'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${base}/app/${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, width: await scrollWidth(page) }).toEqual({ path, width: expect.any(Number) });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${SCREENSHOTS}/console-390-${path.replace(/\W+/g, '-')}.png`, fullPage: true });
      await expectNoAxeViolations(page, `390 px, ${path}`);
    }
    expect(DESKTOP.width).toBeGreaterThan(PHONE.width);
  });
});
