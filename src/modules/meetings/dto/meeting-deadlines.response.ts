import { ApiProperty } from '@nestjs/swagger';

/** When the notice, the agenda and the papers are due, from the council's rules for the meeting's kind (calendar days in the meeting's zone). */
export class MeetingDeadlinesResponse {
  @ApiProperty() noticeDays: number;
  @ApiProperty() agendaDays: number;
  @ApiProperty() papersDays: number;
  @ApiProperty({ format: 'date-time' }) noticeBy: string;
  @ApiProperty({ format: 'date-time' }) agendaBy: string;
  @ApiProperty({ format: 'date-time' }) papersBy: string;
}
