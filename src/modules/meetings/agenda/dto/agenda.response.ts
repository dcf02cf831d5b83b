import { ApiProperty } from '@nestjs/swagger';
import { AGENDA_STATUSES, type AgendaStatus } from '../entities/meeting-agenda.entity.js';
import { AgendaItemResponse } from './agenda-item.response.js';

export class AgendaResponse {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ enum: AGENDA_STATUSES }) status: AgendaStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) circulatedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) adoptedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set at circulation (the meeting start minus 72 hours): until then new items are supplementary; after it only the chair can accept one',
  })
  supplementaryDeadline: string | null;
  @ApiProperty({ description: 'The version of the agenda (changes when items are added, removed or reordered, and with its status)' }) version: number;
  @ApiProperty({ type: [AgendaItemResponse], description: 'By position' }) items: AgendaItemResponse[];
}
