/**
 * The handover timeline, pure: when each reminder of a term's handover is due, under the council's settings.
 * Months are calendar months in UTC before the end (clamped to the month's end, as rotation.ts does), days are
 * 24-hour days. A stage due before the term starts is left out (a 12-month term has no "one year to go" before
 * it starts).
 */
import { addMonthsUtc } from '../rotation.js';

export const HANDOVER_STAGES = ['first_reminder', 'priorities_due', 'dossier_due', 'final_reminder'] as const;
export type HandoverStage = (typeof HANDOVER_STAGES)[number];

/** The outbox kind (and notice name) of a stage. */
export type HandoverKind = `handover.${HandoverStage}`;
export const HANDOVER_KINDS = HANDOVER_STAGES.map((s) => `handover.${s}` as HandoverKind);

export interface HandoverSettingsValues {
  firstReminderMonths: number;
  prioritiesReminderMonths: number;
  dossierDays: number;
  finalReminderDays: number;
}

export const DEFAULT_HANDOVER_SETTINGS: Readonly<HandoverSettingsValues> = Object.freeze({
  firstReminderMonths: 12,
  prioritiesReminderMonths: 6,
  dossierDays: 90,
  finalReminderDays: 30,
});

export interface PlannedReminder {
  stage: HandoverStage;
  kind: HandoverKind;
  /** Stable per term and stage: scheduling it again moves it. */
  key: string;
  /** Ties the reminder to the end it was computed from: a reminder whose term end moved since says nothing. */
  occurrence: string;
  dueAt: Date;
}

const DAY_MS = 86_400_000;

export function stageDueAt(stage: HandoverStage, endsAt: Date, s: HandoverSettingsValues): Date {
  switch (stage) {
    case 'first_reminder':
      return addMonthsUtc(endsAt, -s.firstReminderMonths);
    case 'priorities_due':
      return addMonthsUtc(endsAt, -s.prioritiesReminderMonths);
    case 'dossier_due':
      return new Date(endsAt.getTime() - s.dossierDays * DAY_MS);
    case 'final_reminder':
      return new Date(endsAt.getTime() - s.finalReminderDays * DAY_MS);
  }
}

export const reminderKey = (termId: string, stage: HandoverStage) => `handover-${termId}-${stage}`;
export const reminderOccurrence = (stage: HandoverStage, endsAt: Date) => `${stage}@${endsAt.toISOString()}`;

/** Every stage of the term's timeline (due in time order), with its key; none before the term starts. */
export function timelineOf(term: { id: string; startsAt: Date; endsAt: Date }, s: HandoverSettingsValues): PlannedReminder[] {
  return HANDOVER_STAGES.map((stage) => ({
    stage,
    kind: `handover.${stage}` as HandoverKind,
    key: reminderKey(term.id, stage),
    occurrence: reminderOccurrence(stage, term.endsAt),
    dueAt: stageDueAt(stage, term.endsAt, s),
  }))
    .filter((r) => r.dueAt.getTime() >= term.startsAt.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The reminders still to schedule at `now`: due later, in time order. */
export function remindersToSchedule(term: { id: string; startsAt: Date; endsAt: Date }, s: HandoverSettingsValues, now: Date): PlannedReminder[] {
  return timelineOf(term, s).filter((r) => r.dueAt.getTime() > now.getTime());
}

/** Does a reminder row still speak of the term as it is (same stage, same end), before the end? */
export function reminderStillDue(occurrence: string, stage: HandoverStage, endsAt: Date, now: Date): boolean {
  return occurrence === reminderOccurrence(stage, endsAt) && now.getTime() < endsAt.getTime();
}

export function stageOfKind(kind: string): HandoverStage | null {
  const stage = kind.startsWith('handover.') ? kind.slice('handover.'.length) : '';
  return (HANDOVER_STAGES as readonly string[]).includes(stage) ? (stage as HandoverStage) : null;
}
