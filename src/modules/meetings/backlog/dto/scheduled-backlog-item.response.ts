import { ApiProperty } from '@nestjs/swagger';
import { AgendaItemResponse } from '../../agenda/dto/agenda-item.response.js';
import { BacklogItemResponse } from './backlog-item.response.js';

export class ScheduledBacklogItemResponse {
  @ApiProperty({ type: BacklogItemResponse }) backlogItem: BacklogItemResponse;
  @ApiProperty({ type: AgendaItemResponse, description: 'The item added to the agenda (supplementary if the agenda was circulated)' })
  agendaItem: AgendaItemResponse;
}
