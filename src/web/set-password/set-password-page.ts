import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../modules/identity/dto/set-password.dto.js';
import { PAGE_LANGUAGES, PAGE_MESSAGES, type PageLanguage, type PageMessages } from './set-password-page.messages.js';
import { LEGACY_SET_PASSWORD_PATH, SET_PASSWORD_ASSETS_PATH, SET_PASSWORD_PAGE_PATH } from './set-password-page.paths.js';

/** A static file of the page, kept in memory (they are small), with the hash that versions its URL. */
interface Asset {
  name: string;
  contentType: string;
  body: Buffer;
  version: string;
}

/**
 * The page's script and style sheet: `assets/` beside this module (the build
 * copies it into dist, see nest-cli.json), read once at start-up.
 */
function loadAssets(): Asset[] {
  return [
    { name: 'set-password.js', contentType: 'text/javascript; charset=utf-8' },
    { name: 'set-password.css', contentType: 'text/css; charset=utf-8' },
  ].map(({ name, contentType }) => {
    const body = readFileSync(new URL(`./assets/${name}`, import.meta.url));
    return { name, contentType, body, version: createHash('sha256').update(body).digest('hex').slice(0, 16) };
  });
}

/** The texts the script shows (errors, progress, success), handed to it as data attributes of <main>. */
const SCRIPT_MESSAGES = [
  'passwordRequired',
  'passwordTooShort',
  'passwordTooLong',
  'confirmRequired',
  'confirmMismatch',
  'fixErrors',
  'linkExpired',
  'linkUsed',
  'linkInvalid',
  'tooManyAttempts',
  'networkError',
  'unexpectedError',
  'submitting',
  'signedInAs',
  'signedIn',
] as const satisfies readonly (keyof PageMessages)[];

const isPageLanguage = (value: unknown): value is PageLanguage => typeof value === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(value);

/**
 * The page's language: the link's `lang` (the language of the email), else the
 * browser's first supported one (Accept-Language, by quality), else English.
 */
export function pageLanguage(lang: unknown, acceptLanguage: string | undefined): PageLanguage {
  if (isPageLanguage(lang)) return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.primary).find(isPageLanguage) ?? 'en';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The message with its length limits filled in. */
function fill(text: string): string {
  return text.replaceAll('{min}', String(PASSWORD_MIN_LENGTH)).replaceAll('{max}', String(PASSWORD_MAX_LENGTH));
}

const dataAttribute = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The page, in one language. No inline script or style (the API's CSP): the
 * script reads its texts from data attributes. Without a token in the link
 * the page says so and offers no form.
 */
export function renderSetPasswordPage(language: PageLanguage, token: string | undefined, assets: Asset[]): string {
  const t = PAGE_MESSAGES[language];
  const e = (key: keyof PageMessages) => escapeHtml(fill(t[key]));
  const asset = (name: string) => {
    const a = assets.find((x) => x.name === name)!;
    return `set-password/${a.name}?v=${a.version}`;
  };
  const languageLinks = PAGE_LANGUAGES.map((code) => {
    const query = new URLSearchParams(token ? { token, lang: code } : { lang: code });
    const current = code === language ? ' aria-current="true"' : '';
    return `<li><a href="?${escapeHtml(query.toString())}" hreflang="${code}" lang="${code}"${current}>${escapeHtml(PAGE_MESSAGES[code].languageName)}</a></li>`;
  }).join('');
  const data = SCRIPT_MESSAGES.map((key) => `${dataAttribute(key)}="${e(key)}"`).join(' ');
  const form = token
    ? `<form id="set-password-form" class="form" novalidate>
        <div class="field">
          <label for="password">${e('passwordLabel')}</label>
          <p id="password-hint" class="hint">${e('passwordHint')}</p>
          <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-hint password-error">
          <p id="password-error" class="field-error"></p>
        </div>
        <div class="field">
          <label for="confirm">${e('confirmLabel')}</label>
          <input id="confirm" name="confirm" type="password" autocomplete="new-password" required aria-describedby="confirm-error">
          <p id="confirm-error" class="field-error"></p>
        </div>
        <div class="check">
          <input id="show-passwords" type="checkbox">
          <label for="show-passwords">${e('showPasswords')}</label>
        </div>
        <button id="submit" type="submit" class="button">${e('submit')}</button>
        <p id="status" class="status" role="status"></p>
      </form>`
    : '';
  return `<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <meta name="robots" content="noindex, nofollow">
  <link rel="icon" href="data:,">
  <title>${e('title')} — ${e('brand')}</title>
  <link rel="stylesheet" href="${asset('set-password.css')}">
  <script type="module" src="${asset('set-password.js')}"></script>
</head>
<body>
  <header class="banner">
    <p class="brand">${e('brand')}</p>
    <nav aria-label="${e('languages')}"><ul class="languages">${languageLinks}</ul></nav>
  </header>
  <main id="main" class="card" ${data}>
    <div id="form-panel">
      <h1 id="title">${e('title')}</h1>
      <p class="intro">${e('intro')}</p>
      <div id="alert" class="alert" role="alert">${token ? '' : e('linkMissing')}</div>
      ${form}
      <noscript><p class="alert">${e('noScript')}</p></noscript>
    </div>
    <div id="success-panel" hidden>
      <h1 id="success-title" tabindex="-1">${e('successTitle')}</h1>
      <p id="signed-in"></p>
      <p><a class="button" href="./">${e('goToConsole')}</a></p>
    </div>
  </main>
</body>
</html>
`;
}

/**
 * The set-password page the emailed links open (GET /app/set-password?token=…&lang=…),
 * its script and style sheet, and the redirect from the path of links emailed
 * before (GET /set-password?… → 302, query kept). Plain Fastify routes, open to
 * anyone: the page holds no data; the token is checked when the form is sent
 * (POST /auth/password). Cache policy: the page is never stored (its URL holds
 * a secret, its language may follow Accept-Language); the script and style
 * sheet, whose URLs carry a hash of their content, are cached for a year.
 * Call before the application is initialised.
 */
export function mountSetPasswordPage(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const assets = loadAssets();

  fastify.get(LEGACY_SET_PASSWORD_PATH, (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.url.indexOf('?');
    void reply.header('cache-control', 'no-store').redirect(`${SET_PASSWORD_PAGE_PATH}${query >= 0 ? request.url.slice(query) : ''}`, 302);
  });

  fastify.get(SET_PASSWORD_PAGE_PATH, (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Record<string, unknown>;
    const token = typeof query.token === 'string' && query.token.length > 0 ? query.token : undefined;
    const language = pageLanguage(query.lang, request.headers['accept-language']);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('vary', 'accept-language')
      .header('content-language', language)
      .send(renderSetPasswordPage(language, token, assets));
  });

  for (const asset of assets) {
    fastify.get(`${SET_PASSWORD_ASSETS_PATH}${asset.name}`, (request: FastifyRequest, reply: FastifyReply) => {
      const etag = `"${asset.version}"`;
      const versioned = (request.query as Record<string, unknown>).v === asset.version;
      void reply
        .header('content-type', asset.contentType)
        .header('etag', etag)
        // An unversioned (or old) URL is revalidated each time: only the hashed one is cached for good.
        .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (request.headers['if-none-match'] === etag) void reply.code(304).send();
      else void reply.send(asset.body);
    });
  }
}
