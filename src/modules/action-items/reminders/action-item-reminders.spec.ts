import { DEFAULT_ACTION_ITEM_RULES, rulesProblem } from './action-item-rules.js';
import { dueDateInstant, occurrenceDueDate, planActionItemReminders, reminderStillDue, type ReminderSubject } from './action-item-reminders.js';

const ID = '00000000-0000-4000-8000-000000000001';
const item = (over: Partial<ReminderSubject> = {}): ReminderSubject => ({
  id: ID,
  status: 'open',
  dueDate: '2026-03-31',
  createdAt: new Date('2026-01-10T15:30:00Z'),
  timeZone: 'America/Mexico_City',
  ...over,
});
const byStep = (plan: ReturnType<typeof planActionItemReminders>) => Object.fromEntries(plan.map((p) => [p.step, p.dueAt?.toISOString() ?? null]));

describe('action item reminders (planner)', () => {
  const now = new Date('2026-01-10T16:00:00Z');

  it('plans acknowledgement (created + 7 days), due in 14 and 3 days, overdue +1 and +14 at 09:00 in the council zone', () => {
    const plan = planActionItemReminders(item(), DEFAULT_ACTION_ITEM_RULES, now);
    expect(byStep(plan)).toEqual({
      ack: '2026-01-17T15:30:00.000Z',
      'due-14d': '2026-03-17T15:00:00.000Z', // Mexico City: UTC-6 all year
      'due-3d': '2026-03-28T15:00:00.000Z',
      'over-1d': '2026-04-01T15:00:00.000Z',
      'over-14d': '2026-04-14T15:00:00.000Z',
    });
    expect(plan.map((p) => p.kind)).toEqual([
      'action_item.acknowledge_requested',
      'action_item.due_soon',
      'action_item.due_soon',
      'action_item.overdue',
      'action_item.escalated',
    ]);
    expect(plan.map((p) => p.key)).toEqual(['ack', 'due-14d', 'due-3d', 'over-1d', 'over-14d'].map((s) => `action-item-${ID}-${s}`));
    expect(plan.map((p) => p.occurrence)).toContain('due-3d@2026-03-31');
  });

  it('is DST-correct: 09:00 local on both sides of a clock change', () => {
    // New York moves to summer time on 2026-03-08: 09:00 is 14:00Z before, 13:00Z after.
    expect(dueDateInstant('2026-03-20', -14, 'America/New_York').toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(dueDateInstant('2026-03-20', -3, 'America/New_York').toISOString()).toBe('2026-03-17T13:00:00.000Z');
  });

  it('drops the acknowledgement once acknowledged, and everything once done, verified or cancelled', () => {
    expect(byStep(planActionItemReminders(item({ status: 'acknowledged' }), DEFAULT_ACTION_ITEM_RULES, now)).ack).toBeNull();
    expect(byStep(planActionItemReminders(item({ status: 'blocked' }), DEFAULT_ACTION_ITEM_RULES, now))['due-3d']).not.toBeNull();
    for (const status of ['done', 'verified', 'cancelled'] as const) {
      expect(planActionItemReminders(item({ status }), DEFAULT_ACTION_ITEM_RULES, now).every((p) => p.dueAt === null)).toBe(true);
    }
  });

  it('leaves out what is already past', () => {
    const late = new Date('2026-03-30T00:00:00Z');
    expect(byStep(planActionItemReminders(item({ status: 'in_progress' }), DEFAULT_ACTION_ITEM_RULES, late))).toEqual({
      ack: null,
      'due-14d': null,
      'due-3d': null,
      'over-1d': '2026-04-01T15:00:00.000Z',
      'over-14d': '2026-04-14T15:00:00.000Z',
    });
  });

  it('follows the council rules; no step label is a prefix of another', () => {
    const plan = planActionItemReminders(item(), { ackDays: 2, dueSoonDays: [1, 10], overdueDays: 2, escalateDays: 20, agendaDays: 40 }, now);
    expect(plan.map((p) => p.step)).toEqual(['ack', 'due-10d', 'due-1d', 'over-2d', 'over-20d']);
    for (const a of plan) for (const b of plan) if (a !== b) expect(b.key.startsWith(a.key)).toBe(false);
  });

  it('recognises a reminder made for another due date or status', () => {
    expect(occurrenceDueDate('over-1d@2026-03-31')).toBe('2026-03-31');
    expect(occurrenceDueDate('once')).toBeNull();
    expect(reminderStillDue('action_item.overdue', 'in_progress', '2026-03-31', 'over-1d@2026-03-31')).toBe(true);
    expect(reminderStillDue('action_item.overdue', 'in_progress', '2026-04-30', 'over-1d@2026-03-31')).toBe(false);
    expect(reminderStillDue('action_item.overdue', 'done', '2026-03-31', 'over-1d@2026-03-31')).toBe(false);
    expect(reminderStillDue('action_item.acknowledge_requested', 'acknowledged', '2026-03-31', 'ack@2026-03-31')).toBe(false);
  });

  it('checks the rules, naming the field', () => {
    expect(rulesProblem({ ...DEFAULT_ACTION_ITEM_RULES })).toBeNull();
    expect(rulesProblem({ ...DEFAULT_ACTION_ITEM_RULES, ackDays: 0 })?.field).toBe('ackDays');
    expect(rulesProblem({ ...DEFAULT_ACTION_ITEM_RULES, dueSoonDays: [3, 400] })?.field).toBe('dueSoonDays.1');
    expect(rulesProblem({ ...DEFAULT_ACTION_ITEM_RULES, dueSoonDays: [3, 3] })?.field).toBe('dueSoonDays');
    expect(rulesProblem({ ...DEFAULT_ACTION_ITEM_RULES, escalateDays: 1 })?.field).toBe('escalateDays');
    expect(rulesProblem({ ...DEFAULT_ACTION_ITEM_RULES, agendaDays: 10 })?.field).toBe('agendaDays');
  });
});
