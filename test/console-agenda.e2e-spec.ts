import { jest } from '@jest/globals';
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
  TINY_PDF,
} from './support/console.js';
import type { TestContext } from './support/test-app.js';

/**
 * The agenda builder in a real browser against the real API: a body's meeting gets its items (added with the form,
 * reordered with the keyboard only through "Move up"/"Move down", "Save order"); a paper in one working language
 * leaves the other listed as missing, owed by the presenter's delegation by the papers deadline; the body's backlog
 * gives an item to the agenda (scheduled) and loses one (withdrawn); after circulation a new item is supplementary,
 * and after the supplementary deadline only the chair accepts one ("Supplementary — awaiting the chair's
 * acceptance", "Accept"); an item is carried forward to the body's next meeting, named and linked. Axe's WCAG 2.2
 * A/AA checks (no serious or critical violation) and the 390 px phone viewport.
 */
jest.setTimeout(150_000);

const ZONE = 'America/Guatemala';
const DAY = 86_400_000;

describe('the web console: the agenda builder, in a browser', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let bodyId: string;
  let current: string;
  let next: string;
  let secretariat: ConsoleAccount;
  let chair: ConsoleAccount;
  const text = plainText;
  // Expected refusals: an item after the supplementary deadline without the chair's acceptance (409).
  const world = consoleInBrowser({
    allowed: (s, m, u) => s === 409 && m === 'POST' && u.pathname.endsWith('/agenda/items'),
  });
  const agenda = async (meetingId: string) =>
    (await ctx.http().get(`/councils/${councilId}/meetings/${meetingId}/agenda`).expect(200)).body as {
      status: string;
      items: {
        id: string;
        title: { en?: string };
        supplementary: boolean;
        acceptedByChair: boolean;
        status: string;
        presenterParticipantId: string | null;
      }[];
    };
  const titles = async (meetingId: string) => (await agenda(meetingId)).items.map((i) => i.title.en);
  const meeting = async (title: string, startsAt: Date) =>
    (
      await ctx
        .http()
        .post(`/councils/${councilId}/meetings`)
        .send({
          kind: 'working_group',
          bodyId,
          title,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString(),
          timeZone: ZONE,
          venue: 'San Salvador',
        })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    ({ ctx, base } = world);
    councilId = (
      await ctx
        .http()
        .post('/councils')
        .send({
          slug: 'agenda-console',
          name: 'Consejo del orden del día',
          workingLanguages: ['es', 'en'],
          timeZone: ZONE,
        })
        .expect(201)
    ).body.id;
    const delegationOf: Record<string, string> = {};
    const participantOf: Record<string, string> = {};
    for (const state of await memberStates(ctx, councilId, ['GT', 'HN', 'SV', 'NI', 'CR', 'PA', 'BZ', 'DO'])) {
      delegationOf[state.iso] = state.delegationId;
      participantOf[state.iso] = state.participantId;
    }
    // Guatemala holds the presidency now: its head of delegation is the chair.
    await ctx.db.query(
      `INSERT INTO presidency_terms (council_id, participant_id, period)
       VALUES ($1, $2, tstzrange(date_trunc('second', now()) - interval '30 days', date_trunc('second', now()) + interval '300 days', '[)'))`,
      [councilId, participantOf.GT],
    );
    bodyId = (
      (await ctx.db.query(`INSERT INTO bodies (council_id, kind, name) VALUES ($1, 'working_group', 'Working Group on Labour Mobility') RETURNING id`, [
        councilId,
      ])) as { id: string }[]
    )[0]!.id;
    secretariat = await secretariatAccount(ctx, councilId, { fullName: 'Sofía Secretaria', language: 'en' });
    chair = await consoleAccount(ctx, {
      councilId,
      delegationId: delegationOf.GT,
      fullName: 'Carmen Presidenta',
      language: 'en',
    });

    // This meeting of the body in 40 days (30 days' notice: it can be convened), and the next one in 70.
    current = await meeting('Labour mobility, first meeting', new Date(Date.now() + 40 * DAY));
    next = await meeting('Labour mobility, second meeting', new Date(Date.now() + 70 * DAY));
    // The backlog: an item proposed earlier, to be withdrawn.
    await ctx
      .http()
      .post(`/councils/${councilId}/bodies/${bodyId}/backlog`)
      .send({
        title: { en: 'Old proposal', es: 'Propuesta antigua' },
        purpose: 'information',
      })
      .expect(201);
  });

  it('builds the agenda by keyboard, lists the papers due by the presenter, schedules and withdraws backlog items, takes a supplementary item the chair accepts, and carries an item forward', async () => {
    const page = await world.open();
    await signInToConsole(page, base, secretariat, {
      path: `meetings/${current}`,
    });
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Labour mobility, first meeting',
      })
      .waitFor();
    await page.getByText('The agenda has no items yet.').waitFor();

    // Two items with the form; the first presented by Honduras.
    const form = page.getByRole('form', { name: 'Add an item' });
    for (const [en, es, presenter] of [
      ['Work plan', 'Plan de trabajo', 'State HN'],
      ['Regional report', 'Informe regional', ''],
    ] as const) {
      await form.getByLabel('Title in English').fill(en);
      await form.getByLabel('Title in Spanish').fill(es);
      if (presenter) await form.getByLabel('Presenter').selectOption({ label: presenter });
      await form.getByRole('button', { name: 'Add the item' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Item added at the end: ${en}.` })
        .waitFor();
    }
    const items = page.getByRole('list', { name: 'Agenda items, in order' }).locator(':scope > li');
    await page.getByRole('listitem', { name: 'Item 2: Regional report' }).waitFor();

    // Reordered with the keyboard only: Tab reaches the second item's "Move up", Enter presses it; Space saves.
    await items.nth(0).getByRole('button', { name: 'Move down', exact: true }).focus();
    const focused = () => page.evaluate<string | null | undefined>('document.activeElement?.textContent');
    // (past the second item's "Attach a paper")
    for (let tabs = 0; tabs < 4 && (await focused()) !== 'Move up'; tabs++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Move up');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Regional report moved to position 1 of 2.' }).waitFor();
    await page.getByRole('button', { name: 'Save order', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: 'The new order is saved.' }).waitFor();
    expect(await titles(current)).toEqual(['Regional report', 'Work plan']);

    // A paper in English for Honduras' item: Spanish is listed as missing, owed by Honduras by the papers deadline.
    const workPlan = page.getByRole('listitem', { name: 'Item 2: Work plan' });
    await workPlan.getByText('Attach a paper', { exact: true }).click();
    const upload = workPlan.getByRole('form', {
      name: 'Attach a paper to Work plan',
    });
    await upload.getByLabel('Language of the paper').selectOption('en');
    await upload.getByLabel(/^Title of the paper/).fill('Draft work plan');
    await upload.getByLabel(/^File/).setInputFiles({
      name: 'work-plan.pdf',
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await upload.getByRole('button', { name: 'Upload the paper' }).click();
    await page.getByRole('status').filter({ hasText: 'Paper uploaded: Draft work plan (English).' }).waitFor();
    await workPlan.getByText('No paper yet in: Spanish').waitFor();
    const owed = text(await workPlan.locator('.papers-owed').textContent());
    expect(owed).toMatch(/Due from State HN \(the presenter's delegation\), by .*meeting time \(Guatemala\)/);
    expect(text(await workPlan.textContent())).toContain('English: Draft work plan (work-plan.pdf, version 1)');
    const due = page.getByRole('region', { name: 'Papers due' });
    expect(text(await due.textContent())).toContain('State HN');
    expect(text(await due.textContent())).toContain('Item 2, Work plan: Spanish');
    expect(text(await due.textContent())).toContain('Item 1, Regional report: Spanish, English');

    // The body's backlog: an item proposed with the form, then scheduled onto this agenda; the old one withdrawn.
    const backlog = page.getByRole('region', { name: 'Backlog of the body' });
    await backlog.getByText('1 item proposed.').waitFor();
    await backlog.getByText('Propose an item for the backlog', { exact: true }).click();
    const propose = backlog.getByRole('form', {
      name: 'Propose an item for the backlog',
    });
    await propose.getByLabel('Title in English').fill('Skills recognition');
    await propose.getByLabel('Title in Spanish').fill('Reconocimiento de competencias');
    await propose.getByLabel(/^Why it should be discussed/).fill('Several states asked for it.');
    await propose.getByRole('button', { name: 'Add to the backlog' }).click();
    await backlog.getByRole('status').filter({ hasText: 'Added to the backlog: Skills recognition.' }).waitFor();
    await backlog.getByText('2 items proposed.').waitFor();
    const skills = backlog.getByRole('listitem', {
      name: 'Skills recognition',
    });
    expect(text(await skills.textContent())).toContain('proposed by the secretariat');
    await skills.getByRole('button', { name: 'Schedule on this agenda' }).click();
    await backlog.getByRole('status').filter({ hasText: 'Scheduled on this agenda: Skills recognition.' }).waitFor();
    await page.getByRole('listitem', { name: 'Item 3: Skills recognition' }).waitFor();
    await backlog.getByRole('listitem', { name: 'Old proposal' }).getByRole('button', { name: 'Withdraw' }).click();
    await backlog.getByRole('status').filter({ hasText: 'Withdrawn from the backlog: Old proposal.' }).waitFor();
    await backlog.getByText('0 items proposed.').waitFor();
    await backlog.getByText('2 other items are already scheduled or withdrawn.').waitFor();
    expect(await titles(current)).toEqual(['Regional report', 'Work plan', 'Skills recognition']);
    await expectNoAxeViolations(page, 'agenda with papers due and backlog', {
      seriousOnly: true,
    });

    // Convened and circulated: an item added now is supplementary.
    await page.getByRole('button', { name: 'Convene', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The meeting is now: Convened.' }).waitFor();
    await page.getByRole('button', { name: 'Circulate the agenda', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The agenda is circulated.' }).waitFor();
    await form.getByText('The agenda is circulated: an item added now is supplementary.').waitFor();
    await form.getByLabel('Title in English').fill('Seasonal workers');
    await form.getByRole('button', { name: 'Add the item' }).click();
    await page.getByRole('status').filter({ hasText: 'Item added at the end: Seasonal workers.' }).waitFor();
    const seasonal = page.getByRole('listitem', {
      name: 'Item 4: Seasonal workers',
    });
    expect(text(await seasonal.locator('h3').textContent())).toContain('Supplementary');
    expect((await agenda(current)).items[3]).toMatchObject({
      supplementary: true,
      acceptedByChair: false,
    });

    // The supplementary deadline passes (72 hours before the start; moved here by SQL): the secretariat is refused.
    await ctx.db.query(`UPDATE meeting_agendas SET supplementary_deadline = now() - interval '1 hour' WHERE meeting_id = $1`, [current]);
    await page.reload();
    await page.getByRole('listitem', { name: 'Item 4: Seasonal workers' }).waitFor();
    await form.getByText(/only the chair can accept a new item/).waitFor();
    await form.getByLabel('Title in English').fill('Border incident');
    await form.getByRole('button', { name: 'Add the item' }).click();
    const waiting = page.getByRole('region', {
      name: /Supplementary — awaiting the chair's acceptance/,
    });
    await waiting.waitFor();
    expect(text(await waiting.textContent())).toContain('only the chair can accept an item');
    expect(await waiting.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    await waiting.getByRole('button', { name: 'Discard', exact: true }).click();
    expect(await titles(current)).toHaveLength(4);

    // The chair (Guatemala's head of delegation) proposes it and accepts it.
    const chairPage = await world.open();
    await signInToConsole(chairPage, base, chair, {
      path: `meetings/${current}`,
    });
    await chairPage
      .getByRole('heading', {
        level: 1,
        name: 'Labour mobility, first meeting',
      })
      .waitFor();
    const chairForm = chairPage.getByRole('form', { name: 'Add an item' });
    await chairForm.getByText(/as the chair, you accept a new item/).waitFor();
    await chairForm.getByLabel('Title in English').fill('Border incident');
    await chairForm.getByLabel('Title in Spanish').fill('Incidente fronterizo');
    await chairForm.getByLabel('Purpose').selectOption('decision');
    await chairForm.getByRole('button', { name: 'Add the item' }).click();
    const awaiting = chairPage.getByRole('region', {
      name: /Supplementary — awaiting the chair's acceptance/,
    });
    await awaiting.waitFor();
    expect(text(await awaiting.textContent())).toContain('Border incident');
    expect(await chairPage.getByRole('button', { name: 'Move up', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(chairPage, 'agenda, an item awaiting the chair', { seriousOnly: true });
    await awaiting.getByRole('button', { name: 'Accept', exact: true }).click();
    await chairPage
      .getByRole('status')
      .filter({
        hasText: 'Item accepted by the chair and added at the end: Border incident.',
      })
      .waitFor();
    const accepted = chairPage.getByRole('listitem', {
      name: 'Item 5: Border incident',
    });
    expect(text(await accepted.locator('h3').textContent())).toContain('Supplementary — accepted by the chair');
    expect((await agenda(current)).items[4]).toMatchObject({
      supplementary: true,
      acceptedByChair: true,
    });

    // Carried forward: "Regional report" to the body's next meeting, named and linked.
    await page.reload();
    const report = page.getByRole('listitem', {
      name: 'Item 1: Regional report',
    });
    await report.getByText('Carry forward', { exact: true }).click();
    const carry = report.getByRole('form', {
      name: 'Carry Regional report forward',
    });
    const to = carry.getByLabel('To the meeting');
    await to.locator('option').first().waitFor({ state: 'attached' });
    expect(text(await to.locator('option:checked').textContent())).toContain('Labour mobility, second meeting');
    await carry.getByRole('button', { name: 'Carry the item forward' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: 'Regional report carried to: Labour mobility, second meeting.',
      })
      .waitFor();
    const link = report.getByRole('link', {
      name: 'Labour mobility, second meeting',
    });
    expect(text(await report.locator('.carried-to').textContent())).toBe('Carried to: Labour mobility, second meeting');
    // The item's status comes with the agenda's next read, a moment after the confirmation.
    await report.locator('h3').filter({ hasText: 'Carried forward' }).waitFor();
    expect((await agenda(current)).items[0]!.status).toBe('carried_forward');
    await expectNoAxeViolations(page, 'agenda, circulated, an item carried forward', { seriousOnly: true });
    await page.screenshot({
      path: `${SCREENSHOTS}/console-agenda-desktop.png`,
      fullPage: true,
    });
    await link.click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Labour mobility, second meeting',
      })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/meetings/${next}`);
    await page.getByRole('listitem', { name: 'Item 1: Regional report' }).waitFor();
    expect(await titles(next)).toEqual(['Regional report']);
  });

  it('at 390 px: the agenda, its papers due and the backlog fit the screen and pass axe', async () => {
    const page = await world.open({ viewport: PHONE });
    await signInToConsole(page, base, secretariat, {
      path: `meetings/${current}`,
    });
    await page.getByRole('listitem', { name: 'Item 2: Work plan' }).waitFor();
    await page.getByRole('region', { name: 'Backlog of the body' }).waitFor();
    await page.getByRole('listitem', { name: 'Item 2: Work plan' }).getByText('Carry forward', { exact: true }).click();
    await page.getByRole('form', { name: 'Carry Work plan forward' }).getByLabel('To the meeting').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'agenda, phone', { seriousOnly: true });
    expect(await page.getByRole('button', { name: 'Move down', exact: true }).first().isVisible()).toBe(true);
    await page.screenshot({
      path: `${SCREENSHOTS}/console-agenda-phone.png`,
      fullPage: true,
    });
  });
});
