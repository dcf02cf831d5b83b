import { ApiProperty } from '@nestjs/swagger';
import { PACK_AUDIENCES, PACK_LANGUAGES, type PackAudience, type PackLanguage } from '../entities/meeting-pack.entity.js';

/** The answer while the pack is being built (202): ask the same URL again after retryAfterSeconds. */
export class MeetingPackStatusResponse {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ enum: PACK_LANGUAGES }) language: PackLanguage;
  @ApiProperty({ enum: PACK_AUDIENCES, description: 'members: without the papers restricted to member states; member_states: with them' })
  audience: PackAudience;
  @ApiProperty({ enum: ['building'] }) status: 'building';
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ description: 'Ask again after this many seconds (also the Retry-After header)' }) retryAfterSeconds: number;
  @ApiProperty({ description: 'The URL to ask again: the pack itself (also the Location header)' }) statusUrl: string;
}
