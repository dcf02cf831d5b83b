import { closeDelayMs, deadlineProblem, noticeInWords, SILENCE_MAX_NOTICE_DAYS, silenceOutcome, writtenQuorum } from './silence-rules.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const H72 = 72 * 3600;
const plus = (ms: number) => new Date(NOW.getTime() + ms);

describe('silence procedure rules', () => {
  describe('deadline', () => {
    it('accepts a deadline exactly the minimum notice ahead, and later ones up to the maximum', () => {
      expect(deadlineProblem(plus(H72 * 1000), NOW, H72)).toBeNull();
      expect(deadlineProblem(plus(10 * 86_400_000), NOW, H72)).toBeNull();
      expect(deadlineProblem(plus(SILENCE_MAX_NOTICE_DAYS * 86_400_000), NOW, H72)).toBeNull();
    });

    it('refuses a deadline in the past or now, naming the earliest acceptable one', () => {
      for (const d of [plus(-1), NOW]) {
        expect(deadlineProblem(d, NOW, H72)).toMatchObject({ field: 'deadline', rule: 'future', earliest: '2026-03-13T12:00:00.000Z' });
      }
    });

    it('refuses a deadline less than the minimum notice ahead (one millisecond short)', () => {
      const p = deadlineProblem(plus(H72 * 1000 - 1), NOW, H72);
      expect(p).toMatchObject({ rule: 'min_notice', earliest: '2026-03-13T12:00:00.000Z' });
      expect(p!.message).toContain('72 hours');
    });

    it('refuses a deadline beyond the maximum', () => {
      expect(deadlineProblem(plus(SILENCE_MAX_NOTICE_DAYS * 86_400_000 + 1), NOW, H72)).toMatchObject({ rule: 'max_notice' });
    });

    it('says the notice in words', () => {
      expect([
        noticeInWords(H72),
        noticeInWords(86_400),
        noticeInWords(10 * 86_400),
        noticeInWords(3600),
        noticeInWords(120),
        noticeInWords(1),
        noticeInWords(2),
      ]).toEqual(['72 hours', '24 hours', '10 days', '1 hour', '2 minutes', '1 second', '2 seconds']);
    });
  });

  describe('outcome at the deadline', () => {
    it('is adopted when nobody broke silence', () => {
      expect(silenceOutcome(0, 8)).toBe('adopted');
    });
    it('is not adopted when a member state broke silence (one is enough)', () => {
      expect(silenceOutcome(1, 8)).toBe('not_adopted');
      expect(silenceOutcome(3, 8)).toBe('not_adopted');
    });
    it('is not adopted when the council has no active member state', () => {
      expect(silenceOutcome(0, 0)).toBe('not_adopted');
    });
  });

  describe('figures recorded at closing', () => {
    it('counts every active member state as taking part, with the council quorum rule', () => {
      expect(writtenQuorum(0.75, 8)).toEqual({ memberStatesPresent: 8, activeMemberStates: 8, required: 6 });
      expect(writtenQuorum(0.75, 4)).toEqual({ memberStatesPresent: 4, activeMemberStates: 4, required: 3 });
      expect(writtenQuorum(0.5, 0)).toEqual({ memberStatesPresent: 0, activeMemberStates: 0, required: 1 });
    });
  });

  it('waits until the deadline, never a negative delay', () => {
    expect(closeDelayMs(plus(5000), NOW)).toBe(5000);
    expect(closeDelayMs(plus(-5000), NOW)).toBe(0);
  });
});
