import { closingOutcome, quorumOf, quorumRequired } from './consensus.js';

describe('quorum', () => {
  it.each([
    [0.75, 8, 6],
    [0.75, 11, 9],
    [0.5, 7, 4],
    [0.7, 10, 7],
    [1, 3, 3],
    [0.001, 3, 1],
    [0.75, 0, 1],
  ])('ratio %d of %d member states needs %d', (ratio, active, required) => {
    expect(quorumRequired(ratio, active)).toBe(required);
  });

  it('is met with enough member states present, never in a council without member states', () => {
    expect(quorumOf(0.75, 8, 6).met).toBe(true);
    expect(quorumOf(0.75, 8, 5).met).toBe(false);
    expect(quorumOf(0.75, 0, 0).met).toBe(false);
  });
});

describe('closing a decision', () => {
  const met = { met: true };
  const notMet = { met: false };
  it('adopts by consensus when quorum is met and nobody objects', () => {
    expect(closingOutcome(undefined, met, 0)).toEqual({ outcome: 'adopted' });
  });
  it('does not adopt while an objection stands', () => {
    expect(closingOutcome(undefined, met, 1)).toEqual({ outcome: 'not_adopted' });
  });
  it('refuses without quorum, unless deferring', () => {
    expect(closingOutcome(undefined, notMet, 0)).toEqual({ refused: 'quorum_not_met' });
    expect(closingOutcome('deferred', notMet, 0)).toEqual({ outcome: 'deferred' });
    expect(closingOutcome('deferred', met, 2)).toEqual({ outcome: 'deferred' });
  });
});
