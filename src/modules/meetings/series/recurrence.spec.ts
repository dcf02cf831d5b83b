import { differsFromRule, localStart, MAX_OCCURRENCES, occurrenceDates, planSeries, type RecurrenceRule, ruleProblem, rruleText } from './recurrence.js';

const everyOtherTuesday: RecurrenceRule = { frequency: 'weekly', interval: 2, weekday: 'TU', weekOfMonth: null };
const secondTuesday: RecurrenceRule = { frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 2 };
const NOW = new Date('2029-01-01T00:00:00Z');

describe('recurrence', () => {
  describe('"every second Tuesday", both readings', () => {
    it('every other week on Tuesday: from the first date’s week, two weeks apart', () => {
      // 2030-03-04 is a Monday: the first Tuesday is the next day.
      expect(occurrenceDates(everyOtherTuesday, '2030-03-04', { untilDate: null, count: 4 })).toEqual(['2030-03-05', '2030-03-19', '2030-04-02', '2030-04-16']);
    });

    it('the second Tuesday of each month, starting with the first one on or after the first date', () => {
      expect(occurrenceDates(secondTuesday, '2030-01-09', { untilDate: '2030-06-30', count: null })).toEqual([
        '2030-02-12',
        '2030-03-12',
        '2030-04-09',
        '2030-05-14',
        '2030-06-11',
      ]);
    });

    it('the last Friday of each month, every other month', () => {
      const rule: RecurrenceRule = { frequency: 'monthly', interval: 2, weekday: 'FR', weekOfMonth: -1 };
      expect(occurrenceDates(rule, '2030-01-01', { untilDate: null, count: 3 })).toEqual(['2030-01-25', '2030-03-29', '2030-05-31']);
    });

    it('until is inclusive', () => {
      expect(occurrenceDates(everyOtherTuesday, '2030-03-05', { untilDate: '2030-03-19', count: null })).toEqual(['2030-03-05', '2030-03-19']);
    });

    it('writes the RFC 5545 rule', () => {
      expect(rruleText(everyOtherTuesday, { untilDate: null, count: 10 })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10');
      expect(rruleText(secondTuesday, { untilDate: '2030-12-31', count: null })).toBe('FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20301231');
      expect(rruleText({ frequency: 'monthly', interval: 1, weekday: 'FR', weekOfMonth: -1 }, { untilDate: null, count: 2 })).toBe(
        'FREQ=MONTHLY;BYDAY=-1FR;COUNT=2',
      );
    });
  });

  describe('local time in the series’ zone', () => {
    it('09:00 in Toronto stays 09:00 local across the March and November DST changes', () => {
      // DST in 2030: from 10 March to 3 November.
      expect(localStart('2030-03-05', '09:00', 'America/Toronto').toISOString()).toBe('2030-03-05T14:00:00.000Z');
      expect(localStart('2030-03-19', '09:00', 'America/Toronto').toISOString()).toBe('2030-03-19T13:00:00.000Z');
      expect(localStart('2030-11-12', '09:00', 'America/Toronto').toISOString()).toBe('2030-11-12T14:00:00.000Z');
    });

    it('a zone without DST keeps the same UTC time', () => {
      expect(localStart('2030-03-05', '10:30', 'America/Mexico_City').toISOString()).toBe('2030-03-05T16:30:00.000Z');
      expect(localStart('2030-07-05', '10:30', 'America/Mexico_City').toISOString()).toBe('2030-07-05T16:30:00.000Z');
    });

    it('a local time in the spring-forward gap moves forward by the gap', () => {
      expect(localStart('2030-03-10', '02:30', 'America/Toronto').toISOString()).toBe('2030-03-10T07:30:00.000Z'); // 03:30 EDT
    });
  });

  describe('planning a series', () => {
    const input = (over: Partial<Parameters<typeof planSeries>[0]> = {}) => ({
      rule: everyOtherTuesday,
      firstDate: '2030-03-04',
      end: { untilDate: null, count: 4 },
      localTime: '09:00',
      durationMinutes: 180,
      timeZone: 'America/Toronto',
      ...over,
    });

    it('gives each occurrence its local start and its end', () => {
      const plan = planSeries(input(), NOW);
      expect(plan.ok && plan.occurrences.map((o) => [o.occurrenceDate, o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
        ['2030-03-05', '2030-03-05T14:00:00.000Z', '2030-03-05T17:00:00.000Z'],
        ['2030-03-19', '2030-03-19T13:00:00.000Z', '2030-03-19T16:00:00.000Z'],
        ['2030-04-02', '2030-04-02T13:00:00.000Z', '2030-04-02T16:00:00.000Z'],
        ['2030-04-16', '2030-04-16T13:00:00.000Z', '2030-04-16T16:00:00.000Z'],
      ]);
    });

    it.each([
      ['neither until nor count', { end: { untilDate: null, count: null } }, 'untilDate', 'one_of'],
      ['both until and count', { end: { untilDate: '2030-05-01', count: 3 } }, 'untilDate', 'one_of'],
      ['until before the first date', { end: { untilDate: '2030-03-01', count: null } }, 'untilDate', 'not_before_first_date'],
      ['until more than 24 months on', { end: { untilDate: '2032-03-05', count: null } }, 'untilDate', 'max_span'],
      ['count 0', { end: { untilDate: null, count: 0 } }, 'count', 'range'],
      ['count beyond the cap', { end: { untilDate: null, count: MAX_OCCURRENCES + 1 } }, 'count', 'range'],
      ['no date in the range', { end: { untilDate: '2030-03-04', count: null } }, 'untilDate', 'no_occurrence'],
      [
        'more than 60 weekly dates before until',
        { rule: { ...everyOtherTuesday, interval: 1 }, end: { untilDate: '2031-12-31', count: null } },
        'untilDate',
        'max_occurrences',
      ],
      ['a count reaching beyond 24 months', { rule: { ...secondTuesday, interval: 6 }, end: { untilDate: null, count: 6 } }, 'count', 'max_span'],
      ['a first occurrence already past', { firstDate: '2028-12-01' }, 'firstDate', 'future'],
      ['weekOfMonth on a weekly rule', { rule: { ...everyOtherTuesday, weekOfMonth: 2 } }, 'recurrence.weekOfMonth', 'monthly_only'],
      ['a monthly rule without weekOfMonth', { rule: { ...secondTuesday, weekOfMonth: null } }, 'recurrence.weekOfMonth', 'required_for_monthly'],
      ['interval 0', { rule: { ...everyOtherTuesday, interval: 0 } }, 'recurrence.interval', 'range'],
    ] as const)('refuses %s, naming the field', (_name, over, field, rule) => {
      const plan = planSeries(input(over as never), NOW);
      expect(plan).toEqual({ ok: false, problem: expect.objectContaining({ field, rule }) });
    });

    it('accepts exactly 60 occurrences within 24 months', () => {
      const plan = planSeries(input({ rule: { ...everyOtherTuesday, interval: 1 }, end: { untilDate: null, count: 60 } }), NOW);
      expect(plan.ok && plan.occurrences.length).toBe(60);
    });

    it('checks the rule shape alone', () => {
      expect(ruleProblem(secondTuesday)).toBeNull();
      expect(ruleProblem(everyOtherTuesday)).toBeNull();
    });
  });

  describe('moved occurrences', () => {
    const series = { localTime: '09:00', durationMinutes: 120, timeZone: 'America/Toronto' };
    it('an occurrence where the rule puts it has not moved; another start, end or zone has', () => {
      const at = { startsAt: new Date('2030-03-19T13:00:00Z'), endsAt: new Date('2030-03-19T15:00:00Z'), timeZone: 'America/Toronto' };
      expect(differsFromRule(at, series, '2030-03-19')).toBe(false);
      expect(differsFromRule({ ...at, startsAt: new Date('2030-03-19T14:00:00Z') }, series, '2030-03-19')).toBe(true);
      expect(differsFromRule({ ...at, endsAt: new Date('2030-03-19T16:00:00Z') }, series, '2030-03-19')).toBe(true);
      expect(differsFromRule({ ...at, timeZone: 'America/New_York' }, series, '2030-03-19')).toBe(true);
      expect(differsFromRule(at, series, '2030-03-20')).toBe(true);
    });
  });
});
