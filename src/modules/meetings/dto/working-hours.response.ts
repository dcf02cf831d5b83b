import { ApiProperty } from '@nestjs/swagger';
import { WorkingHoursEntryResponse } from './working-hours-entry.response.js';

export class WorkingHoursResponse {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ description: 'Local working hours checked against', example: '08:00–18:00' }) workingHours: string;
  @ApiProperty({ type: [WorkingHoursEntryResponse], description: 'Active member states, in rotation order' }) items: WorkingHoursEntryResponse[];
}
