import { ApiProperty } from '@nestjs/swagger';
import { MINUTES_STATUSES, type MinutesStatus } from '../entities/minutes.entity.js';
import { MinutesContentResponse } from './minutes-content.response.js';

/** The minutes of a meeting, as the council's members read them (drafts included). */
export class MinutesResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ enum: MINUTES_STATUSES }) status: MinutesStatus;
  @ApiProperty({ type: MinutesContentResponse }) content: MinutesContentResponse;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Comments are taken until then' }) commentDeadline: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) circulatedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty() commentCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
