import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Habits the code keeps: it speaks of the product, not of the history of its
 * making (no "issue 12", "wave 3" in comments or texts), and no source file in
 * `src/` grows past 400 lines without being split by concern.
 */
const repo = join(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;

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
});
