import { ApiProperty } from '@nestjs/swagger';
import { MinutesContentResponse } from './minutes-content.response.js';

/** Approved minutes, as published (no comments, no drafts, no staff identities). */
export class PublishedMinutesResponse {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ enum: ['approved'] }) status: 'approved';
  @ApiProperty({ format: 'date-time' }) circulatedAt: string;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
  @ApiProperty({ type: MinutesContentResponse }) content: MinutesContentResponse;
}
