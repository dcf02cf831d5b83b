import { DEFAULT_HANDOVER_SETTINGS, reminderStillDue, remindersToSchedule, stageDueAt, stageOfKind, timelineOf } from './handover-timeline.js';

describe('handover timeline', () => {
  const term = { id: '00000000-0000-4000-8000-000000000001', startsAt: new Date('2025-03-31T00:00:00Z'), endsAt: new Date('2027-03-31T00:00:00Z') };

  it('puts the default reminders at 12 months, 6 months, 90 and 30 days before the end, in order', () => {
    expect(timelineOf(term, DEFAULT_HANDOVER_SETTINGS).map((r) => [r.stage, r.dueAt.toISOString()])).toEqual([
      ['first_reminder', '2026-03-31T00:00:00.000Z'],
      ['priorities_due', '2026-09-30T00:00:00.000Z'],
      ['dossier_due', '2026-12-31T00:00:00.000Z'],
      ['final_reminder', '2027-03-01T00:00:00.000Z'],
    ]);
  });

  it('clamps months to the month end and gives stable keys and occurrences', () => {
    const end = new Date('2026-08-31T12:00:00Z');
    expect(stageDueAt('priorities_due', end, DEFAULT_HANDOVER_SETTINGS).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    const [first] = timelineOf({ ...term, endsAt: end, startsAt: new Date('2024-08-31T12:00:00Z') }, DEFAULT_HANDOVER_SETTINGS);
    expect(first!.key).toBe(`handover-${term.id}-first_reminder`);
    expect(first!.occurrence).toBe('first_reminder@2026-08-31T12:00:00.000Z');
    expect(first!.kind).toBe('handover.first_reminder');
  });

  it('leaves out stages due before the term starts, and those already past', () => {
    const short = { ...term, startsAt: new Date('2026-10-01T00:00:00Z') };
    expect(timelineOf(short, DEFAULT_HANDOVER_SETTINGS).map((r) => r.stage)).toEqual(['dossier_due', 'final_reminder']);
    expect(remindersToSchedule(term, DEFAULT_HANDOVER_SETTINGS, new Date('2027-01-15T00:00:00Z')).map((r) => r.stage)).toEqual(['final_reminder']);
  });

  it('follows the council settings', () => {
    const s = { firstReminderMonths: 9, prioritiesReminderMonths: 4, dossierDays: 60, finalReminderDays: 7 };
    expect(timelineOf(term, s).map((r) => r.dueAt.toISOString())).toEqual([
      '2026-06-30T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2027-01-30T00:00:00.000Z',
      '2027-03-24T00:00:00.000Z',
    ]);
  });

  it('says a reminder is stale when the end moved or passed', () => {
    expect(reminderStillDue('final_reminder@2027-03-31T00:00:00.000Z', 'final_reminder', term.endsAt, new Date('2027-03-01T00:00:00Z'))).toBe(true);
    expect(
      reminderStillDue('final_reminder@2027-03-31T00:00:00.000Z', 'final_reminder', new Date('2027-06-30T00:00:00Z'), new Date('2027-03-01T00:00:00Z')),
    ).toBe(false);
    expect(reminderStillDue('final_reminder@2027-03-31T00:00:00.000Z', 'final_reminder', term.endsAt, new Date('2027-04-01T00:00:00Z'))).toBe(false);
    expect(stageOfKind('handover.dossier_due')).toBe('dossier_due');
    expect(stageOfKind('handover.transfer')).toBeNull();
  });
});
