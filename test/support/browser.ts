import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/**
 * The browser tests' Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH), driven by playwright-core.
 * Playwright's own browser download is never used (it cannot work here): `npm test` installs Debian's.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** axe-core's rule tags for WCAG 2.2 levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** Chromium, or an error saying how to install it (the browser tests fail without it; they do not skip). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there. ` +
        'On Debian: apt-get update && apt-get install -y chromium (npm test does it itself when run as root), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary. Never `playwright install`.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A new context and page that record what goes wrong in them: script errors, console errors (a CSP
 * refusal is one) and failed responses, except those `allowed` says are expected.
 */
export async function newPage(
  browser: Browser,
  problems: string[],
  options: BrowserContextOptions & { allowed?: (status: number, method: string, url: URL) => boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { allowed, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: DESKTOP, ...contextOptions });
  // Waits fail within 15 s (a page that will not show something does not hold the test for Playwright's 30 s).
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  watch(page, problems, allowed);
  return { context, page };
}

/** Records the page's script errors, console errors and failed responses (not `allowed` ones) into `problems`. */
export function watch(page: Page, problems: string[], allowed?: (status: number, method: string, url: URL) => boolean): void {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // A failed request is reported below, with its URL.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !allowed?.(res.status(), res.request().method(), new URL(res.url())))
      problems.push(`${res.status()} for ${res.request().method()} ${res.url()}`);
  });
}

/** axe-core's WCAG 2.2 A/AA checks on the page as it is. `seriousOnly`: only serious and critical violations count. */
export async function expectNoAxeViolations(page: Page, what: string, options: { seriousOnly?: boolean } = {}): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations
    .filter((v) => !options.seriousOnly || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect({ what, violations }).toEqual({ what, violations: [] });
  // The checks really ran (a page that failed to load would pass vacuously).
  expect(results.passes.length).toBeGreaterThan(10);
}

/**
 * Waits until `script` (an expression, evaluated in the page as by `page.evaluate`) is truthy. Not
 * `page.waitForFunction` with a string: that evaluates it with `eval` inside the page, which the
 * console's CSP (no 'unsafe-eval') refuses.
 */
export async function waitForScript(page: Page, script: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<unknown>(script))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${script}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
