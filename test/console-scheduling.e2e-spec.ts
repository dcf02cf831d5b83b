import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, PHONE, SCREENSHOTS, waitForScript } from './support/browser.js';
import { type ConsoleAccount, consoleInBrowser, plainText, scrollWidth, signInToConsole, memberStates, secretariatAccount } from './support/console.js';
import type { TestContext } from './support/test-app.js';

/**
 * The console's scheduling in a real browser against the real API: "Plan a meeting" with the date/time pickers in
 * the meeting's zone and, while the time is chosen, each capital's local times flagged in words when outside working
 * hours (the flag clears when the time moves); saving opens the meeting, where convening too early names the earliest
 * start; a recurring series (every other Tuesday) with its occurrences, one moved and one cancelled; the meetings
 * calendar of a month with links, navigated by keyboard; axe's WCAG 2.2 checks and the 390 px phone viewport.
 */
jest.setTimeout(150_000);

const ZONE = 'America/Guatemala';
const CAPITALS: [string, string][] = [
  ['GT', 'America/Guatemala'],
  ['HN', 'America/Tegucigalpa'],
  ['SV', 'America/El_Salvador'],
  ['CR', 'America/Costa_Rica'],
  ['PA', 'America/Panama'],
  ['DO', 'America/Santo_Domingo'],
  ['MX', 'America/Mexico_City'],
  ['ES', 'Europe/Madrid'],
];

describe('the web console: planning meetings, series and the calendar, in a browser', () => {
  let ctx: TestContext;
  let base: string;
  let councilId: string;
  let secretariat: ConsoleAccount;
  let plannedId: string;
  let seriesId: string;
  const text = plainText;
  /** A picker's text without the bidirectional isolation marks around its time. */
  const picked = (s: string | null) => text(s).replace(/[\u2066-\u2069\u200e\u200f]/g, '');
  // A refused convening is an expected 409.
  const world = consoleInBrowser({ allowed: (s, m, u) => s === 409 && m === 'POST' && u.pathname.endsWith('/transitions') });
  // The meeting's day: in 10 days (too soon to convene a working group: 30 days' notice), in the council's zone.
  const day = DateTime.now().setZone(ZONE).plus({ days: 10 });
  const month = day.toFormat('yyyy-MM');

  /** The start picker's segments (month, day, year, hour, minute), in the form. */
  const segments = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true }).getByRole('spinbutton');
  const capitalRow = (page: Page, name: string) =>
    page.getByRole('table', { name: 'Local times in the capitals' }).getByRole('row', { name: new RegExp(`^${name}`) });

  beforeAll(async () => {
    ({ ctx, base } = world);
    const council = await ctx
      .http()
      .post('/councils')
      .send({ slug: 'scheduling-console', name: 'Consejo de calendario', workingLanguages: ['es', 'en'], timeZone: ZONE })
      .expect(201);
    councilId = council.body.id;
    await memberStates(ctx, councilId, CAPITALS, { delegations: false });
    secretariat = await secretariatAccount(ctx, councilId, { fullName: 'Sofía Secretaria', language: 'en' });
  });

  it('plans a meeting by keyboard, sees the capitals outside working hours, moves the time until the flag clears, saves, and is refused an early convening', async () => {
    const page = await world.open();
    await signInToConsole(page, base, secretariat, { path: 'meetings' });
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByRole('link', { name: 'Plan a meeting', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan a meeting' }).waitFor();
    // The council's zone is the default.
    expect(await page.getByLabel('Time zone of the meeting').inputValue()).toBe(ZONE);

    // By keyboard: the title, then the start typed segment by segment (mm/dd/yyyy, HH:mm, 24-hour): 06:00.
    await page.getByLabel('Title', { exact: true }).focus();
    await page.keyboard.type('Working group on water');
    await segments(page, 'Start').first().focus();
    await page.keyboard.type(`${day.toFormat('MMddyyyy')}0600`);
    // The end followed the start (three hours, the first proposal's length).
    await waitForScript(page, `document.querySelector('.plan-form')?.textContent?.includes('09')`);
    const start = page.getByRole('group', { name: 'Start', exact: true });
    const end = page.getByRole('group', { name: 'End', exact: true });
    expect(picked(await start.textContent())).toContain(`${day.toFormat('MM/dd/yyyy')}, 06:00`);
    expect(picked(await end.textContent())).toContain(`${day.toFormat('MM/dd/yyyy')}, 09:00`);

    // The capitals: Guatemala starts before 08:00 (outside, in words); Madrid is in its afternoon.
    const status = page.locator('.capitals-summary');
    await status.filter({ hasText: 'Outside working hours (08:00–18:00) in' }).waitFor();
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await capitalRow(page, 'State GT').filter({ hasText: 'Outside working hours' }).waitFor();
    expect(text(await capitalRow(page, 'State GT').textContent())).toMatch(/Guatemala.*06:00.*09:00.*Outside working hours/);
    expect(text(await capitalRow(page, 'State ES').textContent())).toMatch(/Madrid.*13:00.*16:00.*Within working hours/);
    expect(text(await status.textContent())).toContain('State GT');
    await expectNoAxeViolations(page, 'plan a meeting, outside working hours', { seriousOnly: true });

    // Two hours later with the arrow key on the start's hour: 08:00–11:00 in Guatemala, 15:00–18:00 in Madrid.
    await segments(page, 'Start').nth(3).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await status.filter({ hasText: 'Within working hours (08:00–18:00) in every capital.' }).waitFor();
    expect(text(await capitalRow(page, 'State GT').textContent())).toMatch(/08:00.*11:00.*Within working hours/);
    expect(text(await capitalRow(page, 'State ES').textContent())).toMatch(/15:00.*18:00.*Within working hours/);
    expect(await page.getByText('Outside working hours', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/console-plan-meeting-desktop.png`, fullPage: true });

    await page.getByLabel('Place', { exact: true }).focus();
    await page.keyboard.type('Antigua Guatemala');
    await page.getByRole('button', { name: 'Save the meeting', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Working group on water' }).waitFor();
    plannedId = new URL(page.url()).pathname.split('/').pop()!;
    const saved = (await ctx.http().get(`/councils/${councilId}/meetings/${plannedId}`).expect(200)).body;
    const expectedStart = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: 8 }, { zone: ZONE });
    expect(saved).toMatchObject({ kind: 'working_group', timeZone: ZONE, venue: 'Antigua Guatemala', status: 'draft' });
    expect(new Date(saved.startsAt).getTime()).toBe(expectedStart.toMillis());
    expect(new Date(saved.endsAt).getTime()).toBe(expectedStart.plus({ hours: 3 }).toMillis());

    // Convening in 10 days: refused, with the earliest allowed start.
    await page.getByRole('button', { name: 'Convene', exact: true }).focus();
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(text(await alert.textContent())).toMatch(/30 days' notice.*Earliest allowed start: .*your time \(Toronto\).*meeting time \(Guatemala\)/);
  });

  it('creates a series every other Tuesday, lists its occurrences, moves one, cancels one and ends it', async () => {
    const page = await world.open();
    await signInToConsole(page, base, secretariat, { path: 'series' });
    await page.getByRole('heading', { level: 1, name: 'Recurring series' }).waitFor();
    await page.getByText('No series yet.').waitFor();
    await page.getByRole('link', { name: 'New series', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'New recurring series' }).waitFor();
    await page.getByLabel('Title of every meeting').fill('Technical committee');
    await page.getByLabel('Every how many weeks').fill('2');
    await page.getByLabel('Every how many weeks').press('Tab');
    expect(await page.getByLabel('Weekday', { exact: true }).inputValue()).toBe('TU');
    await page.getByRole('status').filter({ hasText: 'Every 2 weeks on Tuesday, 10:00 Guatemala time · 6 meetings' }).waitFor();
    await expectNoAxeViolations(page, 'new series', { seriousOnly: true });
    await page.getByRole('button', { name: 'Create the series', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Technical committee' }).waitFor();
    seriesId = new URL(page.url()).pathname.split('/').pop()!;
    expect(text(await page.locator('.series-rule-text').textContent())).toBe('Every 2 weeks on Tuesday, 10:00 Guatemala time · 6 meetings');

    const list = page.getByRole('list', { name: '6 meetings, by date' });
    await list.waitFor();
    const series = (await ctx.http().get(`/councils/${councilId}/series/${seriesId}`).expect(200)).body;
    const dates = (series.occurrences as { occurrenceDate: string }[]).map((o) => o.occurrenceDate);
    expect(dates).toHaveLength(6);
    for (const d of dates) expect(DateTime.fromISO(d).weekday).toBe(2);
    expect(DateTime.fromISO(dates[1]!).diff(DateTime.fromISO(dates[0]!), 'days').days).toBe(14);
    const words = (d: string) => DateTime.fromISO(d).setLocale('en').toLocaleString(DateTime.DATE_MED);

    // The first one an hour later (its own time): the arrow key on the start's hour, saved.
    await page.getByRole('button', { name: `Move the meeting of ${words(dates[0]!)}` }).click();
    const move = page.getByRole('form', { name: `New time for the meeting of ${words(dates[0]!)}` });
    await move.getByRole('group', { name: 'Start', exact: true }).getByRole('spinbutton').nth(3).focus();
    await page.keyboard.press('ArrowUp');
    await move.getByRole('button', { name: 'Save the new time' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The meeting of ${words(dates[0]!)} is moved.` })
      .waitFor();
    await list.locator(':scope > li').first().getByText("Moved from the series' time").waitFor();
    // The second one cancelled.
    await page.getByRole('button', { name: `Cancel the meeting of ${words(dates[1]!)}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The meeting of ${words(dates[1]!)} is cancelled.` })
      .waitFor();
    await list.locator(':scope > li').nth(1).getByText('Cancelled', { exact: true }).waitFor();
    const after = (await ctx.http().get(`/councils/${councilId}/series/${seriesId}`).expect(200)).body;
    const [first, second, third] = after.occurrences as { moved: boolean; meeting: { startsAt: string; status: string; timeZone: string } }[];
    expect(first!.moved).toBe(true);
    expect(DateTime.fromISO(first!.meeting.startsAt).setZone(ZONE).toFormat('HH:mm')).toBe('11:00');
    expect(second!.meeting.status).toBe('cancelled');
    expect(third).toMatchObject({ moved: false, meeting: { status: 'draft' } });
    await expectNoAxeViolations(page, 'series page', { seriousOnly: true });
    await page.screenshot({ path: `${SCREENSHOTS}/console-series-desktop.png`, fullPage: true });

    // Ending it: its future drafts are cancelled.
    await page.getByRole('button', { name: 'End the series', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The series has ended' }).waitFor();
    const ended = (await ctx.http().get(`/councils/${councilId}/series/${seriesId}`).expect(200)).body;
    expect(ended.status).toBe('ended');
    expect((ended.occurrences as { meeting: { status: string } }[]).every((o) => o.meeting.status === 'cancelled')).toBe(true);
    expect(await page.getByRole('button', { name: /^Move the meeting/ }).count()).toBe(0);
    // An occurrence's meeting page leads back to its series.
    await list.locator(':scope > li').nth(2).getByRole('link', { name: 'Technical committee' }).click();
    await page.getByRole('heading', { level: 1, name: 'Technical committee' }).waitFor();
    await page.getByRole('link', { name: 'See the series', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Meetings of the series' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/series/${seriesId}`);
  });

  it('shows the month of meetings in the calendar with links, moves between days and months by keyboard', async () => {
    const page = await world.open();
    await signInToConsole(page, base, secretariat, { path: `meetings/calendar?month=${month}` });
    await page.getByRole('heading', { level: 1, name: 'Meetings calendar' }).waitFor();
    const monthName = day.setLocale('en').toFormat('LLLL yyyy');
    await page.getByRole('heading', { level: 2, name: monthName }).waitFor();
    const grid = page.getByRole('grid', { name: monthName });
    const link = grid.getByRole('link', { name: 'Working group on water' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/app/meetings/${plannedId}`);
    const cell = grid.locator(`[data-day="${DateTime.fromISO(saved(day)).toISODate()}"]`);
    expect(text(await cell.textContent())).toMatch(/09:00 your time · 08:00 Guatemala time Working group on water/);
    const inMonth = ((await ctx.http().get(`/councils/${councilId}/meetings`).query({ limit: 200 }).expect(200)).body.items as { startsAt: string }[]).filter(
      (m) => DateTime.fromISO(m.startsAt).setZone('America/Toronto').toFormat('yyyy-MM') === month,
    ).length;
    await page
      .getByRole('status')
      .filter({ hasText: `${monthName}: ${inMonth} meeting` })
      .waitFor();
    expect(await grid.getByRole('link').count()).toBe(inMonth);
    await expectNoAxeViolations(page, 'meetings calendar', { seriousOnly: true });
    await page.screenshot({ path: `${SCREENSHOTS}/console-calendar-desktop.png`, fullPage: true });

    // Keyboard: into the grid (its one focus stop), a day on, a week on, then the next month.
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    const next = day.plus({ days: 1 });
    const focusedDay = () => page.evaluate<string | undefined>('document.activeElement?.getAttribute("data-day")');
    await waitForScript(page, `document.activeElement?.getAttribute('data-day') === '${next.toISODate()}' || ${!next.hasSame(day, 'month')}`);
    await page.keyboard.press('PageDown');
    const following = day.plus({ months: 1 });
    await page.getByRole('heading', { level: 2, name: following.setLocale('en').toFormat('LLLL yyyy') }).waitFor();
    await page.waitForURL(new RegExp(`month=${following.toFormat('yyyy-MM')}`));
    await waitForScript(page, `document.activeElement?.getAttribute('data-day')?.startsWith('${following.toFormat('yyyy-MM')}')`);
    expect(await focusedDay()).toMatch(new RegExp(`^${following.toFormat('yyyy-MM')}`));
    await page.keyboard.press('PageUp');
    await page.getByRole('heading', { level: 2, name: monthName }).waitFor();
    await grid.getByRole('link', { name: 'Working group on water' }).click();
    await page.getByRole('heading', { level: 1, name: 'Working group on water' }).waitFor();
  });

  it('at 390 px: the planning form, the series page and the calendar (an agenda) fit the screen and pass axe', async () => {
    const page = await world.open({ viewport: PHONE });
    await signInToConsole(page, base, secretariat, { path: 'meetings/new' });
    await page.getByRole('heading', { level: 1, name: 'Plan a meeting' }).waitFor();
    await page.locator('.capitals-summary').filter({ hasText: 'working hours' }).waitFor();
    await page.getByRole('table', { name: 'Local times in the capitals' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'plan a meeting, phone', { seriousOnly: true });
    await page.screenshot({ path: `${SCREENSHOTS}/console-plan-meeting-phone.png`, fullPage: true });

    await page.goto(`${base}/app/series/${seriesId}`);
    await page.getByRole('heading', { level: 1, name: 'Technical committee' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'series page, phone', { seriousOnly: true });

    await page.goto(`${base}/app/meetings/calendar?month=${month}`);
    const link = page.getByRole('link', { name: 'Working group on water' });
    await link.waitFor();
    expect(await link.isVisible()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // An agenda: the weekday header and the days without meetings are not shown.
    const shown = await page.evaluate<number>(`[...document.querySelectorAll('.month-grid td')].filter((td) => td.getClientRects().length > 0).length`);
    const busy = await page.evaluate<number>(`document.querySelectorAll('.month-grid td.day-busy').length`);
    expect(shown).toBe(busy);
    expect(text(await page.locator('.month-grid td.day-busy').first().textContent())).toMatch(/^\w+day, \w+ \d+, \d{4}/);
    await expectNoAxeViolations(page, 'meetings calendar, phone', { seriousOnly: true });
    await page.screenshot({ path: `${SCREENSHOTS}/console-calendar-phone.png`, fullPage: true });
  });
});

/** The planned meeting's start (08:00 in Guatemala on `day`), as the person's (Toronto) date. */
function saved(day: DateTime): string {
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: 8 }, { zone: ZONE }).setZone('America/Toronto').toISO()!;
}
