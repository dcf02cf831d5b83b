import { ApiProperty } from '@nestjs/swagger';
import { PRIORITY_STATUSES, type PriorityStatus } from '../entities/presidency-priority.entity.js';

export class PriorityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) termId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) title: Record<string, string>;
  @ApiProperty({ enum: PRIORITY_STATUSES }) status: PriorityStatus;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PriorityListResponse {
  @ApiProperty({ type: [PriorityResponse] }) items: PriorityResponse[];
}
