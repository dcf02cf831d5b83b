import { admitItem, orderProblem, supplementaryDeadline, titleProblem } from './agenda-rules.js';

describe('agenda rules', () => {
  const start = new Date('2030-03-10T15:00:00Z');
  const deadline = supplementaryDeadline(start);

  it('the supplementary deadline is 72 hours before the start', () => {
    expect(deadline.toISOString()).toBe('2030-03-07T15:00:00.000Z');
  });

  it('admits any item to a draft agenda, unmarked', () => {
    expect(admitItem({ status: 'draft', supplementaryDeadline: null }, new Date('2030-03-10T00:00:00Z'), false)).toEqual({
      admitted: true,
      supplementary: false,
      acceptedByChair: false,
    });
  });

  it('marks items supplementary after circulation, up to and including the deadline', () => {
    const agenda = { status: 'circulated' as const, supplementaryDeadline: deadline };
    expect(admitItem(agenda, new Date(deadline.getTime() - 1), false)).toEqual({ admitted: true, supplementary: true, acceptedByChair: false });
    expect(admitItem(agenda, deadline, false)).toEqual({ admitted: true, supplementary: true, acceptedByChair: false });
  });

  it('refuses items after the deadline unless the chair accepts them', () => {
    const agenda = { status: 'adopted' as const, supplementaryDeadline: deadline };
    const late = new Date(deadline.getTime() + 1);
    expect(admitItem(agenda, late, false)).toEqual({ admitted: false, deadline });
    expect(admitItem(agenda, late, true)).toEqual({ admitted: true, supplementary: true, acceptedByChair: true });
  });

  it('checks titles against the working languages', () => {
    const langs = ['es', 'en'];
    expect(titleProblem({ es: 'Movilidad', en: 'Mobility' }, langs)).toBeNull();
    expect(titleProblem({ en: 'Mobility' }, langs)).toBeNull();
    expect(titleProblem({}, langs)).toMatchObject({ field: 'title', rule: 'not_empty' });
    expect(titleProblem({ fr: 'Mobilité' }, langs)).toMatchObject({ field: 'title.fr', rule: 'working_language' });
    expect(titleProblem({ es: '   ' }, langs)).toMatchObject({ field: 'title.es', rule: 'not_blank' });
    expect(titleProblem({ es: 3 }, langs)).toMatchObject({ field: 'title.es', rule: 'not_blank' });
    expect(titleProblem({ es: 'x'.repeat(301) }, langs)).toMatchObject({ field: 'title.es', rule: 'max_length' });
  });

  it('an order must name every item exactly once', () => {
    expect(orderProblem(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeNull();
    expect(orderProblem(['a', 'b', 'c'], ['c', 'a'])).toEqual({ missing: ['b'], unknown: [], duplicated: [] });
    expect(orderProblem(['a', 'b'], ['a', 'b', 'a'])).toEqual({ missing: [], unknown: [], duplicated: ['a'] });
    expect(orderProblem(['a', 'b'], ['a', 'b', 'z'])).toEqual({ missing: [], unknown: ['z'], duplicated: [] });
  });
});
