import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The console's texts: every language has every key (up to plural forms) (shared files and each area's files alike). */
const here = join(process.cwd(), 'src/web/console/i18n');
const LANGUAGES = ['en', 'es', 'fr', 'pt'];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
/** A key without its plural suffix: languages have different plural categories (Spanish has "many", English not). */
const base = (list: string[]): string[] => [...new Set(list.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

describe('console texts', () => {
  const sets: [string, string][] = [['shared', join(here, 'locales')]];
  for (const area of readdirSync(join(here, 'areas'), { withFileTypes: true })) if (area.isDirectory()) sets.push([area.name, join(here, 'areas', area.name)]);

  it.each(sets)('%s: the same keys in es, en, fr and pt, none empty', (_name, dir) => {
    const english = keys(read(join(dir, 'en.json')));
    for (const language of LANGUAGES) {
      const texts = read(join(dir, `${language}.json`));
      expect(base(keys(texts))).toEqual(base(english));
      for (const key of keys(texts)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts);
        expect([key, typeof value === 'string' && value.trim() !== '']).toEqual([key, true]);
      }
    }
  });
});
