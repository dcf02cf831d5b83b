import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, PHONE, SCREENSHOTS } from './support/browser.js';
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
import type { TestContext } from './support/test-app.js';

/**
 * The web console in session: the secretariat proposes a decision on an agenda item of an open session; a member
 * state's delegate, in another browser, objects with a reason (by keyboard only); the secretariat's page shows the
 * objection without a reload and announces it; the objection is withdrawn; closing without quorum is refused with
 * the API's reason, then the decision is adopted and an action item created from it. A silence procedure is
 * circulated with a date-time picker (the deadline in both zones), broken by a delegate with a reason and seen on
 * the secretariat's page. axe (serious and critical) on these pages; 390 px without sideways scrolling.
 */
jest.setTimeout(120_000);

const ZONE = 'America/Guatemala';
const text = plainText;

describe('the web console: decisions in session and silence procedures, in a browser', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let open: string;
  let secretariat: ConsoleAccount;
  let delegate: ConsoleAccount;
  let silenceId: string;
  const delegations: string[] = [];
  // Closing without quorum is an expected 409.
  const world = consoleInBrowser({ allowed: (s, m, u) => s === 409 && m === 'POST' && u.pathname.endsWith('/close') });

  const present = async (delegationId: string) =>
    ctx.db.query(`INSERT INTO meeting_attendance (meeting_id, delegation_id, council_id, present, represented_by) VALUES ($1, $2, $3, true, 'head')`, [
      open,
      delegationId,
      councilId,
    ]);

  beforeAll(async () => {
    ({ ctx, base } = world);
    councilId = (
      await ctx
        .http()
        .post('/councils')
        .send({ slug: 'session-console', name: 'Consejo en sesión', workingLanguages: ['es', 'en'], timeZone: ZONE })
        .expect(201)
    ).body.id;
    // Eight member states (quorum 0.75 → 6 required).
    delegations.push(...(await memberStates(ctx, councilId, ['GT', 'HN', 'SV', 'NI', 'CR', 'PA', 'BZ', 'DO'])).map((state) => state.delegationId));
    secretariat = await secretariatAccount(ctx, councilId, { fullName: 'Sofía Secretaria', language: 'en' });
    delegate = await consoleAccount(ctx, { councilId, delegationId: delegations[0], fullName: 'Gabriela Delegada', language: 'en' });

    // A senior officials' meeting in session (by SQL: a session opens only on its day), one item for decision.
    open = (
      (await ctx.db.query(
        `INSERT INTO meetings (council_id, kind, title, starts_at, ends_at, time_zone, status, convened_at, opened_at)
         VALUES ($1, 'senior_officials', 'Senior officials in session', now() - interval '1 hour', now() + interval '5 hours', $2, 'in_session', now() - interval '90 days', now() - interval '1 hour') RETURNING id`,
        [councilId, ZONE],
      )) as { id: string }[]
    )[0]!.id;
    await ctx.db.query(
      `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose) VALUES ($1, $2, 1, '{"es":"Plan de trabajo","en":"Work plan"}', 'decision')`,
      [councilId, open],
    );
    // Five of eight member states present: one short of quorum.
    for (const d of delegations.slice(0, 5)) await present(d);
  });

  const decisionCard = (page: Page) => page.getByRole('article', { name: 'Decision on item 1: Work plan' });

  it('proposes a decision; a delegate objects by keyboard in another browser; the secretariat sees it live; withdrawn; adopted once quorum is met; an action item made from it', async () => {
    const chair = await world.open();
    await signInToConsole(chair, base, secretariat, { path: `meetings/${open}` });
    await chair.getByRole('heading', { level: 1, name: 'Senior officials in session' }).waitFor();
    await chair.getByRole('heading', { level: 2, name: 'Decisions' }).waitFor();
    await chair.getByText('No decision has been proposed at this meeting yet.').waitFor();

    const propose = chair.getByRole('form', { name: 'Propose a decision' });
    expect(await propose.getByLabel('Agenda item').inputValue()).not.toBe('');
    await propose.getByLabel('Text in English').fill('The work plan is approved');
    await propose.getByLabel('Text in Spanish').fill('Se aprueba el plan de trabajo');
    await propose.getByRole('button', { name: 'Propose the decision' }).click();
    await chair.getByRole('status').filter({ hasText: 'Decision proposed on: Work plan.' }).waitFor();
    const card = decisionCard(chair);
    await card.locator('.decision-text', { hasText: 'The work plan is approved' }).waitFor();
    expect(text(await card.textContent())).toContain('Proposed, under discussion');
    const [decision] = (await ctx.http().get(`/councils/${councilId}/meetings/${open}/decisions`).expect(200)).body.items;
    expect(decision).toMatchObject({ status: 'proposed', text: { en: 'The work plan is approved', es: 'Se aprueba el plan de trabajo' } });

    // The delegate of GT, in a second browser context, objects by keyboard only.
    const gt = await world.open();
    await signInToConsole(gt, base, delegate, { path: `meetings/${open}` });
    const theirs = decisionCard(gt);
    await theirs.getByRole('button', { name: 'Object', exact: true }).focus();
    await gt.keyboard.press('Enter');
    const objectForm = theirs.getByRole('form', { name: 'Object to this decision' });
    await objectForm.getByLabel('Reason for the objection').waitFor();
    expect(await gt.evaluate<string | undefined>('document.activeElement?.tagName')).toBe('TEXTAREA');
    await gt.keyboard.type('The budget annex is missing.');
    await gt.keyboard.press('Tab');
    expect(await gt.evaluate<string | null | undefined>('document.activeElement?.textContent')).toBe('Record the objection');
    await gt.keyboard.press('Enter');
    await gt.getByRole('status').filter({ hasText: 'Your objection is recorded.' }).waitFor();
    await theirs.getByRole('button', { name: 'Withdraw our objection' }).waitFor();
    await expectNoAxeViolations(gt, 'meeting page, delegate, objection recorded', { seriousOnly: true });

    // The secretariat's page shows it without a reload, and says so in a polite live region.
    const news = chair.locator('.session-news');
    await chair.getByRole('status').filter({ hasText: 'Objection from Delegation GT.' }).waitFor();
    expect(await news.getAttribute('aria-live')).toBe('polite');
    await card.getByText('The budget annex is missing.').waitFor();
    const objection = text(await card.locator('.session-record').first().textContent());
    expect(objection).toMatch(/Delegation GT Stands ?Reason: The budget annex is missing\. ?Recorded .*your time \(Toronto\).*meeting time \(Guatemala\)/);
    expect(text(await card.textContent())).toContain('(1 objection stands)');
    await expectNoAxeViolations(chair, 'meeting page, secretariat, objection shown', { seriousOnly: true });

    // Withdrawn by the delegate: announced on the secretariat's page, kept in the record as withdrawn.
    await theirs.getByRole('button', { name: 'Withdraw our objection' }).click();
    await gt.getByRole('status').filter({ hasText: 'Your objection is withdrawn.' }).waitFor();
    await chair.getByRole('status').filter({ hasText: 'Delegation GT withdrew its objection.' }).waitFor();
    await card.getByText('(0 objections stand)').waitFor();
    expect(text(await card.locator('.session-record').first().textContent())).toContain('Withdrawn');

    // Closing with five of eight present: refused with the API's reason.
    await card.getByRole('button', { name: 'Close the decision', exact: true }).click();
    const alert = card.getByRole('alert');
    await alert.waitFor();
    expect(text(await alert.textContent())).toContain('Not done: the decision cannot be taken without quorum: 5 of 8 member states present, 6 required');
    expect((await ctx.http().get(`/councils/${councilId}/meetings/${open}/decisions`).expect(200)).body.items[0].status).toBe('proposed');
    // A sixth member state arrives: adopted.
    await present(delegations[5]!);
    await card.getByRole('button', { name: 'Close the decision', exact: true }).click();
    await chair.getByRole('status').filter({ hasText: 'The decision is closed: Adopted.' }).waitFor();
    await card.getByText('Closed: Adopted').waitFor();
    expect(text(await card.textContent())).toContain('At closing: 6 of 8 member states present, 6 required.');
    expect(await card.getByRole('button', { name: 'Close the decision', exact: true }).count()).toBe(0);
    // The delegate's page follows: no more moves on a closed decision.
    await theirs.getByText('Closed: Adopted').waitFor();
    expect(await theirs.getByRole('button', { name: 'Object', exact: true }).count()).toBe(0);

    // "Create action item" from the adopted decision.
    await card.getByRole('button', { name: 'Create action item' }).click();
    const itemForm = card.getByRole('form', { name: 'New action item from this decision' });
    await itemForm.getByLabel('Title in English').fill('Publish the approved work plan');
    await itemForm.getByLabel('Title in Spanish').fill('Publicar el plan de trabajo aprobado');
    await itemForm.getByLabel('Owner', { exact: true }).selectOption('delegation');
    await itemForm.getByLabel('Owning delegation or body').selectOption({ label: 'Delegation HN' });
    const due = DateTime.now().setZone(ZONE).plus({ days: 60 }).toISODate()!;
    await itemForm.getByLabel('Due date').fill(due);
    await expectNoAxeViolations(chair, 'meeting page, action item form', { seriousOnly: true });
    await itemForm.getByRole('button', { name: 'Create the action item' }).click();
    await chair.getByRole('status').filter({ hasText: 'Action item created: Publish the approved work plan.' }).waitFor();
    await card.getByRole('link', { name: 'Open the action item: Publish the approved work plan' }).waitFor();
    const items = await ctx.db.query(
      `SELECT source_kind, owner_kind, owner_delegation_id, due_date::text AS due, title, meeting_id FROM action_items WHERE decision_id = $1`,
      [decision.id],
    );
    expect(items).toEqual([
      {
        source_kind: 'decision',
        owner_kind: 'delegation',
        owner_delegation_id: delegations[1],
        due,
        title: { en: 'Publish the approved work plan', es: 'Publicar el plan de trabajo aprobado' },
        meeting_id: open,
      },
    ]);
    await chair.screenshot({ path: `${SCREENSHOTS}/console-session-desktop.png`, fullPage: true });
  });

  it('circulates a silence procedure with a date-time picker (both zones shown), broken by a delegate with a reason, seen on the secretariat’s page', async () => {
    const chair = await world.open();
    await signInToConsole(chair, base, secretariat, { path: 'meetings' });
    await chair.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Silence procedures', exact: true }).click();
    await chair.getByRole('heading', { level: 1, name: 'Silence procedures' }).waitFor();
    await chair.getByText('No silence procedure yet.').waitFor();

    const form = chair.getByRole('form', { name: 'Circulate a decision in writing' });
    await form.getByLabel('Text in English').fill('The annual report is approved');
    await form.getByLabel('Text in Spanish').fill('Se aprueba el informe anual');
    // Five days ahead at 12:00 in the person's zone (Toronto).
    const at = DateTime.now().setZone('America/Toronto').plus({ days: 5 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    const picker = form.getByLabel('Silence deadline, your time (Toronto)');
    expect(await picker.getAttribute('type')).toBe('datetime-local');
    await picker.fill(at.toFormat("yyyy-MM-dd'T'HH:mm"));
    const shown = text(await form.locator('p', { hasText: 'The deadline:' }).textContent());
    expect(shown).toMatch(/The deadline: .*12:00 PM your time \(Toronto\).*11:00 AM council time \(Guatemala\)/);
    await expectNoAxeViolations(chair, 'silence procedures, circulating', { seriousOnly: true });
    await form.getByRole('button', { name: 'Circulate', exact: true }).click();
    await chair.getByRole('status').filter({ hasText: 'Circulated: The annual report is approved.' }).waitFor();
    const listed = chair.locator('.silence-item', { hasText: 'The annual report is approved' });
    await listed.waitFor();
    expect(text(await listed.textContent())).toMatch(
      /Open until the deadline.*Silence deadline .*your time \(Toronto\).*council time \(Guatemala\).*0 of 8 member states have responded\./,
    );
    const [procedure] = (await ctx.http().get(`/councils/${councilId}/silence-procedures`).expect(200)).body.items;
    silenceId = procedure.id;
    expect(Date.parse(procedure.deadline)).toBe(at.toMillis());
    expect(procedure.text).toEqual({ en: 'The annual report is approved', es: 'Se aprueba el informe anual' });

    await listed.getByRole('link', { name: 'The annual report is approved' }).click();
    await chair.getByRole('heading', { level: 1, name: 'Silence procedure' }).waitFor();
    expect(new URL(chair.url()).pathname).toBe(`/app/silence/${silenceId}`);
    const responded = chair.locator('.silence-responded');
    await chair.getByText('0 of 8 member states have responded.').waitFor();
    expect(await responded.getAttribute('aria-live')).toBe('polite');
    await chair.getByText('No member state has broken silence.').waitFor();

    // The delegate of GT breaks silence with a reason, in another browser context.
    const gt = await world.open();
    await signInToConsole(gt, base, delegate, { path: `silence/${silenceId}` });
    await gt.getByRole('button', { name: 'Break silence', exact: true }).click();
    const breakForm = gt.getByRole('form', { name: 'Break silence on this decision' });
    await breakForm.getByLabel('Reason for breaking silence').fill('The report omits the regional figures.');
    await breakForm.getByRole('button', { name: 'Break silence', exact: true }).click();
    await gt.getByRole('status').filter({ hasText: 'Your delegation has broken silence. The secretariat is told.' }).waitFor();
    await gt.getByRole('button', { name: 'Withdraw our break of silence' }).waitFor();
    await expectNoAxeViolations(gt, 'silence procedure, delegate, broken', { seriousOnly: true });

    // Seen on the secretariat's page without a reload.
    await chair.getByText('The report omits the regional figures.').waitFor();
    await chair.getByText('1 of 8 member states have responded.').waitFor();
    const broken = text(await chair.locator('.session-record').first().textContent());
    expect(broken).toMatch(
      /Delegation GT Stands ?Reason: The report omits the regional figures\. ?Recorded .*your time \(Toronto\).*council time \(Guatemala\)/,
    );
    expect(text(await chair.locator('.facts').textContent())).toContain('silence broken');
    await expectNoAxeViolations(chair, 'silence procedure, secretariat, broken', { seriousOnly: true });
    expect((await ctx.http().get(`/councils/${councilId}/silence-procedures/${silenceId}`).expect(200)).body).toMatchObject({
      silenceBroken: true,
      breaks: [{ delegationName: 'Delegation GT', reason: 'The report omits the regional figures.', withdrawnAt: null }],
    });

    // Withdrawn: the record keeps it, marked so.
    await gt.getByRole('button', { name: 'Withdraw our break of silence' }).click();
    await gt.getByRole('status').filter({ hasText: 'Your break of silence is withdrawn.' }).waitFor();
    await chair.locator('.session-record.withdrawn').waitFor();
    expect(text(await chair.locator('.session-record').first().textContent())).toContain('Withdrawn');
    await chair.screenshot({ path: `${SCREENSHOTS}/console-silence-desktop.png`, fullPage: true });
  });

  it('at 390 px: the meeting’s decisions and the silence pages fit the screen and pass axe', async () => {
    const page = await world.open({ viewport: PHONE });
    await signInToConsole(page, base, secretariat, { path: `meetings/${open}` });
    await decisionCard(page).getByText('Closed: Adopted').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'meeting page with decisions, phone', { seriousOnly: true });
    await page.screenshot({ path: `${SCREENSHOTS}/console-session-phone.png`, fullPage: true });

    await page.goto(`${base}/app/silence`);
    await page.getByRole('heading', { level: 1, name: 'Silence procedures' }).waitFor();
    await page.getByRole('link', { name: 'The annual report is approved' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'silence procedures, phone', { seriousOnly: true });

    const gt = await world.open({ viewport: PHONE });
    await signInToConsole(gt, base, delegate, { path: `silence/${silenceId}` });
    await gt.getByText('The report omits the regional figures.').waitFor();
    expect(await scrollWidth(gt)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(gt, 'silence procedure, delegate, phone', { seriousOnly: true });
    await gt.screenshot({ path: `${SCREENSHOTS}/console-silence-phone.png`, fullPage: true });
  });
});
