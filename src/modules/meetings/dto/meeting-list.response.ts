import { ApiProperty } from '@nestjs/swagger';
import { MeetingResponse } from './meeting.response.js';

export class MeetingListResponse {
  @ApiProperty({ type: [MeetingResponse] }) items: MeetingResponse[];
}
