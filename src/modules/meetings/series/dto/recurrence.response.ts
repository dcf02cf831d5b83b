import { ApiProperty } from '@nestjs/swagger';
import { RECURRENCE_FREQUENCIES, type RecurrenceFrequency, type Weekday, WEEKDAYS, WEEKS_OF_MONTH } from '../recurrence.js';

export class RecurrenceResponse {
  @ApiProperty({ enum: RECURRENCE_FREQUENCIES }) frequency: RecurrenceFrequency;
  @ApiProperty() interval: number;
  @ApiProperty({ enum: WEEKDAYS }) weekday: Weekday;
  @ApiProperty({ type: Number, enum: WEEKS_OF_MONTH, nullable: true }) weekOfMonth: number | null;
}
