import { alertDue, alertPeriod, designationDeadline, designationInTime, successor, type SuccessionInput, type SuccessionMember } from './succession.js';

const m = (id: string, rotationPosition: number, status: SuccessionMember['status'] = 'active'): SuccessionMember => ({ id, rotationPosition, status });
const members = [m('CA', 1), m('US', 2), m('FI', 3), m('IS', 4), m('RU', 5)];
const end = new Date('2026-05-15T00:00:00.000Z');

function input(over: Partial<SuccessionInput> = {}): SuccessionInput {
  return {
    policy: 'fixed_order',
    members,
    outgoing: { id: 't1', participantId: 'US', endsAt: end, source: 'rotation' },
    next: null,
    waivers: [],
    designation: null,
    leadMonths: 12,
    ...over,
  };
}

describe('successor', () => {
  it('takes the term already recorded after the outgoing one', () => {
    expect(successor(input({ next: { id: 't2', participantId: 'RU' } }))).toMatchObject({ found: true, participantId: 'RU', basis: 'entered' });
  });

  it('fixed order: the next position after the outgoing holder', () => {
    expect(successor(input())).toMatchObject({ found: true, participantId: 'FI', basis: 'rotation', skipped: [] });
  });

  it('wraps around after the last position', () => {
    expect(successor(input({ outgoing: { id: 't1', participantId: 'RU', endsAt: end, source: 'rotation' } }))).toMatchObject({ participantId: 'CA' });
  });

  it('skips suspended and withdrawn states, saying why', () => {
    const r = successor(input({ members: [m('CA', 1), m('US', 2), m('FI', 3, 'suspended'), m('IS', 4, 'withdrawn'), m('RU', 5)] }));
    expect(r).toEqual({
      found: true,
      participantId: 'RU',
      basis: 'rotation',
      skipped: [
        { participantId: 'FI', reason: 'suspended' },
        { participantId: 'IS', reason: 'withdrawn' },
      ],
      waiversUsed: [],
    });
  });

  it('skips a state that waived this turn, and one that waived its next turn (used up)', () => {
    const r = successor(
      input({
        waivers: [
          { participantId: 'FI', forTermAfter: 't1', appliedTermId: null },
          { participantId: 'IS', forTermAfter: null, appliedTermId: null },
        ],
      }),
    );
    expect(r).toMatchObject({ found: true, participantId: 'RU', waiversUsed: ['IS'] });
  });

  it('ignores a waiver for another term and a next-turn waiver already used by another term', () => {
    const r = successor(
      input({
        waivers: [
          { participantId: 'FI', forTermAfter: 'other', appliedTermId: null },
          { participantId: 'FI', forTermAfter: null, appliedTermId: 'earlier' },
        ],
      }),
    );
    expect(r).toMatchObject({ found: true, participantId: 'FI' });
  });

  it('a next-turn waiver used by this very term still applies (the transfer is re-evaluated the same)', () => {
    const r = successor(input({ waivers: [{ participantId: 'FI', forTermAfter: null, appliedTermId: 't1' }] }));
    expect(r).toMatchObject({ participantId: 'IS', waiversUsed: ['FI'] });
  });

  it('never the outgoing holder itself: nobody when no other state is eligible', () => {
    const r = successor(input({ members: [m('CA', 1, 'suspended'), m('US', 2), m('FI', 3, 'withdrawn')] }));
    expect(r).toEqual({
      found: false,
      reason: 'no_eligible_member',
      skipped: [
        { participantId: 'FI', reason: 'withdrawn' },
        { participantId: 'CA', reason: 'suspended' },
      ],
    });
  });

  it('an outgoing holder no longer among the members: the first eligible in order', () => {
    expect(successor(input({ outgoing: { id: 't1', participantId: 'XX', endsAt: end, source: 'historical' } }))).toMatchObject({ participantId: 'CA' });
  });

  describe('designated', () => {
    it('nobody without a designation', () => {
      expect(successor(input({ policy: 'designated' }))).toEqual({ found: false, reason: 'designation_missing', skipped: [] });
    });
    it('the designee when adopted at least leadMonths before the end', () => {
      const r = successor(input({ policy: 'designated', designation: { participantId: 'IS', adoptedAt: new Date('2025-05-15T00:00:00.000Z') } }));
      expect(r).toMatchObject({ found: true, participantId: 'IS', basis: 'designated' });
    });
    it('nobody when adopted too late', () => {
      const r = successor(input({ policy: 'designated', designation: { participantId: 'IS', adoptedAt: new Date('2025-05-15T00:00:00.001Z') } }));
      expect(r).toMatchObject({ found: false, reason: 'designation_late' });
    });
    it('an extension term takes any designation; a suspended designee is nobody', () => {
      const late = { participantId: 'IS', adoptedAt: new Date('2026-05-01T00:00:00.000Z') };
      expect(
        successor(input({ policy: 'designated', designation: late, outgoing: { id: 't1', participantId: 'US', endsAt: end, source: 'extension' } })),
      ).toMatchObject({
        found: true,
        participantId: 'IS',
      });
      expect(
        successor(
          input({
            policy: 'designated',
            members: [m('US', 2), m('IS', 4, 'suspended')],
            designation: { participantId: 'IS', adoptedAt: new Date('2020-01-01T00:00:00.000Z') },
          }),
        ),
      ).toMatchObject({ found: false, reason: 'designee_not_active' });
    });
  });
});

describe('deadlines and alerts', () => {
  it('the designation deadline is leadMonths before the end, month-end clamped', () => {
    expect(designationDeadline(new Date('2026-02-28T12:00:00.000Z'), 12).toISOString()).toBe('2025-02-28T12:00:00.000Z');
    expect(designationDeadline(new Date('2024-02-29T00:00:00.000Z'), 12).toISOString()).toBe('2023-02-28T00:00:00.000Z');
    expect(designationInTime(new Date('2025-02-28T12:00:00.000Z'), { endsAt: new Date('2026-02-28T12:00:00.000Z'), source: 'rotation' }, 12)).toBe(true);
  });
  it('alerts from the deadline on; extension terms always', () => {
    const term = { endsAt: end, source: 'rotation' };
    expect(alertDue(new Date('2025-05-14T23:59:59.999Z'), term, 12)).toBe(false);
    expect(alertDue(new Date('2025-05-15T00:00:00.000Z'), term, 12)).toBe(true);
    expect(alertDue(new Date('2020-01-01T00:00:00.000Z'), { endsAt: end, source: 'extension' }, 12)).toBe(true);
  });
  it('one alert period per UTC month', () => {
    expect(alertPeriod(new Date('2026-01-31T23:59:59.999Z'))).toBe('2026-01');
    expect(alertPeriod(new Date('2026-02-01T00:00:00.000Z'))).toBe('2026-02');
  });
});
