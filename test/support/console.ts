import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../../src/core/embedded/free-port.js';
import { PasswordHasher } from '../../src/modules/identity/password-hasher.service.js';
import { launchChromium, newPage, watch } from './browser.js';
import { given } from './given.js';
import { createTestContext, type TestContext } from './test-app.js';

/** The password of every account made by `consoleAccount`. */
export const CONSOLE_PASSWORD = 'a console test password';

export interface ConsoleAccount {
  userId: string;
  delegateId?: string;
  email: string;
  password: string;
}

/**
 * An account that signs in to the console with a password: a delegate seat of the delegation (or, without
 * delegation, no seat), with the account's language.
 */
/** The smallest PDF the papers accept (its bytes say PDF; it has no page). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Member states of the council in rotation order: "State GT" with its delegation "Delegation GT" (unless
 * `delegations: false`), a code or a [code, capital's zone] pair each.
 */
export async function memberStates(
  ctx: TestContext,
  councilId: string,
  states: readonly (string | readonly [string, string])[],
  opts: { delegations?: boolean } = {},
): Promise<{ iso: string; participantId: string; delegationId: string }[]> {
  const council = given(ctx).inCouncil(councilId);
  const made = [];
  for (const [i, state] of states.entries()) {
    const [iso, timeZone] = typeof state === 'string' ? [state, undefined] : state;
    const seat = await council.memberState(`State ${iso}`, {
      iso,
      position: i + 1,
      timeZone,
      delegation: opts.delegations === false ? undefined : `Delegation ${iso}`,
    });
    made.push({ iso, participantId: seat.participantId, delegationId: seat.delegationId ?? '' });
  }
  return made;
}

/** A console account of the council's secretariat. */
export async function secretariatAccount(
  ctx: TestContext,
  councilId: string,
  opts: { fullName?: string; language?: 'es' | 'en' | 'fr' | 'pt' } = {},
): Promise<ConsoleAccount> {
  const account = await consoleAccount(ctx, { councilId, ...opts });
  await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [account.userId, councilId]);
  return account;
}

export async function consoleAccount(
  ctx: Pick<TestContext, 'app' | 'db'>,
  opts: { councilId: string; delegationId?: string; fullName?: string; language?: 'es' | 'en' | 'fr' | 'pt'; role?: 'head' | 'alternate' | 'adviser' },
): Promise<ConsoleAccount> {
  const email = `console-${randomBytes(5).toString('hex')}@test.protempore.org`;
  const fullName = opts.fullName ?? 'Console Delegate';
  const hash = await ctx.app.get(PasswordHasher).hash(CONSOLE_PASSWORD);
  const [{ id: userId }] = (await ctx.db.query(`INSERT INTO users (email, full_name, password_hash, preferred_language) VALUES ($1, $2, $3, $4) RETURNING id`, [
    email,
    fullName,
    hash,
    opts.language ?? 'en',
  ])) as { id: string }[];
  let delegateId: string | undefined;
  if (opts.delegationId) {
    [{ id: delegateId }] = (await ctx.db.query(
      `INSERT INTO delegates (council_id, delegation_id, full_name, email, role, preferred_language) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [opts.councilId, opts.delegationId, fullName, email, opts.role ?? 'head', opts.language ?? 'en'],
    )) as { id: string }[];
    await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role, delegate_id) VALUES ($1, $2, 'delegate', $3)`, [
      userId,
      opts.councilId,
      delegateId,
    ]);
  }
  return { userId: userId!, delegateId, email, password: CONSOLE_PASSWORD };
}

/** Opens the console (or `path` under /app/) and signs in with the form, as a person would (English labels by default). */
export async function signInToConsole(
  page: Page,
  base: string,
  account: Pick<ConsoleAccount, 'email' | 'password'>,
  opts: { path?: string; labels?: { email: string; password: string; submit: string } } = {},
): Promise<void> {
  const labels = opts.labels ?? { email: 'Email', password: 'Password', submit: 'Sign in' };
  await page.goto(`${base}/app/${opts.path ?? ''}`);
  await page.getByLabel(labels.email, { exact: true }).fill(account.email);
  await page.getByLabel(labels.password, { exact: true }).fill(account.password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await page.getByRole('navigation').waitFor();
}

/** The page's horizontal overflow: what scrolls sideways beyond the viewport. */
export const scrollWidth = (page: Page): Promise<number> => page.evaluate<number>('document.scrollingElement.scrollWidth');

/** A page's text as a person reads it: narrow and non-breaking spaces as spaces, runs of white space as one. */
export const plainText = (s: string | null): string =>
  (s ?? '')
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

type PageOptions = NonNullable<Parameters<typeof newPage>[2]>;

/** The real API and worker listening on a free port, Chromium, and the pages a test file opens. */
export interface ConsoleBrowser {
  ctx: TestContext;
  browser: Browser;
  /** http://127.0.0.1:<port>, where the console is at /app/. */
  base: string;
  /** A page in a new browser context (English, Toronto time unless told), watched for script errors and failed requests. */
  open(options?: PageOptions): Promise<Page>;
  /** Another tab of `page`'s browser context (its storage, its session), watched like it. */
  tab(page: Page, allowed?: PageOptions['allowed']): Promise<Page>;
}

/**
 * Sets up a console browser test file: call it at the top of the `describe`. Before all tests it starts
 * the app with its worker on a free port and launches Chromium; after each test it closes the test's
 * browser contexts and expects no script error, CSP refusal or failed request (other than `defaults.allowed`);
 * after all it closes everything. The returned object's fields are set once the first `beforeAll` has run.
 */
export function consoleInBrowser(defaults: PageOptions = {}): ConsoleBrowser {
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  const world = {
    async open(options: PageOptions = {}): Promise<Page> {
      const { context, page } = await newPage(world.browser, problems, { locale: 'en-US', timezoneId: 'America/Toronto', ...defaults, ...options });
      contexts.push(context);
      return page;
    },
    async tab(page: Page, allowed?: PageOptions['allowed']): Promise<Page> {
      const next = await page.context().newPage();
      watch(next, problems, allowed ?? defaults.allowed);
      return next;
    },
  } as ConsoleBrowser;
  beforeAll(async () => {
    const port = await freePort();
    world.base = `http://127.0.0.1:${port}`;
    world.ctx = await createTestContext({
      worker: true,
      env: { OUTBOX_RELAY_INTERVAL_MS: '200', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: world.base },
    });
    await world.ctx.app.listen(port, '127.0.0.1');
    world.browser = await launchChromium();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    expect(problems.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await world.browser?.close();
    await world.ctx?.close();
  });
  return world;
}
