import { ApiProperty } from '@nestjs/swagger';

export class ActionItemRulesResponse {
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ example: 7 }) ackDays: number;
  @ApiProperty({ type: [Number], example: [14, 3] }) dueSoonDays: number[];
  @ApiProperty({ example: 1 }) overdueDays: number;
  @ApiProperty({ example: 14 }) escalateDays: number;
  @ApiProperty({ example: 30 }) agendaDays: number;
  @ApiProperty({ description: 'Local hour (council time zone) of the date-based reminders', example: 9 }) reminderHour: number;
  @ApiProperty({ description: 'True while the council uses the defaults (no rules of its own)' }) defaults: boolean;
  @ApiProperty({ description: '0 while the council uses the defaults' }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}
