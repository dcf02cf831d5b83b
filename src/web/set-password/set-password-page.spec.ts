import { PAGE_LANGUAGES, PAGE_MESSAGES } from './set-password-page.messages.js';
import { pageLanguage, renderSetPasswordPage } from './set-password-page.js';

const assets = [
  { name: 'set-password.js', contentType: 'text/javascript', body: Buffer.from(''), version: '0123456789abcdef' },
  { name: 'set-password.css', contentType: 'text/css', body: Buffer.from(''), version: 'fedcba9876543210' },
];

describe('the set-password page', () => {
  it.each([
    ['es', undefined, 'es'],
    ['fr', 'es-MX,es;q=0.9', 'fr'],
    [undefined, 'es-MX,es;q=0.9,en;q=0.8', 'es'],
    [undefined, 'de-DE,de;q=0.9,pt-BR;q=0.8,en;q=0.7', 'pt'],
    [undefined, 'en;q=0.2, fr;q=0.9', 'fr'],
    [undefined, 'fr;q=0, en;q=0.5', 'en'],
    ['xx', 'de', 'en'],
    [['es', 'fr'], undefined, 'en'],
    [undefined, undefined, 'en'],
    [undefined, 'garbage;;;q=abc', 'en'],
  ])('picks the language: lang=%j, Accept-Language %j → %s', (lang, accept, expected) => {
    expect(pageLanguage(lang, accept)).toBe(expected);
  });

  it.each(PAGE_LANGUAGES)('renders in %s with <html lang>, no inline script or style, and every text filled in', (language) => {
    const html = renderSetPasswordPage(language, 'tok_en-1', assets);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<h1 id="title">${PAGE_MESSAGES[language].title}</h1>`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).not.toMatch(/\{(min|max)\}/);
    expect(html).toContain('src="set-password/set-password.js?v=0123456789abcdef"');
    expect(html).toContain('href="set-password/set-password.css?v=fedcba9876543210"');
    expect(html).toContain('<form id="set-password-form"');
  });

  it('escapes what comes from the URL, and offers no form without a token', () => {
    const html = renderSetPasswordPage('en', '"><script>alert(1)</script>', assets);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('token=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&amp;lang=es');
    const missing = renderSetPasswordPage('en', undefined, assets);
    expect(missing).not.toContain('<form');
    expect(missing).toContain(PAGE_MESSAGES.en.linkMissing);
  });
});
