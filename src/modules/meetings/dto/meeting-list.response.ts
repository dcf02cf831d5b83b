import { ApiProperty } from '@nestjs/swagger';
import { MeetingResponse } from './meeting.response.js';

export class MeetingListResponse {
  @ApiProperty({ type: [MeetingResponse], description: 'By start, then by id' }) items: MeetingResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}
