import { ApiProperty } from '@nestjs/swagger';
import { ROTATION_POLICIES, type RotationPolicy } from '../../councils/entities/council.entity.js';
import { PresidencyEntryResponse } from './presidency-entry.response.js';

export class PresidencyScheduleResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ROTATION_POLICIES }) rotationPolicy: RotationPolicy;
  @ApiProperty({ type: [PresidencyEntryResponse], description: 'Recorded terms not yet ended, then projected ones' })
  items: PresidencyEntryResponse[];
}
