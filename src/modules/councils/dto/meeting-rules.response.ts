import { ApiProperty } from '@nestjs/swagger';
import { MeetingRuleResponse } from './meeting-rule.response.js';

/** A council's deadlines keyed by meeting kind. */
export class MeetingRulesResponse {
  @ApiProperty({ type: MeetingRuleResponse }) ministerial: MeetingRuleResponse;
  @ApiProperty({ type: MeetingRuleResponse }) senior_officials: MeetingRuleResponse;
  @ApiProperty({ type: MeetingRuleResponse }) working_group: MeetingRuleResponse;
  @ApiProperty({ type: MeetingRuleResponse }) extraordinary: MeetingRuleResponse;
}
