import { addMonthsUtc, indexAt, nextHolder, projectTerms, type RotationMember, scheduleFrom, type TermSpan, troikaAt } from './rotation.js';

const d = (iso: string) => new Date(iso);

/** The Arctic Council's eight states in their chairmanship order. */
const ORDER = ['CA', 'US', 'FI', 'IS', 'RU', 'NO', 'DK', 'SE'] as const;
const arctic = (overrides: Partial<Record<string, RotationMember['status']>> = {}): RotationMember[] =>
  ORDER.map((id, i) => ({ id, rotationPosition: i + 1, status: overrides[id] ?? 'active' }));

/** The real, irregular history (handovers at the closing Ministerial meetings). */
const HISTORY: TermSpan[] = [
  ['CA', '1996-09-19', '1998-09-18'],
  ['US', '1998-09-18', '2000-10-13'],
  ['FI', '2000-10-13', '2002-10-10'],
  ['IS', '2002-10-10', '2004-11-24'],
  ['RU', '2004-11-24', '2006-10-26'],
  ['NO', '2006-10-26', '2009-04-29'], // the longer term
  ['DK', '2009-04-29', '2011-05-12'],
  ['SE', '2011-05-12', '2013-05-15'],
  ['CA', '2013-05-15', '2015-04-24'],
].map(([participantId, s, e]) => ({ participantId: participantId!, startsAt: d(`${s}T00:00:00Z`), endsAt: d(`${e}T00:00:00Z`) }));

const iso = (x: Date) => x.toISOString().slice(0, 10);

describe('addMonthsUtc', () => {
  it('adds calendar months and clamps to the end of a shorter month', () => {
    expect(addMonthsUtc(d('2023-01-31T00:00:00Z'), 1).toISOString()).toBe('2023-02-28T00:00:00.000Z');
    expect(addMonthsUtc(d('2024-01-31T00:00:00Z'), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(addMonthsUtc(d('2024-03-31T12:30:00Z'), 1).toISOString()).toBe('2024-04-30T12:30:00.000Z');
    expect(addMonthsUtc(d('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });

  it('crosses year ends both ways and keeps the time of day', () => {
    expect(addMonthsUtc(d('2023-11-15T09:00:00Z'), 24).toISOString()).toBe('2025-11-15T09:00:00.000Z');
    expect(addMonthsUtc(d('2023-12-31T23:59:59.999Z'), 2).toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(addMonthsUtc(d('2024-01-15T00:00:00Z'), -1).toISOString()).toBe('2023-12-15T00:00:00.000Z');
  });

  it('refuses fractional months', () => {
    expect(() => addMonthsUtc(d('2024-01-01T00:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('nextHolder (fixed order)', () => {
  it('follows the Arctic order and wraps from Sweden back to Canada', () => {
    const members = arctic();
    const seq = HISTORY.slice(0, -1).map((t) => nextHolder(members, t.participantId)?.id);
    expect(seq).toEqual(HISTORY.slice(1).map((t) => t.participantId));
    expect(nextHolder(members, 'SE')?.id).toBe('CA');
  });

  it('skips suspended and withdrawn states, also across the wrap-around', () => {
    expect(nextHolder(arctic({ RU: 'suspended' }), 'IS')?.id).toBe('NO');
    expect(nextHolder(arctic({ RU: 'suspended', NO: 'withdrawn' }), 'IS')?.id).toBe('DK');
    expect(nextHolder(arctic({ CA: 'suspended' }), 'SE')?.id).toBe('US');
  });

  it('counts from a holder that is itself no longer active', () => {
    expect(nextHolder(arctic({ RU: 'suspended' }), 'RU')?.id).toBe('NO');
  });

  it('does not depend on the order members are given in, nor on gaps in positions', () => {
    const members: RotationMember[] = [
      { id: 'c', rotationPosition: 30, status: 'active' },
      { id: 'a', rotationPosition: 10, status: 'active' },
      { id: 'b', rotationPosition: 20, status: 'active' },
    ];
    expect(nextHolder(members, 'a')?.id).toBe('b');
    expect(nextHolder(members, 'c')?.id).toBe('a');
  });

  it('starts at the first eligible state with no (or an unknown) last holder, and gives null with none eligible', () => {
    expect(nextHolder(arctic({ CA: 'withdrawn' }), null)?.id).toBe('US');
    expect(nextHolder(arctic(), 'XX')?.id).toBe('CA');
    expect(nextHolder(arctic(Object.fromEntries(ORDER.map((id) => [id, 'suspended']))), 'CA')).toBeNull();
    expect(nextHolder([], null)).toBeNull();
  });

  it('gives the presidency back to the only eligible state', () => {
    expect(
      nextHolder(arctic({ US: 'suspended', FI: 'suspended', IS: 'suspended', RU: 'suspended', NO: 'suspended', DK: 'suspended', SE: 'suspended' }), 'CA')?.id,
    ).toBe('CA');
  });
});

describe('projectTerms', () => {
  it('projects the rotation after Canada 2013–15 in two-year terms', () => {
    const last = HISTORY[HISTORY.length - 1]!;
    const out = projectTerms({ policy: 'fixed_order', members: arctic(), termMonths: 24, lastHolderId: last.participantId, lastEndsAt: last.endsAt, count: 9 });
    expect(out.map((t) => [t.participantId, iso(t.startsAt), iso(t.endsAt)])).toEqual([
      ['US', '2015-04-24', '2017-04-24'],
      ['FI', '2017-04-24', '2019-04-24'],
      ['IS', '2019-04-24', '2021-04-24'],
      ['RU', '2021-04-24', '2023-04-24'],
      ['NO', '2023-04-24', '2025-04-24'],
      ['DK', '2025-04-24', '2027-04-24'],
      ['SE', '2027-04-24', '2029-04-24'],
      ['CA', '2029-04-24', '2031-04-24'],
      ['US', '2031-04-24', '2033-04-24'],
    ]);
    expect(out.every((t) => t.projected && !t.toBeDesignated)).toBe(true);
  });

  it('skips a suspended state in the projection', () => {
    const out = projectTerms({
      policy: 'fixed_order',
      members: arctic({ RU: 'suspended' }),
      termMonths: 24,
      lastHolderId: 'FI',
      lastEndsAt: d('2019-05-07T00:00:00Z'),
      count: 3,
    });
    expect(out.map((t) => t.participantId)).toEqual(['IS', 'NO', 'DK']);
  });

  it('keeps terms contiguous and does not drift when anchored at a month end', () => {
    const out = projectTerms({ policy: 'fixed_order', members: arctic(), termMonths: 1, lastHolderId: 'CA', lastEndsAt: d('2024-01-31T00:00:00Z'), count: 4 });
    expect(out.map((t) => iso(t.endsAt))).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    for (let i = 1; i < out.length; i++) expect(out[i]!.startsAt.getTime()).toBe(out[i - 1]!.endsAt.getTime());
    for (const t of out) expect(t.endsAt.getTime()).toBeGreaterThan(t.startsAt.getTime());
  });

  it('projects holder null under the designated policy: nobody is picked silently', () => {
    const out = projectTerms({ policy: 'designated', members: arctic(), termMonths: 12, lastHolderId: 'CA', lastEndsAt: d('2025-06-30T00:00:00Z'), count: 2 });
    expect(out).toEqual([
      { participantId: null, startsAt: d('2025-06-30T00:00:00Z'), endsAt: d('2026-06-30T00:00:00Z'), projected: true, toBeDesignated: true },
      { participantId: null, startsAt: d('2026-06-30T00:00:00Z'), endsAt: d('2027-06-30T00:00:00Z'), projected: true, toBeDesignated: true },
    ]);
  });

  it('projects holder null when no state is eligible, and nothing for count 0', () => {
    const none = arctic(Object.fromEntries(ORDER.map((id) => [id, 'withdrawn'])));
    const out = projectTerms({ policy: 'fixed_order', members: none, termMonths: 24, lastHolderId: 'CA', lastEndsAt: d('2025-01-01T00:00:00Z'), count: 1 });
    expect(out[0]).toMatchObject({ participantId: null, toBeDesignated: true });
    expect(
      projectTerms({ policy: 'fixed_order', members: arctic(), termMonths: 24, lastHolderId: 'CA', lastEndsAt: d('2025-01-01T00:00:00Z'), count: 0 }),
    ).toEqual([]);
  });
});

describe('indexAt (half-open terms)', () => {
  it('finds the term covering an instant; a boundary belongs to the term that starts there', () => {
    expect(HISTORY[indexAt(HISTORY, d('2007-06-01T00:00:00Z'))]!.participantId).toBe('NO');
    expect(HISTORY[indexAt(HISTORY, d('2009-04-29T00:00:00Z'))]!.participantId).toBe('DK');
    expect(HISTORY[indexAt(HISTORY, d('2009-04-28T23:59:59.999Z'))]!.participantId).toBe('NO');
    expect(indexAt(HISTORY, d('1996-09-18T23:59:59.999Z'))).toBe(-1);
    expect(indexAt(HISTORY, d('2015-04-24T00:00:00Z'))).toBe(-1);
  });
});

describe('troikaAt', () => {
  const base = { terms: HISTORY, members: arctic(), termMonths: 24, policy: 'fixed_order' as const };

  it('during Norway’s longer term: Russia, Norway, Denmark', () => {
    const t = troikaAt({ ...base, at: d('2008-01-01T00:00:00Z') });
    expect([t.previous?.participantId, t.current?.participantId, t.next?.participantId]).toEqual(['RU', 'NO', 'DK']);
  });

  it('at the first term: no previous', () => {
    const t = troikaAt({ ...base, at: d('1996-09-19T00:00:00Z') });
    expect(t.previous).toBeNull();
    expect([t.current?.participantId, t.next?.participantId]).toEqual(['CA', 'US']);
  });

  it('in the last recorded term, projects the next holder under fixed order', () => {
    const t = troikaAt({ ...base, at: d('2014-01-01T00:00:00Z') });
    expect(t.previous?.participantId).toBe('SE');
    expect(t.current?.participantId).toBe('CA');
    expect(t.next).toEqual({
      participantId: 'US',
      startsAt: d('2015-04-24T00:00:00Z'),
      endsAt: d('2017-04-24T00:00:00Z'),
      projected: true,
      toBeDesignated: false,
    });
  });

  it('skips a suspended state when projecting the next holder', () => {
    const t = troikaAt({ ...base, members: arctic({ US: 'suspended' }), at: d('2014-01-01T00:00:00Z') });
    expect(t.next?.participantId).toBe('FI');
  });

  it('gives next = null under the designated policy when no successor is recorded', () => {
    const t = troikaAt({ ...base, policy: 'designated', at: d('2014-01-01T00:00:00Z') });
    expect(t.current?.participantId).toBe('CA');
    expect(t.next).toBeNull();
    // …but a recorded successor is still the next one.
    expect(troikaAt({ ...base, policy: 'designated', at: d('2012-01-01T00:00:00Z') }).next?.participantId).toBe('CA');
  });

  it('without a covering term: previous ended, no current, next recorded term if any', () => {
    const before = troikaAt({ ...base, at: d('1990-01-01T00:00:00Z') });
    expect(before.previous).toBeNull();
    expect(before.current).toBeNull();
    expect(before.next?.participantId).toBe('CA');
    const after = troikaAt({ ...base, at: d('2020-01-01T00:00:00Z') });
    expect(after.previous?.participantId).toBe('CA');
    expect(after.current).toBeNull();
    expect(after.next).toBeNull();
  });

  it('at a handover instant, the incoming holder is current', () => {
    const t = troikaAt({ ...base, at: d('2011-05-12T00:00:00Z') });
    expect([t.previous?.participantId, t.current?.participantId, t.next?.participantId]).toEqual(['DK', 'SE', 'CA']);
  });
});

describe('scheduleFrom', () => {
  const base = { terms: HISTORY, members: arctic(), termMonths: 24, policy: 'fixed_order' as const };

  it('lists the recorded terms not yet ended, then projected ones, up to count', () => {
    const out = scheduleFrom({ ...base, at: d('2012-01-01T00:00:00Z'), count: 4 });
    expect(out.map((t) => [t.participantId, 'projected' in t])).toEqual([
      ['SE', false],
      ['CA', false],
      ['US', true],
      ['FI', true],
    ]);
  });

  it('stops at count even within the recorded terms', () => {
    expect(scheduleFrom({ ...base, at: d('2000-01-01T00:00:00Z'), count: 2 }).map((t) => t.participantId)).toEqual(['US', 'FI']);
  });

  it('projects holder null under the designated policy', () => {
    const out = scheduleFrom({ ...base, policy: 'designated', at: d('2014-01-01T00:00:00Z'), count: 3 });
    expect(out[0]!.participantId).toBe('CA');
    expect(out.slice(1)).toEqual([
      expect.objectContaining({ participantId: null, projected: true, toBeDesignated: true }),
      expect.objectContaining({ participantId: null, projected: true, toBeDesignated: true }),
    ]);
  });

  it('is empty with no recorded term to project from', () => {
    expect(scheduleFrom({ ...base, terms: [], at: d('2014-01-01T00:00:00Z'), count: 3 })).toEqual([]);
  });
});
