import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODE_LIST, ERROR_CODES } from './error-codes.js';

const repo = join(import.meta.dirname, '..', '..', '..');

/** The server's sources (not the console, not specs). */
function serverSources(): { file: string; text: string }[] {
  return (readdirSync(join(repo, 'src'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts') && !f.startsWith(join('web', 'console')))
    .map((f) => ({ file: join('src', f), text: readFileSync(join(repo, 'src', f), 'utf8') }));
}

describe('error codes', () => {
  it('are UPPER_SNAKE, each with a one-line meaning', () => {
    for (const code of ERROR_CODE_LIST) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(ERROR_CODES[code].length).toBeGreaterThan(10);
      expect(ERROR_CODES[code]).not.toContain('\n');
    }
  });

  it('catalogue every code a response body is built with outside DomainException (which the type checks)', () => {
    // Bodies sent by hand (the queue dashboard, a 416, the validation pipe, the docs' guard) name their code as `code: '…'`.
    const literal = /\bcode: '([A-Z][A-Z0-9_]+)'/g;
    const unknown = serverSources().flatMap(({ file, text }) =>
      [...text.matchAll(literal)]
        .map((m) => m[1]!)
        .filter((c) => !(c in ERROR_CODES))
        .map((c) => `${file}: ${c}`),
    );
    expect(unknown).toEqual([]);
  });
});
