import type { MeetingKind } from './entities/council-meeting-rule.entity.js';
import type { RotationPolicy, WorkingLanguage } from './entities/council.entity.js';

/** Deadlines of one meeting kind, in days before the meeting. */
export interface MeetingRuleDays {
  noticeDays: number;
  agendaDays: number;
  papersDays: number;
}

export type MeetingRules = Record<MeetingKind, MeetingRuleDays>;

/**
 * The default deadlines of a new council (DOMAIN.md, "Defaults to start from"),
 * each overridable per council and per kind. An extraordinary meeting's agenda
 * goes out with the notice, hence agendaDays = noticeDays.
 */
export const DEFAULT_MEETING_RULES: Readonly<MeetingRules> = Object.freeze({
  ministerial: Object.freeze({ noticeDays: 120, agendaDays: 90, papersDays: 30 }),
  senior_officials: Object.freeze({ noticeDays: 60, agendaDays: 45, papersDays: 21 }),
  working_group: Object.freeze({ noticeDays: 30, agendaDays: 21, papersDays: 10 }),
  extraordinary: Object.freeze({ noticeDays: 14, agendaDays: 14, papersDays: 7 }),
});

/** Defaults of the other council settings when a create request leaves them out. */
export const COUNCIL_DEFAULTS: Readonly<{
  termMonths: number;
  rotationPolicy: RotationPolicy;
  quorumRatio: number;
  workingLanguages: readonly WorkingLanguage[];
}> = Object.freeze({
  termMonths: 24,
  rotationPolicy: 'fixed_order',
  quorumRatio: 0.75,
  workingLanguages: Object.freeze(['es', 'en', 'fr', 'pt'] as WorkingLanguage[]),
});

/** Largest number of days a deadline may lie before a meeting (the database CHECK allows 0..730). */
export const MAX_RULE_DAYS = 730;
