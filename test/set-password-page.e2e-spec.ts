import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../src/core/embedded/free-port.js';
import { type Actor, secretariat } from './support/actors.js';
import { expectNoAxeViolations, launchChromium, newPage as openPage, PHONE, SCREENSHOTS } from './support/browser.js';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * The page the emailed set-password link opens, in a real browser
 * (Debian's Chromium, driven by playwright-core) against the real API, worker
 * and SMTP sink: the link from the email, the page in the person's language
 * (else the browser's, else English), the password typed by keyboard, the
 * person signed in, the refusals of a used, expired or unknown link, the old
 * path redirected, and axe's WCAG 2.2 AA checks at desktop and phone widths.
 */
jest.setTimeout(120_000);

describe('the set-password page, in a browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  let councilId: string;
  let delegationId: string;
  let sec: Actor;
  let seats = 0;
  /** What went wrong in the pages: script errors, console errors (a CSP refusal is one). */
  const pageProblems: string[] = [];

  async function seat(language: string): Promise<string> {
    const [{ id }] = await ctx.db.query(
      `INSERT INTO delegates (council_id, delegation_id, full_name, email, role, preferred_language, time_zone)
       VALUES ($1, $2, 'Seat', $3, 'adviser', $4, 'America/Mexico_City') RETURNING id`,
      [councilId, delegationId, `page-seat-${++seats}@test.protempore.org`, language],
    );
    return id;
  }
  const mailsTo = (email: string) => ctx.mail.messages.filter((m) => m.to.includes(email));
  /** The link of the n-th email (1-based) to the address, as the person would click it. */
  async function linkIn(email: string, n = 1): Promise<string> {
    await ctx.mail.waitFor(() => mailsTo(email).length >= n, 30_000);
    const url = /(https?:\/\/\S+\/set-password\?\S+)/.exec(mailsTo(email)[n - 1]!.text)?.[1];
    if (!url) throw new Error(`no set-password link in the email to ${email}`);
    return url;
  }
  /** A delegate account of the council, created by its secretariat: the link goes by email. */
  async function account(email: string, fullName: string, language: string): Promise<{ userId: string; link: string }> {
    const delegateId = await seat(language);
    const res = await ctx.anonymous().post(`/councils/${councilId}/users`).set(sec.auth).send({ email, fullName, role: 'delegate', delegateId }).expect(201);
    return { userId: res.body.user.id as string, link: await linkIn(email) };
  }

  async function newPage(options: { locale: string; viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page }> {
    // A refused link is a 400 of POST /auth/password, which the page shows; nothing else may fail.
    return openPage(browser, pageProblems, {
      locale: options.locale,
      timezoneId: 'America/Mexico_City',
      ...(options.viewport ? { viewport: options.viewport } : {}),
      allowed: (status, method, url) => status === 400 && method === 'POST' && url.pathname === '/auth/password',
    });
  }

  /** The id of the focused element (evaluated in the page: the tests have no DOM types). */
  const activeId = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');

  /** Tabs from the top of the page to the element: the page works by keyboard. */
  async function tabTo(page: Page, id: string): Promise<void> {
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      if ((await activeId(page)) === id) return;
    }
    throw new Error(`#${id} is not reachable with the Tab key`);
  }

  beforeAll(async () => {
    // The API listens on a real port, and the links it emails point there.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ctx = await createTestContext({ worker: true, env: { OUTBOX_RELAY_INTERVAL_MS: '100', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: base } });
    await ctx.app.listen(port, '127.0.0.1');
    browser = await launchChromium();

    [{ id: councilId }] = await ctx.db.query(
      `INSERT INTO councils (slug, name, working_languages) VALUES ('sp-page', 'Consejo SP', '{es,en,fr,pt}') RETURNING id`,
    );
    ({ delegationId } = await given(ctx).inCouncil(councilId).memberState('México', { iso: 'MX', position: 1, delegation: 'Delegación MX' }));
    sec = await secretariat(ctx, councilId);
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => {
    // No script error and no CSP refusal on any page of the test.
    expect(pageProblems.splice(0)).toEqual([]);
  });

  it('a Spanish account: the emailed link opens the page in Spanish; the password set by keyboard signs the person in', async () => {
    const { userId, link } = await account('ana.page@test.protempore.org', 'Ana López', 'es');
    expect(link.startsWith(`${base}/app/set-password?token=`)).toBe(true);
    expect(new URL(link).searchParams.get('lang')).toBe('es');

    // The browser speaks English: the link's language (the email's) wins.
    const { context, page } = await newPage({ locale: 'en-US' });
    const response = (await page.goto(link))!;
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain(`script-src 'self'`);
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.title()).toBe('Establezca su contraseña — Plataforma del consejo');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Establezca su contraseña');
    expect(await page.getByLabel('Nueva contraseña', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Confirme la nueva contraseña').count()).toBe(1);
    expect(await page.getByText('De 12 a 200 caracteres.', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Establecer mi contraseña' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/set-password-desktop.png`, fullPage: true });
    await expectNoAxeViolations(page, 'desktop, empty form');

    // By keyboard: a password too short first — the error is on the field, announced through its description.
    await tabTo(page, 'password');
    await page.keyboard.type('corta');
    await page.keyboard.press('Tab');
    await page.keyboard.type('corta');
    await page.keyboard.press('Enter');
    const password = page.locator('#password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#password-error').textContent()).toBe('La contraseña debe tener al menos 12 caracteres.');
    expect(await activeId(page)).toBe('password');
    expect(await password.getAttribute('aria-describedby')).toBe('password-hint password-error');
    // Then two passwords that differ.
    const chosen = 'mi contraseña de prueba';
    await page.keyboard.press('Control+A');
    await page.keyboard.type(chosen);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('otra contraseña distinta');
    await page.keyboard.press('Enter');
    expect(await password.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#confirm').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#confirm-error').textContent()).toBe('Las dos contraseñas no coinciden.');
    expect(await activeId(page)).toBe('confirm');
    await page.screenshot({ path: `${SCREENSHOTS}/set-password-desktop-errors.png`, fullPage: true });
    await expectNoAxeViolations(page, 'desktop, errors shown');

    // The show-passwords box, by keyboard too.
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('show-passwords');
    await page.keyboard.press('Space');
    expect(await password.getAttribute('type')).toBe('text');
    await page.keyboard.press('Space');
    expect(await password.getAttribute('type')).toBe('password');

    // Corrected, and sent with Enter from the confirmation field.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(chosen);
    const me = page.waitForResponse((r) => r.url().endsWith('/auth/me'));
    await page.keyboard.press('Enter');
    expect((await me).status()).toBe(200);
    const success = page.getByRole('heading', { name: 'Su contraseña está establecida' });
    await success.waitFor();
    expect(await page.locator('#signed-in').textContent()).toBe('Ha iniciado sesión como Ana López.');
    expect(await activeId(page)).toBe('success-title');
    expect(await page.getByRole('link', { name: 'Ir a la plataforma del consejo' }).getAttribute('href')).toBe('./');
    // The used link is gone from the address bar; nothing was stored in the browser.
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    expect(await page.locator('nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '?lang=es',
      '?lang=en',
      '?lang=fr',
      '?lang=pt',
    ]);
    expect(await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    await page.screenshot({ path: `${SCREENSHOTS}/set-password-desktop-success.png`, fullPage: true });
    await expectNoAxeViolations(page, 'desktop, signed in');

    // The password works; the page's session was started by the link, and audited.
    await ctx.anonymous().post('/auth/login').send({ email: 'ana.page@test.protempore.org', password: chosen }).expect(200);
    const audit = await ctx.db.query(
      `SELECT action, actor_id, after FROM audit_log WHERE entity_id = $1 AND action IN ('user.password_set', 'session.started') ORDER BY id`,
      [userId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.password_set', 'session.started', 'session.started']);
    expect(audit[1]).toMatchObject({ actor_id: userId, after: { via: 'password_link' } });

    // The same link again: the page says it was used, and offers no form any more.
    await page.goto(link);
    await page.getByLabel('Nueva contraseña', { exact: true }).fill('una contraseña más larga');
    await page.getByLabel('Confirme la nueva contraseña').fill('una contraseña más larga');
    await page.getByRole('button', { name: 'Establecer mi contraseña' }).click();
    const alert = page.getByRole('alert');
    await page.getByText('Este enlace ya se utilizó', { exact: false }).waitFor();
    expect(await alert.textContent()).toBe(
      'Este enlace ya se utilizó o fue sustituido por uno más reciente. Si estableció su contraseña con él, inicie sesión con esa contraseña; si no, pida un enlace nuevo a la secretaría.',
    );
    expect(await page.locator('form').count()).toBe(0);
    await expectNoAxeViolations(page, 'desktop, used link');
    await context.close();
  });

  it('at 390 px: a French account, no horizontal scrolling, no axe violation; an expired link says so', async () => {
    const { userId, link } = await account('claire.page@test.protempore.org', 'Claire Martin', 'fr');
    const { context, page } = await newPage({ locale: 'fr-CA', viewport: PHONE });
    await page.goto(link);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Définissez votre mot de passe');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}/set-password-390.png`, fullPage: true });
    await expectNoAxeViolations(page, '390 px, empty form');

    await ctx.db.query(`UPDATE password_setup_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await tabTo(page, 'password');
    await page.keyboard.type('un mot de passe solide');
    await page.keyboard.press('Tab');
    await page.keyboard.type('un mot de passe solide');
    await page.keyboard.press('Enter');
    await page.getByText('Ce lien a expiré.', { exact: false }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Ce lien a expiré. Demandez-en un nouveau au secrétariat de votre conseil.');
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/set-password-390-expired.png`, fullPage: true });
    await expectNoAxeViolations(page, '390 px, expired link');
    // Nothing changed: the account still has no password.
    const [{ password_hash }] = await ctx.db.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    expect(password_hash).toBeNull();
    await context.close();
  });

  it('without a language in the link: the browser’s language, else English; an unknown or missing token says so', async () => {
    const pt = await newPage({ locale: 'pt-BR' });
    await pt.page.goto(`${base}/app/set-password?token=not-a-real-token`);
    expect(await pt.page.locator('html').getAttribute('lang')).toBe('pt');
    expect(await pt.page.getByRole('heading', { level: 1 }).textContent()).toBe('Defina a sua senha');
    await pt.page.getByLabel('Nova senha', { exact: true }).fill('uma senha bem comprida');
    await pt.page.getByLabel('Confirme a nova senha').fill('uma senha bem comprida');
    await pt.page.getByRole('button', { name: 'Definir minha senha' }).click();
    await pt.page.getByText('Este link não é válido.', { exact: false }).waitFor();
    await pt.context.close();

    const de = await newPage({ locale: 'de-DE' });
    await de.page.goto(`${base}/app/set-password`);
    expect(await de.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await de.page.getByRole('alert').textContent()).toBe(
      'This link is incomplete. Open the link from the email again, or copy the whole address into your browser.',
    );
    expect(await de.page.locator('form').count()).toBe(0);
    // The language links keep the person on the page, in another language.
    await de.page.getByRole('link', { name: 'Español' }).click();
    await de.page.waitForURL(/lang=es/);
    expect(await de.page.locator('html').getAttribute('lang')).toBe('es');
    await expectNoAxeViolations(de.page, 'desktop, no token');
    await de.context.close();
  });

  it('the old /set-password path of links emailed before redirects to the page, query kept', async () => {
    const res = await ctx.anonymous().get('/set-password?token=abc_DEF-123&lang=pt').expect(302);
    expect(res.headers.location).toBe('/app/set-password?token=abc_DEF-123&lang=pt');
    expect(res.headers['cache-control']).toBe('no-store');
    await ctx.anonymous().get('/set-password').expect(302).expect('location', '/app/set-password');

    const { context, page } = await newPage({ locale: 'es-MX' });
    await page.goto(`${base}/set-password?token=abc&lang=pt`);
    expect(page.url()).toBe(`${base}/app/set-password?token=abc&lang=pt`);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt');
    await context.close();
  });

  it('serves its script and style sheet from the API, cached for good under their hashed URL', async () => {
    const html = (await ctx.anonymous().get('/app/set-password?token=x&lang=en').expect(200)).text;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    for (const [name, type] of [
      ['set-password.js', 'text/javascript; charset=utf-8'],
      ['set-password.css', 'text/css; charset=utf-8'],
    ] as const) {
      const href = new RegExp(`"(set-password/${name.replace('.', '\\.')}\\?v=[0-9a-f]{16})"`).exec(html)?.[1];
      expect(href).toBeDefined();
      const res = await ctx.anonymous().get(`/app/${href}`).expect(200).expect('content-type', type);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      await ctx.anonymous().get(`/app/${href}`).set('if-none-match', res.headers.etag!).expect(304);
      const plain = await ctx.anonymous().get(`/app/set-password/${name}`).expect(200);
      expect(plain.headers['cache-control']).toBe('no-cache');
    }
  });

  it('the API docs (Swagger UI) and the queue dashboard run under the same CSP, which allows no inline script', async () => {
    const csp = (await ctx.anonymous().get('/app/set-password').expect(200)).headers['content-security-policy']!;
    expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe(`'self'`);
    // Both are for staff: the operator's token rides on every request of the context. This context keeps its own list
    // of problems: the dashboard's page asks for Google Fonts, which the CSP refuses on purpose (no third-party requests
    // from a staff page; it falls back to the system's fonts). That refusal is the only one allowed.
    const problems: string[] = [];
    const { context, page } = await openPage(browser, problems, { extraHTTPHeaders: ctx.operator.auth });
    await page.goto(`${base}/docs`);
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'protempore' }).waitFor();
    await page.locator('.opblock').first().waitFor();
    await page.goto(`${base}/admin/queues`);
    await page.locator('#root').getByRole('link').first().waitFor();
    await context.close();
    expect(problems.filter((p) => !p.includes("'https://fonts.googleapis.com/"))).toEqual([]);
  });
});
