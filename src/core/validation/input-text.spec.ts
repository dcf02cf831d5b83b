import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { impossibleDateProblem, inputProblems, isRealDate, MAX_INPUT_DEPTH, textCharactersProblem } from './input-text.js';
import { jsonNestsDeeperThan } from './json-depth.js';

describe('input text rules', () => {
  it('accepts ordinary text, tab, line feed, carriage return and astral characters', () => {
    for (const ok of ['', 'Movilidad laboral', 'a\tb\r\nc', 'ñandú — 🐢', '\u00a0\u2028']) expect(textCharactersProblem(ok)).toBeNull();
  });

  it('refuses C0 controls and lone surrogates', () => {
    for (const bad of ['\u0000', 'a\u0001', '\u000b', '\u001b[0m', '\u001f', '\ud800', 'x\udc00', '\ud83d']) expect(textCharactersProblem(bad)).not.toBeNull();
  });

  it('knows which calendar dates exist', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2024, 4, 31)).toBe(false);
    expect(isRealDate(2024, 13, 1)).toBe(false);
    expect(impossibleDateProblem('2024-02-30')).not.toBeNull();
    expect(impossibleDateProblem('2024-02-30T10:00:00Z')).not.toBeNull();
    expect(impossibleDateProblem('2024-02-29T10:00:00Z')).toBeNull();
    expect(impossibleDateProblem('not a date 2024-02-30')).toBeNull();
  });

  it('names each problem by its field path (a bad key by the object holding it)', () => {
    const problems = inputProblems({ title: { es: 'ok', en: 'b\u0000' }, documents: [{ url: 'x' }, { url: '\ud800' }], ['k\u0000']: 1, due: '2026-02-30' });
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['body', 'text_characters'],
      ['title.en', 'text_characters'],
      ['documents.1.url', 'text_characters'],
      ['due', 'valid_date'],
    ]);
    expect(inputProblems('a\u0000', 'cursor')[0]!.field).toBe('cursor');
  });

  it('refuses nesting past the limit without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblems({ a: deep }).map((p) => p.rule)).toEqual(['max_depth']);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(inputProblems(ok)).toEqual([]);
  });

  it('measures JSON depth on the raw text, ignoring brackets in strings', () => {
    expect(jsonNestsDeeperThan('[[[1]]]', 3)).toBe(false);
    expect(jsonNestsDeeperThan('[[[[1]]]]', 3)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from(`{"a":"${'['.repeat(100)}\\"[[["}`), 3)).toBe(false);
    expect(jsonNestsDeeperThan(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`)).toBe(true);
    expect(jsonNestsDeeperThan('[1],[2],[3],[4]', 1)).toBe(false);
  });
});

/** The project rules every DTO follows (see presence.decorators.ts and int32.decorator.ts), checked on the source. */
describe('DTO rules across src/', () => {
  const root = join(import.meta.dirname, '..', '..');
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.startsWith(join('core', 'validation')))
    .map((f) => ({ file: f, text: readFileSync(join(root, f), 'utf8') }));

  it('uses @Optional()/@Nullable(), never @IsOptional() (which lets null through)', () => {
    expect(files.filter((f) => /@IsOptional\(/.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it('bounds every integer to int4 with @IsInt32(), never a bare @IsInt()', () => {
    expect(files.filter((f) => /@IsInt\(/.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it('checks that a nested DTO value is an object (@IsObject, each for lists) before @ValidateNested', () => {
    const offenders: string[] = [];
    for (const { file, text } of files) {
      for (const m of text.matchAll(/@ValidateNested\((\{ each: true \})?\)/g)) {
        // The decorators of the same property: back to the previous property declaration or class brace.
        const before = text.slice(0, m.index);
        const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf('{\n'));
        const block = text.slice(start + 1, m.index + m[0].length + 200).split(/;\s*\n/)[0]!;
        const wanted = m[1] ? /@IsObject\(\{ each: true \}\)/ : /@IsObject\(\)/;
        if (!wanted.test(block)) offenders.push(`${file}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
