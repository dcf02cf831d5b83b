import { ApiProperty } from '@nestjs/swagger';
import type { MeetingRules } from '../council-defaults.js';
import { MeetingRuleResponse } from './meeting-rule.response.js';

/** A council's deadlines keyed by meeting kind. */
export class MeetingRulesResponse {
  @ApiProperty({ type: MeetingRuleResponse }) ministerial: MeetingRuleResponse;
  @ApiProperty({ type: MeetingRuleResponse }) senior_officials: MeetingRuleResponse;
  @ApiProperty({ type: MeetingRuleResponse }) working_group: MeetingRuleResponse;
  @ApiProperty({ type: MeetingRuleResponse }) extraordinary: MeetingRuleResponse;

  static from(rules: MeetingRules): MeetingRulesResponse {
    const r = new MeetingRulesResponse();
    r.ministerial = MeetingRuleResponse.from(rules.ministerial);
    r.senior_officials = MeetingRuleResponse.from(rules.senior_officials);
    r.working_group = MeetingRuleResponse.from(rules.working_group);
    r.extraordinary = MeetingRuleResponse.from(rules.extraordinary);
    return r;
  }
}
