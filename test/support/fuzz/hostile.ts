import fc from 'fast-check';
import type { BodyField, Operation, Param, Schema } from './operations.js';
import { RawJson, RawWire } from './wire.js';

/**
 * Hostile values, by class, and the fast-check arbitraries that pick them.
 * Every value here should be refused with a 4xx naming the field, or (rarely)
 * accepted: never a 5xx.
 */

const UUID_A = '3f1e0b7c-5a2d-4c6e-9f8a-1b2c3d4e5f60';

/**
 * Ids of rows that exist (councils A and B, their participants, delegations,
 * bodies, users…), set once the fixtures are built: an id field given the id
 * of another kind of row, or of the other council, must be a 4xx too.
 */
const REAL_IDS: string[] = [];
export function useRealIds(ids: string[]): void {
  REAL_IDS.splice(0, REAL_IDS.length, ...new Set(ids));
}
const realIdArb = (): fc.Arbitrary<string> => (REAL_IDS.length > 0 ? fc.constantFrom(...REAL_IDS) : fc.constant(UUID_A));
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Thousands of nesting levels, as JSON text (JSON.stringify would overflow nothing, but we keep it raw and cheap). */
export const deepObject = (levels: number) => new RawJson(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
export const deepArray = (levels: number) => new RawJson(`${'['.repeat(levels)}${']'.repeat(levels)}`);

export const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];
export const SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'x\uD800y', '\uDC00\uD800'];
export const IMPOSSIBLE_DATES = [
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-04-31',
  '0000-00-00',
  '2024-02-30T10:00:00Z',
  '2024-04-31T25:61:00+25:00',
  '2024-06-01T24:00:01Z',
  '1969-12-31T23:59:60Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '10000-01-01',
  '99999-12-31T00:00:00Z',
  '2024-02-30T10:00:00',
  '2024-W09-7',
];
/** Valid on paper, at the edges of what PostgreSQL and JavaScript can hold. */
export const EXTREME_DATES = [
  '0001-01-01',
  '0001-01-01T00:00:00Z',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '1900-02-28',
  '2100-02-28T12:00:00+14:00',
  '1970-01-01T00:00:00-12:00',
  '2024-02-29T23:59:59.999999999Z',
];
/** Names ICU (and so Intl/luxon) may know but PostgreSQL's pg_timezone_names does not, plus plain nonsense. */
export const TIME_ZONES = [
  'US/Pacific-New',
  'Canada/East-Saskatchewan',
  'Etc/Unknown',
  'America/Nowhere',
  'UTC\u0000',
  'Europe/Kyiv\u0000',
  'EST5EDT,M3.2.0,M11.1.0',
  '+25:00',
  'utc',
  'GMT+0',
  'posixrules',
  'localtime',
  'Factory',
  'SystemV/AST4',
];
export const NUMBERISH_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '1e309',
  '0x10',
  '1_000',
  ' 1',
  '1 ',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '1.5',
  '',
  '١٢',
];
const HUGE_NUMBERS_RAW = [
  '1e400',
  '-1e400',
  '-0',
  '1E-400',
  '123456789012345678901234567890',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '4294967296',
  '1.7976931348623157e308',
  '0.000001',
  '9007199254740993',
];

export const malformedEscapes = [
  '%',
  '%Z',
  '%ZZ',
  '%E2%82',
  '%ED%A0%80',
  '%C0%AE',
  '%FF',
  '%00',
  '%25',
  '%2F',
  '%2e%2e',
  '%u0041',
  'a%20b',
  '%C3',
  '%F4%90%80%80',
];

/** Any JSON value that is not what the schema asks for. */
function wrongValues(s: Schema): unknown[] {
  const type = s.enum ? 'enum' : (s.type ?? 'object');
  switch (type) {
    case 'string':
      return [42, 1.5, false, ['x'], { value: 'x' }];
    case 'number':
    case 'integer':
      return ['1', '', 'NaN', true, [1], { n: 1 }];
    case 'boolean':
      return ['true', 1, 0, 'yes', [true]];
    case 'array':
      return [{}, 'x', 1, { 0: 'x', length: 1 }, [null], [[[]]]];
    case 'enum':
      return [1, ['x'], { v: 1 }];
    default:
      return [[[{}]], 'x', 1, [], [null], new RawJson('{"__proto__":{"polluted":1}}')];
  }
}

const COMMON: unknown[] = [null, [[{}]], {}, [], true, 0, 'x', { $ne: 1 }];

function stringValues(s: Schema): unknown[] {
  const max = s.maxLength ?? 200;
  const enumValue = s.enum?.[0];
  const out: unknown[] = [
    '',
    ' ',
    '\t\n',
    ...CONTROL.map((c) => `a${c}b`),
    ...SURROGATES,
    'x'.repeat(max + 1),
    'x'.repeat(70_000),
    '\u0000'.repeat(5),
    "'; DROP TABLE users; --",
    '\u202e\u200b\ufeff',
    '😀'.repeat(max),
    ...NUMBERISH_STRINGS.slice(0, 6),
  ];
  if (s.format === 'date' || s.format === 'date-time' || /date|at$|from|to|until|since/i.test(String(s.format)))
    out.push(...IMPOSSIBLE_DATES, ...IMPOSSIBLE_DATES, ...EXTREME_DATES);
  else out.push(...IMPOSSIBLE_DATES.slice(0, 4));
  if (s.format === 'uuid')
    out.push(
      '00000000-0000-0000-0000-000000000000',
      UUID_A.toUpperCase(),
      `${UUID_A}\u0000`,
      `${UUID_A}x`,
      '{3f1e0b7c-5a2d-4c6e-9f8a-1b2c3d4e5f60}',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    );
  if (s.format === 'email') out.push('a@b', '\u0000@x.org', 'a'.repeat(300) + '@x.org', 'x@\uD800.org');
  out.push(...TIME_ZONES.slice(0, 4));
  if (typeof enumValue === 'string') out.push(`${enumValue}\u0000`, enumValue.toUpperCase(), `${enumValue}\uD800`, ` ${enumValue}`);
  return out;
}

function numberValues(): unknown[] {
  return [
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    1e308,
    -1e308,
    -0,
    0.5,
    -1,
    Number.MAX_SAFE_INTEGER,
    ...HUGE_NUMBERS_RAW.map((t) => new RawJson(t)),
    ...NUMBERISH_STRINGS,
  ];
}

/** Values for a body field of the given schema: its own type's edge cases, wrong types and the common hostile set. */
export function bodyValueArb(field: BodyField): fc.Arbitrary<unknown> {
  const s = field.schema;
  const type = s.enum ? 'string' : s.type;
  const typed =
    type === 'string'
      ? stringValues(s)
      : type === 'number' || type === 'integer'
        ? numberValues()
        : type === 'array'
          ? [...arrayValues(s)]
          : type === 'boolean'
            ? []
            : objectValues();
  const ids: { arbitrary: fc.Arbitrary<unknown>; weight: number }[] =
    s.format === 'uuid'
      ? [{ arbitrary: realIdArb(), weight: 3 }]
      : type === 'array' && s.items?.format === 'uuid'
        ? [{ arbitrary: fc.array(realIdArb(), { minLength: 1, maxLength: 3 }), weight: 3 }]
        : [];
  return fc.oneof(
    ...ids,
    { arbitrary: fc.constantFrom(...typed, ...wrongValues(s)), weight: 6 },
    { arbitrary: fc.constantFrom(...COMMON), weight: 2 },
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: fc.constantFrom(deepObject(5000), deepArray(8000), deepObject(200)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    {
      arbitrary: fc.oneof(
        fc.integer(),
        fc.double(),
        fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((b) => new RawJson(b.toString())),
      ),
      weight: 1,
    },
  );
}

function arrayValues(s: Schema): unknown[] {
  const item = s.items?.enum?.[0] ?? (s.items?.type === 'string' ? UUID_A : {});
  return [
    [null],
    [item, item],
    Array.from({ length: 5_000 }, () => item),
    [[item]],
    ['\u0000'],
    ['\uD800'],
    [{ a: { b: { c: {} } } }],
    [...IMPOSSIBLE_DATES.slice(0, 3)],
    [2 ** 31, new RawJson('1e400')],
    ['US/Pacific-New'],
  ];
}

function objectValues(): unknown[] {
  return [[[{}]], [{}], {}, { unknownField: 1 }, { '': 1 }, { '\u0000': 1 }, { '\uD800': 'x' }, deepObject(3000)];
}

/** Query values (always strings on the wire): type edge cases, malformed escapes, cursors that decode to impossible positions. */
export function queryValueArb(p: Param): fc.Arbitrary<string | RawWire | (string | RawWire)[]> {
  const s = p.schema;
  const strings: (string | RawWire)[] = [
    '',
    ...CONTROL.map((c) => `a${c}b`),
    ...SURROGATES,
    'x'.repeat(5_000),
    ...NUMBERISH_STRINGS,
    ...IMPOSSIBLE_DATES,
    ...EXTREME_DATES,
    ...TIME_ZONES.slice(0, 3),
    ...malformedEscapes.map((e) => new RawWire(e)),
    new RawWire(`x${'%ZZ'.repeat(200)}`),
    'true',
    'null',
    'undefined',
    '[object Object]',
    '{"a":1}',
  ];
  if (p.name === 'cursor' || /cursor/i.test(p.name)) {
    strings.push(
      ...IMPOSSIBLE_DATES.slice(0, 8).map((d) => b64url(`${d}|${UUID_A}`)),
      b64url(`2024-02-30|${UUID_A}|x`),
      b64url(`9999-12-31|${UUID_A.toUpperCase()}`),
      b64url(`2024-01-01|00000000-0000-0000-0000-000000000000`),
      b64url('\u0000|\u0000'),
      '9223372036854775807',
      '9223372036854775808',
      '99999999999999999999',
      '0',
      '-1',
      '1e3',
      '1'.repeat(19),
      'a'.repeat(201),
      '====',
    );
  }
  if (s.type === 'number' || s.type === 'integer') strings.push('2147483648', '-2147483649', '1e308', '1e309', '-0', '0', '00001', '1.0', '9'.repeat(400));
  if (s.format === 'uuid')
    strings.push('00000000-0000-0000-0000-000000000000', UUID_A.toUpperCase(), `${UUID_A}%00`, new RawWire(`${UUID_A}%00`), 'not-a-uuid');
  if (s.enum) strings.push(`${String(s.enum[0])}\u0000`, String(s.enum[0]).toUpperCase());
  const one = fc.oneof(
    ...(s.format === 'uuid' ? [{ arbitrary: realIdArb() as fc.Arbitrary<string | RawWire>, weight: 3 }] : []),
    { arbitrary: fc.constantFrom(...strings), weight: 8 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  );
  return fc.oneof(
    { arbitrary: one, weight: 8 },
    // Repeated parameter: many frameworks turn it into an array.
    { arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }), weight: 2 },
  );
}

/** Path values: not ids, ids of nothing, malformed escapes, over-long. */
export function pathValueArb(): fc.Arbitrary<string | RawWire> {
  return fc.oneof({ arbitrary: realIdArb(), weight: 1 }, { arbitrary: hostilePath, weight: 4 });
}

const hostilePath = fc.constantFrom<string | RawWire>(
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  UUID_A,
  UUID_A.toUpperCase(),
  `${UUID_A}x`,
  `${UUID_A}\u0000`,
  '\uD800',
  'a\u0001b',
  '1',
  '-1',
  '2147483648',
  '1e308',
  'NaN',
  '2024-02-30',
  'US/Pacific-New',
  'x'.repeat(3_000),
  'x'.repeat(12_000),
  ...malformedEscapes.map((e) => new RawWire(e)),
  new RawWire(`${UUID_A}%ZZ`),
  new RawWire('..'),
  new RawWire('.'),
  new RawWire('%2e%2e%2f%2e%2e'),
  new RawWire('a;b=c'),
  new RawWire('%C3%A9'),
  new RawWire('\u00e9'),
);

/** One change to the valid request. */
export type Edit =
  | { at: 'body'; path: (string | number)[]; value: unknown }
  | { at: 'body-delete'; path: (string | number)[] }
  | { at: 'body-whole'; raw: RawJson }
  | { at: 'query'; name: string; value: string | RawWire | (string | RawWire)[] }
  | { at: 'path'; name: string; value: string | RawWire };

export const WHOLE_BODIES: RawJson[] = [
  deepObject(5_000),
  deepArray(10_000),
  new RawJson(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`),
  new RawJson('null'),
  new RawJson('[]'),
  new RawJson('[[{}]]'),
  new RawJson('"string"'),
  new RawJson('123'),
  new RawJson('1e400'),
  new RawJson('NaN'),
  new RawJson('{'),
  new RawJson('{"a":1,}'),
  new RawJson('{"a":"\u0000"}'),
  new RawJson('{"__proto__":{"isAdmin":true}}'),
  new RawJson('{"constructor":{"prototype":{"isAdmin":true}}}'),
  new RawJson('\ufeff{}'),
  new RawJson(''),
  new RawJson('{"version":1,"version":"x"}'),
];

/** Arbitrary of one edit for the operation. */
export function editArb(op: Operation): fc.Arbitrary<Edit> {
  const options: { arbitrary: fc.Arbitrary<Edit>; weight: number }[] = [];
  for (const field of op.bodyFields) {
    options.push({ arbitrary: bodyValueArb(field).map((value) => ({ at: 'body', path: field.path, value }) as Edit), weight: 4 });
    if (field.required || field.path.length > 1) options.push({ arbitrary: fc.constant<Edit>({ at: 'body-delete', path: field.path }), weight: 1 });
  }
  if (op.body) {
    options.push({ arbitrary: fc.constantFrom(...WHOLE_BODIES).map((raw) => ({ at: 'body-whole', raw }) as Edit), weight: 3 });
    options.push({
      arbitrary: fc
        .constantFrom('unknownField', '__proto__', 'constructor', 'id', 'councilId', 'createdAt', '\u0000', '\uD800')
        .map((name) => ({ at: 'body', path: [name], value: 'x' }) as Edit),
      weight: 1,
    });
  }
  for (const p of op.queryParams) options.push({ arbitrary: queryValueArb(p).map((value) => ({ at: 'query', name: p.name, value }) as Edit), weight: 5 });
  if (op.method === 'GET')
    options.push({
      arbitrary: fc.constantFrom('unknown', 'limit[]', 'a[b]', '__proto__').map((name) => ({ at: 'query', name, value: '1' }) as Edit),
      weight: 1,
    });
  for (const p of op.pathParams) options.push({ arbitrary: pathValueArb().map((value) => ({ at: 'path', name: p.name, value }) as Edit), weight: 2 });
  if (options.length === 0)
    options.push({ arbitrary: fc.constantFrom('unknown', 'a[b]').map((name) => ({ at: 'query', name, value: '\u0000' }) as Edit), weight: 1 });
  return fc.oneof(...options);
}

/** A case: one to three edits (most single, so each hostile value reaches its own check). */
export function caseArb(op: Operation): fc.Arbitrary<Edit[]> {
  const edit = editArb(op);
  return fc.oneof({ arbitrary: edit.map((e) => [e]), weight: 3 }, { arbitrary: fc.array(edit, { minLength: 2, maxLength: 3 }), weight: 1 });
}

/**
 * The fixed cases every operation gets, so that each hostile class reaches
 * each field at least once whatever the random draw: per body field `null`
 * and its type's worst value; per parameter the worst values of its kind;
 * the whole body replaced by hostile JSON.
 */
export function fixedCases(op: Operation): Edit[][] {
  const cases: Edit[][] = [];
  for (const field of op.bodyFields) {
    const type = field.schema.enum ? 'enum' : field.schema.type;
    cases.push([{ at: 'body', path: field.path, value: null }]);
    if (type === 'string' || type === 'enum') {
      cases.push([{ at: 'body', path: field.path, value: 'a\u0000b\uD800' }]);
      if (field.schema.format === 'date')
        cases.push([{ at: 'body', path: field.path, value: '2024-02-30' }], [{ at: 'body', path: field.path, value: '0001-01-01' }]);
      if (field.schema.format === 'date-time')
        cases.push([{ at: 'body', path: field.path, value: '2024-02-30T10:00:00Z' }], [{ at: 'body', path: field.path, value: '9999-12-31T23:59:59Z' }]);
      if (/timezone/i.test(String(field.path.at(-1))))
        cases.push([{ at: 'body', path: field.path, value: 'US/Pacific-New' }], [{ at: 'body', path: field.path, value: 'Canada/East-Saskatchewan' }]);
    } else if (type === 'number' || type === 'integer') {
      cases.push([{ at: 'body', path: field.path, value: 2 ** 31 }], [{ at: 'body', path: field.path, value: new RawJson('1e400') }]);
    } else if (type === 'array') {
      cases.push([{ at: 'body', path: field.path, value: { notAnArray: true } }]);
    } else if (type === 'object' || field.schema.properties) {
      cases.push([{ at: 'body', path: field.path, value: [[{}]] }]);
      if (field.required) cases.push([{ at: 'body-delete', path: field.path }]);
    }
  }
  if (op.body)
    cases.push(
      [{ at: 'body-whole', raw: deepObject(5_000) }],
      [{ at: 'body-whole', raw: deepArray(10_000) }],
      [{ at: 'body-whole', raw: new RawJson('[[{}]]') }],
    );
  for (const p of op.queryParams) {
    const s = p.schema;
    const worst: (string | RawWire)[] = ['a\u0000b', '\uD800', new RawWire('%ZZ')];
    if (s.type === 'number' || s.type === 'integer') worst.push('2147483648', '1e309', 'NaN');
    if (s.format === 'date' || s.format === 'date-time') worst.push('2024-02-30', '2024-02-30T10:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z');
    if (/cursor/i.test(p.name)) worst.push(b64url(`2024-02-30|${UUID_A}`), '9223372036854775808');
    for (const value of worst) cases.push([{ at: 'query', name: p.name, value }]);
  }
  // Valid-looking ranges at the edges: ten thousand years (a calendar or a series expanded over it), and reversed.
  const dateParams = op.queryParams.filter((p) => p.schema.format === 'date-time' || p.schema.format === 'date').map((p) => p.name);
  for (const [from, to] of [
    ['from', 'to'],
    ['start', 'end'],
  ]) {
    if (!dateParams.includes(from!) || !dateParams.includes(to!)) continue;
    cases.push([
      { at: 'query', name: from!, value: '0001-01-01T00:00:00Z' },
      { at: 'query', name: to!, value: '9999-12-31T23:59:59Z' },
    ]);
    cases.push([
      { at: 'query', name: from!, value: '9999-12-31T23:59:59Z' },
      { at: 'query', name: to!, value: '0001-01-01T00:00:00Z' },
    ]);
  }
  const bodyDates = op.bodyFields.filter((f) => f.path.length === 1 && f.schema.format === 'date-time').map((f) => String(f.path[0]));
  if (bodyDates.includes('startsAt') && bodyDates.includes('endsAt')) {
    cases.push([
      { at: 'body', path: ['startsAt'], value: '0001-01-01T00:00:00Z' },
      { at: 'body', path: ['endsAt'], value: '9999-12-31T23:59:59Z' },
    ]);
    cases.push([
      { at: 'body', path: ['startsAt'], value: '9999-12-31T23:59:59Z' },
      { at: 'body', path: ['endsAt'], value: '0001-01-01T00:00:00Z' },
    ]);
  }
  for (const p of op.pathParams) {
    for (const value of [new RawWire('%ZZ'), new RawWire('%ED%A0%80'), '\u0000', 'x'.repeat(3_000), '2024-02-30'] as (string | RawWire)[])
      cases.push([{ at: 'path', name: p.name, value }]);
  }
  return cases;
}

export function describeEdit(e: Edit): string {
  const show = (v: unknown): string => {
    if (v instanceof RawJson) return `raw(${v.toString()})`;
    if (v instanceof RawWire) return `wire(${v.text.length > 60 ? `${v.text.slice(0, 40)}…(${v.text.length})` : v.text})`;
    if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 40)}…(${v.length} chars)` : v);
    if (Array.isArray(v)) return v.length > 5 ? `[${v.length} items: ${show(v[0])}, …]` : `[${v.map(show).join(', ')}]`;
    if (v && typeof v === 'object')
      return `{${Object.entries(v)
        .map(([k, x]) => `${JSON.stringify(k)}: ${show(x)}`)
        .join(', ')}}`;
    return Object.is(v, -0) ? '-0' : String(v);
  };
  switch (e.at) {
    case 'body':
      return `body.${e.path.join('.')} = ${show(e.value)}`;
    case 'body-delete':
      return `body.${e.path.join('.')} removed`;
    case 'body-whole':
      return `body = ${show(e.raw)}`;
    case 'query':
      return `query ${e.name} = ${show(e.value)}`;
    case 'path':
      return `path :${e.name} = ${show(e.value)}`;
  }
}
