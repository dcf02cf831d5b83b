import { ApiProperty } from '@nestjs/swagger';
import type { MeetingRuleDays } from '../council-defaults.js';

export class MeetingRuleResponse {
  @ApiProperty() noticeDays: number;
  @ApiProperty() agendaDays: number;
  @ApiProperty() papersDays: number;

  static from(days: MeetingRuleDays): MeetingRuleResponse {
    const r = new MeetingRuleResponse();
    r.noticeDays = days.noticeDays;
    r.agendaDays = days.agendaDays;
    r.papersDays = days.papersDays;
    return r;
  }
}
