import { ApiProperty } from '@nestjs/swagger';
import { CarriedAgendaItemResponse } from './carried-agenda-item.response.js';

export class CarryForwardAgendaResponse {
  @ApiProperty({ format: 'uuid' }) fromMeetingId: string;
  @ApiProperty({ format: 'uuid', description: 'The next meeting of the same body (council meetings: the next council meeting of the same kind)' })
  toMeetingId: string;
  @ApiProperty({ format: 'date-time' }) toMeetingStartsAt: string;
  @ApiProperty({ type: [CarriedAgendaItemResponse], description: 'What moved, in agenda order (empty when nothing was left to carry)' })
  items: CarriedAgendaItemResponse[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      "The meeting's action items carried over (not done, verified or cancelled; not carried there before): same item and history, also listed with the next meeting",
  })
  actionItemIds: string[];
}
