import type { MeetingRuleDays, MeetingRules } from './council-defaults.js';
import type { CouncilRow } from './councils.repository.js';
import type { CouncilResponse } from './dto/council.response.js';
import type { MeetingRuleResponse } from './dto/meeting-rule.response.js';
import type { MeetingRulesResponse } from './dto/meeting-rules.response.js';

/** A council and its meeting rules as the API answers them. */
export function councilResponse(row: CouncilRow, rules: MeetingRules): CouncilResponse {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    workingLanguages: row.workingLanguages,
    termMonths: row.termMonths,
    rotationPolicy: row.rotationPolicy,
    quorumRatio: row.quorumRatio,
    timeZone: row.timeZone,
    meetingRules: meetingRulesResponse(rules),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function meetingRulesResponse(rules: MeetingRules): MeetingRulesResponse {
  return {
    ministerial: meetingRuleResponse(rules.ministerial),
    senior_officials: meetingRuleResponse(rules.senior_officials),
    working_group: meetingRuleResponse(rules.working_group),
    extraordinary: meetingRuleResponse(rules.extraordinary),
  };
}

export function meetingRuleResponse(days: MeetingRuleDays): MeetingRuleResponse {
  return { noticeDays: days.noticeDays, agendaDays: days.agendaDays, papersDays: days.papersDays };
}
