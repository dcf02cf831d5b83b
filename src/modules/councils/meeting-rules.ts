import type { FieldProblem } from '../../core/errors/domain.exception.js';
import type { MeetingRuleDays, MeetingRules } from './council-defaults.js';
import { MEETING_KINDS } from './entities/council-meeting-rule.entity.js';

export type MeetingRulesPatch = Partial<Record<keyof MeetingRules, Partial<MeetingRuleDays> | undefined>>;

/** The rules after applying a (partial, per kind and per field) patch to the current ones. */
export function mergeMeetingRules(current: Readonly<MeetingRules>, patch: MeetingRulesPatch | undefined): MeetingRules {
  const merged = {} as MeetingRules;
  for (const kind of MEETING_KINDS) {
    const p = patch?.[kind] ?? {};
    merged[kind] = {
      noticeDays: p.noticeDays ?? current[kind].noticeDays,
      agendaDays: p.agendaDays ?? current[kind].agendaDays,
      papersDays: p.papersDays ?? current[kind].papersDays,
    };
  }
  return merged;
}

/** The first broken rule of a complete set: the agenda cannot be due before the notice goes out. */
export function meetingRulesProblem(rules: MeetingRules): FieldProblem | undefined {
  for (const kind of MEETING_KINDS) {
    const r = rules[kind];
    if (r.agendaDays > r.noticeDays) {
      return {
        field: `meetingRules.${kind}.agendaDays`,
        rule: 'agenda_not_before_notice',
        message: `meetingRules.${kind}.agendaDays (${r.agendaDays}) cannot exceed noticeDays (${r.noticeDays}): the agenda cannot circulate before the notice`,
      };
    }
  }
  return undefined;
}

/** The kinds whose values differ between two rule sets. */
export function changedKinds(before: MeetingRules, after: MeetingRules): (keyof MeetingRules)[] {
  return MEETING_KINDS.filter(
    (k) => before[k].noticeDays !== after[k].noticeDays || before[k].agendaDays !== after[k].agendaDays || before[k].papersDays !== after[k].papersDays,
  );
}
