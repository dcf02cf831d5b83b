import { ApiProperty } from '@nestjs/swagger';
import { MeetingResponse } from '../../dto/meeting.response.js';

/** One occurrence: the meeting, and where the series' rule puts it. */
export class SeriesOccurrenceResponse {
  @ApiProperty({ format: 'date', description: 'The date the rule gave (kept when the occurrence is moved)' }) occurrenceDate: string;
  @ApiProperty({ format: 'date-time', description: "The start the series' current rule gives this date" }) ruleStartsAt: string;
  @ApiProperty({
    description:
      "The meeting's start, end or zone differs from what the series' rule gives for its date: moved on its own (PATCH of the meeting), or left where it was by a series change because it was no longer a draft",
  })
  moved: boolean;
  @ApiProperty({ type: MeetingResponse, description: 'Move or cancel it with the meeting routes (PATCH, transitions): it stays in the series' })
  meeting: MeetingResponse;
}
