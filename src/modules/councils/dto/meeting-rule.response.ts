import { ApiProperty } from '@nestjs/swagger';

export class MeetingRuleResponse {
  @ApiProperty() noticeDays: number;
  @ApiProperty() agendaDays: number;
  @ApiProperty() papersDays: number;
}
