import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { PasswordHasher } from '../../src/modules/identity/password-hasher.service.js';
import type { TestContext } from './test-app.js';

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
    await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role, delegate_id) VALUES ($1, $2, 'delegate', $3)`, [userId, opts.councilId, delegateId]);
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
