import { DEFAULT_MEETING_RULES } from './council-defaults.js';
import { changedKinds, meetingRulesProblem, mergeMeetingRules } from './meeting-rules.js';

describe('meeting rules', () => {
  it('keeps the defaults when nothing is overridden', () => {
    expect(mergeMeetingRules(DEFAULT_MEETING_RULES, undefined)).toEqual(DEFAULT_MEETING_RULES);
    expect(meetingRulesProblem(mergeMeetingRules(DEFAULT_MEETING_RULES, {}))).toBeUndefined();
  });

  it('overrides single fields of single kinds', () => {
    const merged = mergeMeetingRules(DEFAULT_MEETING_RULES, { ministerial: { noticeDays: 150 }, extraordinary: { papersDays: 3 } });
    expect(merged.ministerial).toEqual({ noticeDays: 150, agendaDays: 90, papersDays: 30 });
    expect(merged.extraordinary).toEqual({ noticeDays: 14, agendaDays: 14, papersDays: 3 });
    expect(merged.working_group).toEqual(DEFAULT_MEETING_RULES.working_group);
    expect(changedKinds(DEFAULT_MEETING_RULES, merged)).toEqual(['ministerial', 'extraordinary']);
  });

  it('refuses an agenda due before the notice, naming the field', () => {
    const merged = mergeMeetingRules(DEFAULT_MEETING_RULES, { working_group: { noticeDays: 20 } });
    expect(meetingRulesProblem(merged)).toMatchObject({ field: 'meetingRules.working_group.agendaDays' });
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_MEETING_RULES).toEqual({
      ministerial: { noticeDays: 120, agendaDays: 90, papersDays: 30 },
      senior_officials: { noticeDays: 60, agendaDays: 45, papersDays: 21 },
      working_group: { noticeDays: 30, agendaDays: 21, papersDays: 10 },
      extraordinary: { noticeDays: 14, agendaDays: 14, papersDays: 7 },
    });
  });
});
