import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, PHONE } from './support/browser.js';
import {
  type ConsoleAccount,
  consoleAccount,
  consoleInBrowser,
  plainText,
  scrollWidth,
  signInToConsole,
  memberStates,
  secretariatAccount,
} from './support/console.js';
import { DAY, meetingDayCome } from './support/meetings.js';
import type { TestContext } from './support/test-app.js';

/**
 * The web console: a closed meeting's minutes drafted by the secretariat, edited per item in two languages,
 * circulated with a comment deadline (both zones); a delegate comments in another browser; the secretariat sees
 * the comment under its delegation and approves; the approved minutes are public (signed out); the minutes PDF
 * opens through the token-carrying document link (a blob in a new tab, and its download); the People page adds a
 * delegate's account and sends a set-password link that arrives by email; the audit trail lists the approval;
 * the secretariat's home is the meetings; reminders and a meeting's planned notifications. axe's WCAG 2.2 checks
 * (serious and critical) and the 390 px phone viewport without sideways scrolling.
 */
jest.setTimeout(150_000);

const ZONE = 'America/Guatemala';

describe('the web console: minutes, documents and the secretariat’s administration, in a browser', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let meetingId: string;
  let secretariat: ConsoleAccount;
  let delegate: ConsoleAccount;
  const delegations: string[] = [];
  const text = plainText;
  // A meeting's minutes answer 404 until drafted ("not yet").
  const world = consoleInBrowser({ allowed: (s, m, u) => s === 404 && m === 'GET' && u.pathname.endsWith('/minutes') });

  /** A working-group meeting through the API up to its close: convened, two items circulated, opened, adopted, closed. */
  async function closedMeeting(title: string): Promise<string> {
    const startsAt = new Date(Date.now() + 40 * DAY);
    const path = `/councils/${councilId}/meetings`;
    const id = (
      await ctx
        .http()
        .post(path)
        .send({
          kind: 'working_group',
          title,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
          timeZone: ZONE,
        })
        .expect(201)
    ).body.id as string;
    const version = async () => ((await ctx.db.query(`SELECT version FROM meetings WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
    const move = async (to: string) =>
      ctx
        .http()
        .post(`${path}/${id}/transitions`)
        .send({ to, version: await version() })
        .expect(200);
    await move('convened');
    for (const [en, es] of [
      ['Work plan', 'Plan de trabajo'],
      ['Other business', 'Asuntos varios'],
    ]) {
      await ctx.http().post(`${path}/${id}/agenda/items`).send({ title: { en, es }, purpose: 'discussion' }).expect(201);
    }
    const agenda = (await ctx.http().get(`${path}/${id}/agenda`).expect(200)).body as { version: number };
    await ctx.http().post(`${path}/${id}/agenda/circulate`).send({ version: agenda.version }).expect(200);
    await meetingDayCome(ctx, id);
    await move('in_session');
    await ctx
      .http()
      .post(`${path}/${id}/agenda/adopt`)
      .send({ version: agenda.version + 1 })
      .expect(200);
    await move('closed');
    return id;
  }

  const status = (page: Page, hasText: string) => page.getByRole('status').filter({ hasText }).first().waitFor();
  const fitsThePhone = async (page: Page, what: string) => {
    await page.setViewportSize(PHONE);
    expect({ what, width: await scrollWidth(page) }).toEqual({ what, width: PHONE.width });
  };

  beforeAll(async () => {
    ({ ctx, base } = world);
    councilId = (
      await ctx
        .http()
        .post('/councils')
        .send({ slug: 'minutes-console', name: 'Consejo de actas', workingLanguages: ['es', 'en'], timeZone: ZONE })
        .expect(201)
    ).body.id;
    delegations.push(...(await memberStates(ctx, councilId, ['GT', 'HN', 'SV'])).map((state) => state.delegationId));
    secretariat = await secretariatAccount(ctx, councilId, { fullName: 'Sofía Secretaria' });
    delegate = await consoleAccount(ctx, { councilId, delegationId: delegations[0], fullName: 'Gabriela Delegada', role: 'head' });
    meetingId = await closedMeeting('Working group on minutes');
  });

  it('drafts, edits in two languages, circulates; a delegate comments; the secretariat approves; public; the PDF opens', async () => {
    const page = await world.open();
    // The secretariat's home is the meetings (their "My action items" would be refused).
    await signInToConsole(page, base, secretariat);
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/meetings');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['People', 'Reminders', 'Audit trail']) await nav.getByRole('link', { name, exact: true }).waitFor();

    await page.goto(`${base}/app/meetings/${meetingId}`);
    await page.getByRole('heading', { level: 1, name: 'Working group on minutes' }).waitFor();
    await page.getByRole('button', { name: 'Draft the minutes' }).click();
    await status(page, 'The minutes are drafted.');

    // Per item and per language: English first (the interface's), then Spanish.
    await page.getByLabel('Item 1: Work plan — summary in English').fill('The work plan was discussed.');
    await page.getByLabel('Notes in English').fill('The meeting opened at 9:00.');
    await page.getByLabel('Language being edited').selectOption('es');
    await page.getByLabel('Item 1: Plan de trabajo — summary in Spanish').fill('Se debatió el plan de trabajo.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await status(page, 'The minutes are saved.');
    const saved = (await ctx.http().get(`/councils/${councilId}/meetings/${meetingId}/minutes`).expect(200)).body;
    expect(saved.content.items[0].summary).toEqual({ en: 'The work plan was discussed.', es: 'Se debatió el plan de trabajo.' });
    expect(saved.content.notes).toEqual({ en: 'The meeting opened at 9:00.' });

    // Circulated with the default deadline, shown in the person's zone and the meeting's.
    await page.getByRole('button', { name: 'Circulate the minutes' }).click();
    await status(page, 'The minutes are circulated');
    const facts = page.locator('.minutes-panel dl');
    await facts.getByText('Circulated for comments').waitFor();
    expect(text(await facts.textContent())).toMatch(/Comments until.*your time \(Toronto\).*meeting time \(Guatemala\)/);
    await expectNoAxeViolations(page, 'circulated minutes (secretariat)', { seriousOnly: true });

    // A delegate, in another browser, comments for the delegation.
    const other = await world.open();
    await signInToConsole(other, base, delegate, { path: `meetings/${meetingId}` });
    await other.getByRole('heading', { name: 'Comment for your delegation' }).waitFor();
    await other.getByLabel('About').selectOption({ label: '1. Work plan' });
    await other.getByLabel('Your comment').fill('Please add the budget figures.');
    await other.getByRole('button', { name: 'Send the comment' }).click();
    await status(other, 'Your comment is sent.');
    await other.getByText('Please add the budget figures.').waitFor();
    await expectNoAxeViolations(other, 'circulated minutes (delegate)', { seriousOnly: true });
    await fitsThePhone(other, 'minutes (delegate) at 390 px');

    // The secretariat sees it under the delegation; the comment period ends (moved into the past); approval.
    await page.reload();
    await page.getByRole('heading', { name: 'Delegation GT: 1 comment' }).waitFor();
    expect(text(await page.locator('.minutes-comment-groups').textContent())).toContain('Please add the budget figures.');
    await ctx.db.query(`UPDATE minutes SET circulated_at = now() - interval '15 days', comment_deadline = now() - interval '1 hour' WHERE meeting_id = $1`, [
      meetingId,
    ]);
    await page.reload();
    await page.getByRole('button', { name: 'Approve the minutes' }).click();
    await status(page, 'The minutes are approved and public.');
    await page.getByRole('link', { name: 'The public page of these minutes' }).waitFor();

    // The minutes PDF: fetched with the token, opened as a blob in a new tab; also offered as a download.
    const popup = page.waitForEvent('popup', { timeout: 15_000 }).catch(() => undefined);
    const pdf = page.waitForResponse((r) => r.url().includes(`/meetings/${meetingId}/minutes/document.pdf?lang=en`));
    await page.getByRole('button', { name: 'Minutes (PDF, English)' }).click();
    const response = await pdf;
    expect({ status: response.status(), type: response.headers()['content-type'] }).toMatchObject({
      status: 200,
      type: expect.stringContaining('application/pdf'),
    });
    expect(response.request().headers().authorization).toMatch(/^Bearer /);
    await page
      .getByRole('status')
      .filter({ hasText: /Opened in a new tab|did not open a new tab/ })
      .first()
      .waitFor();
    const tab = await popup;
    expect(tab?.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await tab?.close();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download minutes-en.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('minutes-en.pdf');
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoAxeViolations(page, 'approved minutes (secretariat)', { seriousOnly: true });
    await fitsThePhone(page, 'minutes (secretariat) at 390 px');

    // Signed out: the public page shows them.
    const anyone = await world.open();
    await anyone.goto(`${base}/app/public/minutes/${meetingId}?council=${councilId}`);
    await anyone.getByText('The work plan was discussed.').waitFor();

    // The audit trail lists the approval.
    await page.setViewportSize({ width: 1280, height: 800 });
    await nav.getByRole('link', { name: 'Audit trail', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByLabel('Action', { exact: true }).fill('minutes.approved');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await status(page, '1 change shown');
    const row = text(await page.getByRole('table').locator('tbody tr').first().textContent());
    expect(row).toContain('minutes.approved');
    expect(row).toContain('Sofía Secretaria');
    await expectNoAxeViolations(page, 'audit trail', { seriousOnly: true });
    await fitsThePhone(page, 'audit trail at 390 px');
  });

  it('People: adds a delegate’s account and sends a set-password link, which arrives by email', async () => {
    const page = await world.open();
    await signInToConsole(page, base, secretariat, { path: 'people' });
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('table').getByText('Gabriela Delegada').waitFor();
    const email = `nuevo.delegado.${Date.now()}@test.protempore.org`;
    const form = page.getByRole('form', { name: 'Add an account' });
    await form.getByLabel('Role', { exact: true }).selectOption('delegate');
    await form.getByLabel('Full name').fill('Nuevo Delegado');
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('Delegation', { exact: true }).selectOption({ label: 'Delegation HN' });
    await form.getByLabel('Role in the delegation').selectOption('alternate');
    await form.getByLabel('Language (of the console and the emails)').selectOption('es');
    await form.getByRole('button', { name: 'Add the account' }).click();
    await status(page, `Nuevo Delegado is added; a link to set the password is being emailed to ${email}.`);
    await page.getByRole('table').getByText('Nuevo Delegado').waitFor();
    const mailsTo = () => ctx.mail.messages.filter((m) => m.to.includes(email));
    await ctx.mail.waitFor(() => mailsTo().length >= 1, 15_000);
    expect(mailsTo()[0]!.text).toMatch(/[?&]token=[A-Za-z0-9_-]{43}/);

    // A fresh link, from the list.
    await page.getByRole('button', { name: 'Send a set-password link to Nuevo Delegado' }).click();
    await status(page, `A link to set the password is being emailed to Nuevo Delegado (${email}).`);
    await ctx.mail.waitFor(() => mailsTo().length >= 2, 15_000);
    const [seat] = await ctx.db.query(`SELECT role, preferred_language, delegation_id FROM delegates WHERE email = $1`, [email]);
    expect(seat).toEqual({ role: 'alternate', preferred_language: 'es', delegation_id: delegations[1] });
    await expectNoAxeViolations(page, 'people', { seriousOnly: true });
    await fitsThePhone(page, 'people at 390 px');
  });

  it('Reminders: schedules one; a meeting’s planned notifications; the queue dashboard says what it needs', async () => {
    const page = await world.open();
    await signInToConsole(page, base, secretariat, { path: 'reminders' });
    await page.getByRole('heading', { level: 1, name: 'Reminders' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Send your reports');
    await page.getByLabel('Message').fill('The reports are due next week.');
    await page.getByLabel(/^Send at \(your time/).fill('2030-01-15T10:00');
    await page.getByRole('checkbox', { name: 'Heads of delegation' }).check();
    await page.getByRole('button', { name: 'Schedule the reminder' }).click();
    await status(page, 'The reminder “Send your reports” is scheduled.');
    const row = text(await page.getByRole('table').locator('tbody tr', { hasText: 'Send your reports' }).textContent());
    expect(row).toMatch(/Scheduled/);
    expect(row).toMatch(/your time \(Toronto\).*council time \(Guatemala\)/);
    await page.getByRole('link', { name: /queue dashboard/ }).waitFor();
    await expectNoAxeViolations(page, 'reminders', { seriousOnly: true });
    await fitsThePhone(page, 'reminders at 390 px');

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${base}/app/meetings/${meetingId}`);
    await page.getByRole('heading', { name: 'Notifications of this meeting' }).waitFor();
    // The meeting pack: built by the worker (the API may answer 202 meanwhile: the link asks again), then opened.
    const popup = page.waitForEvent('popup').catch(() => undefined);
    await page.getByRole('button', { name: 'Meeting pack (PDF, English)' }).click();
    await page.getByRole('status').filter({ hasText: 'Opened in a new tab.' }).first().waitFor();
    expect((await popup)?.url()).toMatch(/^blob:/);
    await page.getByRole('link', { name: 'Download meeting-pack-en.pdf' }).waitFor();
  });
});
