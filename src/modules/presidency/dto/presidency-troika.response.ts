import { ApiProperty } from '@nestjs/swagger';
import { PresidencyEntryResponse } from './presidency-entry.response.js';

export class PresidencyTroikaResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: PresidencyEntryResponse, nullable: true }) previous: PresidencyEntryResponse | null;
  @ApiProperty({ type: PresidencyEntryResponse, nullable: true }) current: PresidencyEntryResponse | null;
  @ApiProperty({ type: PresidencyEntryResponse, nullable: true, description: 'May be projected (`projected: true`)' })
  next: PresidencyEntryResponse | null;
}
