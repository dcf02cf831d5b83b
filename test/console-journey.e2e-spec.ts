import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/browser.js';
import {
  type ConsoleAccount,
  consoleAccount,
  consoleInBrowser,
  plainText,
  signInToConsole,
  memberStates,
  secretariatAccount,
  TINY_PDF,
} from './support/console.js';
import { meetingDayCome } from './support/meetings.js';
import { waitForEach } from './support/notifications.js';
import type { TestContext } from './support/test-app.js';

/**
 * The secretariat's whole journey with one meeting, in a real browser against the real API, worker and SMTP sink:
 * planned with the capitals' working hours (a capital flagged, the time moved, the flag cleared); convening refused as
 * too early (the earliest start named), then convened as extraordinary with the body's recorded consent; the agenda
 * built (items added, reordered by keyboard with the Move buttons, the order saved, a paper attached) and circulated;
 * the session opened, everyone marked present, the quorum in words; a decision proposed, objected to by a member
 * state's delegate in a second browser, seen live, withdrawn, and closed; the session closed; the minutes drafted,
 * circulated and approved, then read signed out. The emails of the journey reach the heads of delegation with an
 * account. axe (serious and critical) on every page visited.
 */
jest.setTimeout(150_000);

const ZONE = 'America/Guatemala';
const CAPITALS: [string, string][] = [
  ['GT', 'America/Guatemala'],
  ['HN', 'America/Tegucigalpa'],
  ['SV', 'America/El_Salvador'],
  ['NI', 'America/Managua'],
  ['CR', 'America/Costa_Rica'],
  ['PA', 'America/Panama'],
  ['DO', 'America/Santo_Domingo'],
  ['ES', 'Europe/Madrid'],
];
const TITLE = 'Extraordinary meeting on water';

describe('the web console: the secretariat’s journey with one meeting, end to end, with its emails', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let secretariat: ConsoleAccount;
  let guatemala: ConsoleAccount;
  let honduras: ConsoleAccount;
  const delegations: string[] = [];
  const text = plainText;
  // Expected refusals: convening too early (409 on the transition); the minutes before they are drafted (404).
  const world = consoleInBrowser({
    allowed: (s, m, u) => (s === 409 && m === 'POST' && u.pathname.endsWith('/transitions')) || (s === 404 && m === 'GET' && u.pathname.endsWith('/minutes')),
  });
  // The meeting's day: in 10 days, in the council's zone (too soon for an extraordinary meeting's 14 days' notice).
  const day = DateTime.now().setZone(ZONE).plus({ days: 10 });
  const segments = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true }).getByRole('spinbutton');
  const status = (page: Page, hasText: string) => page.getByRole('status').filter({ hasText }).first().waitFor();
  const axe = (page: Page, what: string) => expectNoAxeViolations(page, what, { seriousOnly: true });

  beforeAll(async () => {
    ({ ctx, base } = world);
    councilId = (
      await ctx
        .http()
        .post('/councils')
        .send({ slug: 'journey-console', name: 'Consejo del recorrido', workingLanguages: ['es', 'en'], timeZone: ZONE })
        .expect(201)
    ).body.id;
    // Eight member states (quorum 0.75 → 6 required), each capital in its zone.
    delegations.push(...(await memberStates(ctx, councilId, CAPITALS)).map((state) => state.delegationId));
    secretariat = await secretariatAccount(ctx, councilId, { fullName: 'Sofía Secretaria', language: 'en' });
    // Two heads of delegation with accounts: the notices' recipients (GT also objects in session).
    guatemala = await consoleAccount(ctx, { councilId, delegationId: delegations[0], fullName: 'Gabriela Delegada', language: 'en', role: 'head' });
    honduras = await consoleAccount(ctx, { councilId, delegationId: delegations[1], fullName: 'Héctor Delegado', language: 'en', role: 'head' });
  });

  it('plans, convenes, builds and circulates the agenda, holds the session with a decision, closes, and publishes the minutes; the emails arrive', async () => {
    const heads = [guatemala.email, honduras.email];
    const page = await world.open();
    await signInToConsole(page, base, secretariat, { path: 'meetings' });
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await axe(page, 'meetings list');

    // Planning: an extraordinary meeting at 06:00 in Guatemala, outside its working hours; two hours later, within.
    await page.getByRole('link', { name: 'Plan a meeting', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan a meeting' }).waitFor();
    await page.getByLabel('Kind', { exact: true }).selectOption('extraordinary');
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await segments(page, 'Start').first().focus();
    await page.keyboard.type(`${day.toFormat('MMddyyyy')}0600`);
    const summary = page.locator('.capitals-summary');
    await summary.filter({ hasText: 'Outside working hours (08:00–18:00) in' }).waitFor();
    expect(text(await summary.textContent())).toContain('State GT');
    await axe(page, 'plan a meeting, outside working hours');
    await segments(page, 'Start').nth(3).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await summary.filter({ hasText: 'Within working hours (08:00–18:00) in every capital.' }).waitFor();
    await page.getByRole('button', { name: 'Save the meeting', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const meetingId = new URL(page.url()).pathname.split('/').pop()!;
    const meetingPath = `/councils/${councilId}/meetings/${meetingId}`;
    const saved = (await ctx.http().get(meetingPath).expect(200)).body;
    expect(saved).toMatchObject({ kind: 'extraordinary', status: 'draft', timeZone: ZONE });
    expect(DateTime.fromISO(saved.startsAt).setZone(ZONE).toFormat('HH:mm')).toBe('08:00');

    // Convening: too early (the earliest start named), then with the body's recorded consent, which the page offers.
    await page.getByRole('button', { name: 'Convene', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(text(await alert.textContent())).toMatch(/needs 14 days' notice.*Earliest allowed start: .*your time \(Toronto\).*meeting time \(Guatemala\)/);
    await axe(page, 'meeting page, convening refused');
    const consent = page.getByRole('form', { name: 'Extraordinary, with recorded consent' });
    await consent.getByLabel('How and when the body gave its consent').fill('All member states agreed by email on 1 December.');
    await consent.getByRole('button', { name: 'Convene with recorded consent' }).click();
    await status(page, 'The meeting is now: Convened.');

    // The agenda: two items, the second moved up by keyboard, the order saved, a paper attached; circulated.
    const form = page.getByRole('form', { name: 'Add an item' });
    for (const [en, es, purpose] of [
      ['Water treaty', 'Tratado del agua', 'decision'],
      ['Drought report', 'Informe de sequía', 'information'],
    ] as const) {
      await form.getByLabel('Title in English').fill(en);
      await form.getByLabel('Title in Spanish').fill(es);
      await form.getByLabel('Purpose').selectOption(purpose);
      await form.getByRole('button', { name: 'Add the item' }).click();
      await status(page, `Item added at the end: ${en}.`);
    }
    const items = page.getByRole('list', { name: 'Agenda items, in order' }).locator(':scope > li');
    await page.getByRole('listitem', { name: 'Item 2: Drought report' }).waitFor();
    await items.nth(1).getByRole('button', { name: 'Move up', exact: true }).focus();
    await page.keyboard.press('Enter');
    await status(page, 'Drought report moved to position 1 of 2.');
    // The focus stays with the moved item (on its "Move down"): down again, then back up, by keyboard only.
    expect(await page.evaluate<string | null | undefined>('document.activeElement?.textContent')).toBe('Move down');
    await page.keyboard.press('Enter');
    await status(page, 'Drought report moved to position 2 of 2.');
    await items.nth(1).getByRole('button', { name: 'Move up', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('listitem', { name: 'Item 1: Drought report' }).waitFor();
    await page.getByRole('button', { name: 'Save order', exact: true }).focus();
    await page.keyboard.press('Enter');
    await status(page, 'The new order is saved.');
    const agenda = (await ctx.http().get(`${meetingPath}/agenda`).expect(200)).body as { items: { title: { en: string } }[] };
    expect(agenda.items.map((i) => i.title.en)).toEqual(['Drought report', 'Water treaty']);
    const treaty = page.getByRole('listitem', { name: 'Item 2: Water treaty' });
    await treaty.getByText('Attach a paper', { exact: true }).click();
    const upload = treaty.getByRole('form', { name: 'Attach a paper to Water treaty' });
    await upload.getByLabel('Language of the paper').selectOption('en');
    await upload.getByLabel(/^Title of the paper/).fill('Draft treaty');
    await upload.getByLabel(/^File/).setInputFiles({ name: 'treaty.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await upload.getByRole('button', { name: 'Upload the paper' }).click();
    await status(page, 'Paper uploaded: Draft treaty (English).');
    await axe(page, 'meeting page, agenda built');
    await page.getByRole('button', { name: 'Circulate the agenda', exact: true }).click();
    await status(page, 'The agenda is circulated.');
    await page.getByText('Agenda circulated', { exact: true }).waitFor();

    // The session opens only on its day: the clock of the meeting's row is moved by SQL (the UI can't wait 10 days).
    await meetingDayCome(ctx, meetingId);
    await page.reload();
    await page.getByRole('button', { name: 'Open the session', exact: true }).click();
    await status(page, 'The meeting is now: In session.');
    await page.getByRole('button', { name: 'Mark all present', exact: true }).click();
    await page.getByText('8 of 8 member states, 6 required.').waitFor();
    expect(text(await page.locator('.quorum').textContent())).toContain('Quorum met.');
    await axe(page, 'meeting page, in session, attendance');

    // A decision on the treaty; Guatemala's delegate objects in a second browser; seen live; withdrawn; closed.
    const propose = page.getByRole('form', { name: 'Propose a decision' });
    await propose.getByLabel('Agenda item').selectOption({ label: 'Item 2: Water treaty' });
    await propose.getByLabel('Text in English').fill('The water treaty is approved');
    await propose.getByLabel('Text in Spanish').fill('Se aprueba el tratado del agua');
    await propose.getByRole('button', { name: 'Propose the decision' }).click();
    await status(page, 'Decision proposed on: Water treaty.');
    const card = page.getByRole('article', { name: 'Decision on item 2: Water treaty' });
    await card.getByText('Proposed, under discussion').waitFor();

    const gt = await world.open();
    await signInToConsole(gt, base, guatemala, { path: `meetings/${meetingId}` });
    const theirs = gt.getByRole('article', { name: 'Decision on item 2: Water treaty' });
    await theirs.getByRole('button', { name: 'Object', exact: true }).click();
    const objectForm = theirs.getByRole('form', { name: 'Object to this decision' });
    await objectForm.getByLabel('Reason for the objection').fill('The annex on shared rivers is missing.');
    await objectForm.getByRole('button', { name: 'Record the objection' }).click();
    await status(gt, 'Your objection is recorded.');
    await axe(gt, 'meeting page, delegate, objection recorded');
    await status(page, 'Objection from Delegation GT.');
    await card.getByText('The annex on shared rivers is missing.').waitFor();
    expect(text(await card.textContent())).toContain('(1 objection stands)');
    await axe(page, 'meeting page, objection shown');
    await theirs.getByRole('button', { name: 'Withdraw our objection' }).click();
    await status(gt, 'Your objection is withdrawn.');
    await status(page, 'Delegation GT withdrew its objection.');
    await card.getByText('(0 objections stand)').waitFor();
    await card.getByRole('button', { name: 'Close the decision', exact: true }).click();
    await status(page, 'The decision is closed: Adopted.');
    const [decision] = (await ctx.http().get(`${meetingPath}/decisions`).expect(200)).body.items;
    expect(decision).toMatchObject({ status: 'closed', outcome: 'adopted', text: { en: 'The water treaty is approved' } });

    // The session closes; the minutes are drafted, circulated and approved.
    await page.getByRole('button', { name: 'Close the session', exact: true }).click();
    await status(page, 'The meeting is now: Closed.');
    await page.getByRole('button', { name: 'Draft the minutes' }).click();
    await status(page, 'The minutes are drafted.');
    await page.getByLabel('Item 2: Water treaty — summary in English').fill('The water treaty was approved.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await status(page, 'The minutes are saved.');
    await page.getByRole('button', { name: 'Circulate the minutes' }).click();
    await status(page, 'The minutes are circulated');
    await axe(page, 'meeting page, minutes circulated');
    // The comment period (days) is over: moved into the past by SQL, as the UI can't wait for it.
    await ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 hour' WHERE meeting_id = $1`, [
      meetingId,
    ]);
    await page.reload();
    await page.getByRole('button', { name: 'Approve the minutes' }).click();
    await status(page, 'The minutes are approved and public.');
    await page.getByRole('link', { name: 'The public page of these minutes' }).waitFor();
    expect((await ctx.http().get(meetingPath).expect(200)).body).toMatchObject({ status: 'minutes_approved', consentRecorded: true });
    await axe(page, 'meeting page, minutes approved');

    // Signed out: the public minutes.
    const anyone = await world.open();
    await anyone.goto(`${base}/app/public/minutes/${meetingId}?council=${councilId}`);
    await anyone.getByText('The water treaty was approved.').waitFor();
    await axe(anyone, 'public minutes, signed out');

    // The emails of the journey, to each head of delegation with an account.
    for (const subject of [
      `Convening notice: ${TITLE}`,
      `Agenda circulated: ${TITLE}`,
      `Minutes circulated for comments: ${TITLE}`,
      `Minutes approved: ${TITLE}`,
    ]) {
      const got = await waitForEach(ctx, heads, subject);
      for (const email of heads) expect(got.get(email)!.subject).toBe(subject);
    }
    // Nobody else got them (the secretariat and the delegations without an account).
    const recipients = new Set(ctx.mail.messages.filter((m) => m.subject.endsWith(TITLE)).flatMap((m) => m.to));
    expect([...recipients].sort()).toEqual([...heads].sort());
  });
});
