import { jest } from '@jest/globals';
import { DESKTOP, expectNoAxeViolations, PHONE, SCREENSHOTS, waitForScript } from './support/browser.js';
import {
  type ConsoleAccount,
  consoleInBrowser,
  plainText,
  scrollWidth,
  signInToConsole,
  memberStates,
  secretariatAccount,
  TINY_PDF,
} from './support/console.js';
import { given } from './support/given.js';
import type { TestContext } from './support/test-app.js';

/**
 * The web console, part 2, first slice: the secretariat's meetings in a real browser against the real
 * API: the list with its filters and title links; a meeting's page with its lifecycle as buttons and the API's
 * reason when a move is refused (a short-notice convening names the earliest allowed start); the agenda builder
 * (add items, reorder by keyboard with "Move up"/"Move down", "Save order", seen again after a reload); attendance
 * of an open session with "Mark all present" and the quorum in words; axe's WCAG 2.2 A/AA checks and the 390 px
 * phone viewport without sideways scrolling.
 */
jest.setTimeout(120_000);

const ZONE = 'America/Guatemala';
const DAY = 86_400_000;

describe('the web console: the secretariat’s meetings, in a browser', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let planned: string;
  let open: string;
  let extraordinary: string;
  let secretariat: ConsoleAccount;
  const delegations: string[] = [];
  const text = plainText;
  // A refused move is an expected 409.
  const world = consoleInBrowser({ allowed: (s, m, u) => s === 409 && m === 'POST' && u.pathname.endsWith('/transitions') });
  const openPage = world.open;
  const agendaTitles = async (meetingId: string): Promise<string[]> =>
    ((await ctx.http().get(`/councils/${councilId}/meetings/${meetingId}/agenda`).expect(200)).body.items as { title: { en: string } }[]).map(
      (i) => i.title.en,
    );

  beforeAll(async () => {
    ({ ctx, base } = world);

    const council = await ctx
      .http()
      .post('/councils')
      .send({
        slug: 'meetings-console',
        name: 'Consejo de reuniones',
        workingLanguages: ['es', 'en'],
        timeZone: ZONE,
      })
      .expect(201);
    councilId = council.body.id;
    // Eight member states (quorum 0.75 → 6 required) and an observer (it does not count toward quorum).
    const states = ['GT', 'HN', 'SV', 'NI', 'CR', 'PA', 'BZ', 'DO'];
    delegations.push(...(await memberStates(ctx, councilId, states)).map((state) => state.delegationId));
    await given(ctx).inCouncil(councilId).observer('Observer body', { category: 'ngo', delegation: 'Observer delegation' });

    secretariat = await secretariatAccount(ctx, councilId, { fullName: 'Sofía Secretaria', language: 'en' });

    // A working group meeting in 10 days: too soon to convene (30 days' notice).
    const startsAt = new Date(Date.now() + 10 * DAY);
    planned = (
      await ctx
        .http()
        .post(`/councils/${councilId}/meetings`)
        .send({
          kind: 'working_group',
          title: 'Working group on labour mobility',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString(),
          timeZone: ZONE,
          venue: 'Ciudad de Guatemala',
        })
        .expect(201)
    ).body.id;
    // An extraordinary meeting in 5 days (14 days' notice, or the body's consent), with an item on its agenda.
    const soon = new Date(Date.now() + 5 * DAY);
    extraordinary = (
      await ctx
        .http()
        .post(`/councils/${councilId}/meetings`)
        .send({
          kind: 'extraordinary',
          title: 'Extraordinary meeting on the crisis',
          startsAt: soon.toISOString(),
          endsAt: new Date(soon.getTime() + 3_600_000).toISOString(),
          timeZone: ZONE,
        })
        .expect(201)
    ).body.id;
    await ctx
      .http()
      .post(`/councils/${councilId}/meetings/${extraordinary}/agenda/items`)
      .send({ title: { es: 'La crisis', en: 'The crisis' }, purpose: 'decision' })
      .expect(201);
    // A senior officials' meeting in session (opened by SQL: a session opens only on its day).
    open = (
      (await ctx.db.query(
        `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at, opened_at)
         VALUES ($1, 'senior_officials', 'Senior officials in session', now() - interval '1 hour', now() + interval '5 hours', $2, 'in_session', now() - interval '90 days', now() - interval '1 hour') RETURNING id`,
        [councilId, ZONE],
      )) as { id: string }[]
    )[0]!.id;
  });

  it('lists the meetings, opens one by its title, builds and reorders its agenda by keyboard, saves the order, and shows why convening is refused', async () => {
    const page = await openPage();
    // (signed in on the meetings: "My action items", the console's home, is the delegate's page)
    await signInToConsole(page, base, secretariat, { path: 'meetings' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'Working group on labour mobility' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    // Times in the person's zone and the meeting's.
    const row = text(await table.locator('tbody tr', { hasText: 'Working group on labour mobility' }).textContent());
    expect(row).toMatch(/your time \(Toronto\).*meeting time \(Guatemala\)/);
    expect(row).toContain('Draft');
    // A filter (kept in the address): in session only.
    await page.getByLabel('Status', { exact: true }).selectOption('in_session');
    await page.waitForURL(/status=in_session/);
    await waitForScript(page, "document.querySelectorAll('tbody tr').length === 1");
    expect(text(await table.locator('tbody tr').textContent())).toContain('Senior officials in session');
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await waitForScript(page, "document.querySelectorAll('tbody tr').length === 3");
    await expectNoAxeViolations(page, 'meetings list');
    await page.screenshot({
      path: `${SCREENSHOTS}/console-meetings-desktop.png`,
      fullPage: true,
    });

    await table.getByRole('link', { name: 'Working group on labour mobility' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Working group on labour mobility',
      })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/meetings/${planned}`);
    await page.getByText('The agenda has no items yet.').waitFor();

    // Two items, added with the form.
    const form = page.getByRole('form', { name: 'Add an item' });
    for (const [en, es, purpose] of [
      ['Work plan', 'Plan de trabajo', 'decision'],
      ['Regional report', 'Informe regional', 'information'],
    ] as const) {
      await form.getByLabel('Title in English').fill(en);
      await form.getByLabel('Title in Spanish').fill(es);
      await form.getByLabel('Purpose').selectOption(purpose);
      await form.getByRole('button', { name: 'Add the item' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Item added at the end: ${en}.` })
        .waitFor();
    }
    await page.getByRole('listitem', { name: 'Item 2: Regional report' }).waitFor();
    expect(await agendaTitles(planned)).toEqual(['Work plan', 'Regional report']);
    const items = page.getByRole('list', { name: 'Agenda items, in order' }).locator(':scope > li');
    expect(await items.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      expect(await items.nth(i).getByRole('button', { name: 'Move up', exact: true }).count()).toBe(1);
      expect(await items.nth(i).getByRole('button', { name: 'Move down', exact: true }).count()).toBe(1);
    }
    expect(text(await items.nth(0).textContent())).toContain('For decision');

    // By keyboard: the second item's "Move up" (Enter), announced; the focus stays with the moved item.
    await items.nth(1).getByRole('button', { name: 'Move up', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Regional report moved to position 1 of 2.' }).waitFor();
    expect(text(await items.nth(0).locator('h3').textContent())).toContain('Regional report');
    const focused = await page.evaluate<string | null | undefined>('document.activeElement?.textContent');
    expect(focused).toBe('Move down');
    expect(await agendaTitles(planned)).toEqual(['Work plan', 'Regional report']);
    // "Save order" by keyboard too: Tab from the item's buttons reaches the next controls.
    await page.getByRole('button', { name: 'Save order', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: 'The new order is saved.' }).waitFor();
    expect(await agendaTitles(planned)).toEqual(['Regional report', 'Work plan']);
    await page.reload();
    await page.getByRole('listitem', { name: 'Item 1: Regional report' }).waitFor();
    expect(text(await items.nth(1).locator('h3').textContent())).toContain('Work plan');
    // By pointer too: dragging the first item onto the second (not saved: undone).
    // (a tall window: both items in view, no scrolling in the middle of the drag)
    await page.setViewportSize({ width: DESKTOP.width, height: 2000 });
    await page.evaluate('window.scrollTo(0, 0)');
    await items
      .nth(0)
      .locator('.drag-handle')
      .dragTo(items.nth(1), { targetPosition: { x: 40, y: 30 } });
    await page.getByRole('status').filter({ hasText: 'Regional report moved to position 2 of 2.' }).waitFor();
    expect(text(await items.nth(0).locator('h3').textContent())).toContain('Work plan');
    await page.getByRole('button', { name: 'Undo the changes of order', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The order is back to the saved one.' }).waitFor();
    expect(text(await items.nth(0).locator('h3').textContent())).toContain('Regional report');
    expect(await agendaTitles(planned)).toEqual(['Regional report', 'Work plan']);
    await page.setViewportSize(DESKTOP);

    // A paper for the second item, in English: listed with its language; Spanish still missing.
    const second = items.nth(1);
    await second.getByText('Attach a paper', { exact: true }).click();
    const upload = second.getByRole('form', { name: 'Attach a paper to Work plan' });
    await upload.getByLabel('Language of the paper').selectOption('en');
    await upload.getByLabel(/^Title of the paper/).fill('Draft work plan');
    await upload.getByLabel(/^File/).setInputFiles({ name: 'work-plan.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await upload.getByRole('button', { name: 'Upload the paper' }).click();
    await page.getByRole('status').filter({ hasText: 'Paper uploaded: Draft work plan (English).' }).waitFor();
    await second.getByText('No paper yet in: Spanish').waitFor();
    expect(text(await second.textContent())).toContain('English: Draft work plan (work-plan.pdf, version 1)');
    await expectNoAxeViolations(page, 'meeting page, with its agenda');

    // Convening too early: refused, with the API's reason and the earliest allowed start in both zones.
    await page.getByRole('button', { name: 'Convene', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const said = text(await alert.textContent());
    expect(said).toContain("Not done: a working group meeting needs 30 days' notice");
    expect(said).toMatch(/Earliest allowed start: .*your time \(Toronto\).*meeting time \(Guatemala\)/);
    expect((await ctx.http().get(`/councils/${councilId}/meetings/${planned}`).expect(200)).body.status).toBe('draft');
    await expectNoAxeViolations(page, 'meeting page, convening refused');
    await page.screenshot({
      path: `${SCREENSHOTS}/console-meeting-desktop.png`,
      fullPage: true,
    });
  });

  it('convenes an extraordinary meeting at short notice with the recorded consent it offers, then circulates its agenda', async () => {
    const page = await openPage();
    await signInToConsole(page, base, secretariat, { path: `meetings/${extraordinary}` });
    await page.getByRole('heading', { level: 1, name: 'Extraordinary meeting on the crisis' }).waitFor();
    await page.getByRole('button', { name: 'Convene', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(text(await alert.textContent())).toMatch(/needs 14 days' notice.*Earliest allowed start: .*recorded consent of the body/);
    const consent = page.getByRole('form', { name: 'Extraordinary, with recorded consent' });
    await consent.getByLabel('How and when the body gave its consent').fill('All member states agreed by email on 1 December.');
    await consent.getByRole('button', { name: 'Convene with recorded consent' }).click();
    await page.getByRole('status').filter({ hasText: 'The meeting is now: Convened.' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(text(await page.locator('.facts').first().textContent())).toContain('with recorded consent');
    await page.getByRole('button', { name: 'Circulate the agenda', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The agenda is circulated.' }).waitFor();
    await page.getByText('Agenda circulated', { exact: true }).waitFor();
    const after = (await ctx.http().get(`/councils/${councilId}/meetings/${extraordinary}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'agenda_circulated', consentRecorded: true, consentNote: 'All member states agreed by email on 1 December.' });
    await expectNoAxeViolations(page, 'meeting page, convened and circulated');
  });

  it('marks attendance of an open session: "Mark all present", one unticked by keyboard, the quorum in words', async () => {
    const page = await openPage();
    await signInToConsole(page, base, secretariat, {
      path: `meetings/${open}`,
    });
    await page.getByRole('heading', { level: 1, name: 'Senior officials in session' }).waitFor();
    const quorum = page.locator('.quorum');
    await quorum.waitFor();
    expect(await quorum.getAttribute('aria-live')).toBe('polite');
    expect(text(await quorum.textContent())).toContain('0 of 8 member states, 6 required.');
    await page.getByRole('button', { name: 'Mark all present', exact: true }).click();
    await page.getByText('8 of 8 member states, 6 required.').waitFor();
    expect(text(await quorum.textContent())).toContain('Quorum met.');
    const recorded = (await ctx.http().get(`/councils/${councilId}/meetings/${open}/attendance`).expect(200)).body;
    expect(recorded.items).toHaveLength(9);
    expect(recorded.quorum).toMatchObject({
      memberStatesPresent: 8,
      activeMemberStates: 8,
      required: 6,
      met: true,
    });
    // One delegation unticked with the space bar.
    const box = page.getByRole('checkbox', { name: 'Present: Delegation GT' });
    expect(await box.isChecked()).toBe(true);
    await box.focus();
    await page.keyboard.press('Space');
    await page.getByText('7 of 8 member states, 6 required.').waitFor();
    expect(await box.isChecked()).toBe(false);
    await expectNoAxeViolations(page, 'meeting page, attendance');
  });

  it('at 390 px: the list and the meeting page fit the screen, pass axe, and keep the reorder buttons', async () => {
    const page = await openPage({ viewport: PHONE });
    await signInToConsole(page, base, secretariat, { path: 'meetings' });
    await page.getByRole('link', { name: 'Working group on labour mobility' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'meetings list, phone');
    await page.screenshot({
      path: `${SCREENSHOTS}/console-meetings-phone.png`,
      fullPage: true,
    });
    await page.getByRole('link', { name: 'Working group on labour mobility' }).click();
    await page.getByRole('listitem', { name: 'Item 1: Regional report' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'meeting page, phone');
    expect(await page.getByRole('button', { name: 'Move down', exact: true }).first().isVisible()).toBe(true);
    await page.screenshot({
      path: `${SCREENSHOTS}/console-meeting-phone.png`,
      fullPage: true,
    });
  });
});
