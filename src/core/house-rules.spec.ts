import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Habits the code keeps: it speaks of the product, not of the history of its
 * making (no "issue 12", "wave 3" in comments or texts), and no source file in
 * `src/` grows past 400 lines without being split by concern.
 */
const repo = join(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;
const MAX_LINES = 400;

function sources(folder: string): { file: string; text: string }[] {
  return (readdirSync(join(repo, folder), { recursive: true }) as string[])
    .filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'))
    .map((f) => ({ file: join(folder, f), text: readFileSync(join(repo, folder, f), 'utf8') }));
}

describe('house rules', () => {
  it('no project-history words in the code (issue/wave numbers)', () => {
    const words = /\b(issue|wave)s? \d+\b/i;
    const offenders = ['src', 'test', 'bench']
      .flatMap(sources)
      .filter((f) => f.file !== join('src', 'core', 'house-rules.spec.ts'))
      .flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (words.test(line) ? [`${file}:${i + 1}`] : [])));
    expect(offenders).toEqual([]);
  });

  it('no source file in src/ is over 400 lines (generated files excepted)', () => {
    // Generated from openapi.json (npm run openapi), never edited by hand.
    const generated = new Set([join('src', 'web', 'console', 'api', 'schema.d.ts')]);
    const files = (readdirSync(join(repo, 'src'), { recursive: true }) as string[]).filter((f) => SOURCE.test(f)).map((f) => join('src', f));
    const tooLong = files
      .filter((file) => !generated.has(file))
      .map((file) => ({ file, lines: readFileSync(join(repo, file), 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
