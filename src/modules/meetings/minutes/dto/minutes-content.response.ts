import { ApiProperty } from '@nestjs/swagger';
import { MinutesAttendanceResponse } from './minutes-attendance.response.js';
import { MinutesItemResponse } from './minutes-item.response.js';
import { MinutesMeetingResponse } from './minutes-meeting.response.js';

/** The document: the meeting, who attended, each agenda item with its decisions and summary, and notes. */
export class MinutesContentResponse {
  @ApiProperty({ type: MinutesMeetingResponse }) meeting: MinutesMeetingResponse;
  @ApiProperty({ type: [String], description: "The council's working languages when drafted" }) languages: string[];
  @ApiProperty({ type: [MinutesAttendanceResponse] }) attendance: MinutesAttendanceResponse[];
  @ApiProperty({ type: [MinutesItemResponse] }) items: MinutesItemResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Notes per working language (editable until approval)' })
  notes: Record<string, string>;
}
