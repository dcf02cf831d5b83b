import { earliestSessionOpen, localInstant } from './session-window.js';

describe('earliestSessionOpen', () => {
  it("is the start of the meeting's day in its zone", () => {
    // 10:00 in Panama (UTC-5) → midnight Panama = 05:00Z.
    expect(earliestSessionOpen(new Date('2026-05-20T15:00:00Z'), 'America/Panama', 60).toISOString()).toBe('2026-05-20T05:00:00.000Z');
  });

  it('is the lead before the start when that is earlier than midnight', () => {
    expect(earliestSessionOpen(new Date('2026-05-20T05:30:00Z'), 'America/Panama', 60).toISOString()).toBe('2026-05-20T04:30:00.000Z');
    expect(earliestSessionOpen(new Date('2026-05-20T05:30:00Z'), 'America/Panama', 0).toISOString()).toBe('2026-05-20T05:00:00.000Z');
  });

  it("follows the meeting's zone, not UTC, across a DST change", () => {
    // 2026-03-29 is the spring change in Europe: midnight Berlin is still +01:00.
    expect(earliestSessionOpen(new Date('2026-03-29T08:00:00Z'), 'Europe/Berlin', 60).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(earliestSessionOpen(new Date('2026-05-20T23:30:00Z'), 'Asia/Tokyo', 60).toISOString()).toBe('2026-05-20T15:00:00.000Z');
  });

  it('writes the instant in the zone with its offset', () => {
    expect(localInstant(new Date('2026-05-20T05:00:00Z'), 'America/Panama')).toBe('2026-05-20T00:00:00.000-05:00');
  });
});
