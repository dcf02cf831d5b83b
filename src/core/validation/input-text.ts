/**
 * What every text the API accepts must be, checked once over a whole request input (body, query, path
 * parameters) before any DTO transform: PostgreSQL cannot store a NUL in `text` or `jsonb`, jsonb refuses lone
 * UTF-16 surrogates, and other C0 controls are never meaningful in this domain. Pure; no I/O.
 *
 * The walk is iterative (no recursion, so no stack overflow on hostile nesting) and names each problem by its
 * field path in the house format: `title.es`, `documents.0.url`, a query parameter name.
 */
export interface InputProblem {
  field: string;
  rule: string;
  message: string;
}

/** Deepest nesting of objects and arrays a request input may have (a JSON body is cut at the parser already). */
export const MAX_INPUT_DEPTH = 32;
/** At most this many problems are reported for one input. */
const MAX_PROBLEMS = 20;

/** C0 control characters other than tab (U+0009), line feed (U+000A) and carriage return (U+000D). */
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** A string shaped like an ISO-8601 date or date-time: its calendar date must exist (2024-02-30 does not). */
const ISO_DATE_PREFIX = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;

/** `String.prototype.isWellFormed` (Node 20+; the project's TypeScript lib is ES2023). */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Why `text` is not acceptable text, or null when it is. */
export function textCharactersProblem(text: string): string | null {
  if (!isWellFormed(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  if (FORBIDDEN_CONTROL.test(text)) return 'contains a control character (only tab, line feed and carriage return are allowed)';
  return null;
}

/** True when `year-month-day` is a day of the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** For a date-shaped string, why its calendar date does not exist; null otherwise (not date-shaped, or real). */
export function impossibleDateProblem(text: string): string | null {
  const m = ISO_DATE_PREFIX.exec(text);
  if (!m) return null;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : `is not a real calendar date (${m[1]}-${m[2]}-${m[3]} does not exist)`;
}

const join = (prefix: string, key: string): string => (prefix ? `${prefix}.${key}` : key);

/**
 * Every problem of the input's texts (values and object keys), nesting, and date-shaped strings. `root` names
 * the input when it is itself a value (a single `@Query('x')` or `@Param('id')`), '' for a whole body or query.
 */
export function inputProblems(input: unknown, root = ''): InputProblem[] {
  const problems: InputProblem[] = [];
  const stack: { value: unknown; field: string; depth: number }[] = [{ value: input, field: root, depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, field, depth } = stack.pop()!;
    const name = field || 'body';
    if (typeof value === 'string') {
      const chars = textCharactersProblem(value);
      if (chars) {
        problems.push({ field: name, rule: 'text_characters', message: `${name} ${chars}` });
        continue;
      }
      const date = impossibleDateProblem(value);
      if (date) problems.push({ field: name, rule: 'valid_date', message: `${name} ${date}` });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field: name, rule: 'max_depth', message: `${name} nests objects or arrays deeper than ${MAX_INPUT_DEPTH} levels` });
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    // Pushed in reverse so that problems come out in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (!Array.isArray(value)) {
        const keyProblem = textCharactersProblem(key);
        if (keyProblem) {
          problems.push({ field: name, rule: 'text_characters', message: `a key of ${name} ${keyProblem}` });
          continue;
        }
      }
      stack.push({ value: child, field: join(field, key), depth: depth + 1 });
    }
  }
  return problems;
}
