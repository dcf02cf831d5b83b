import { ApiProperty } from '@nestjs/swagger';
import { AgendaItemResponse } from '../../agenda/dto/agenda-item.response.js';

export const CARRY_REASONS = ['open', 'undecided'] as const;
export type CarryReason = (typeof CARRY_REASONS)[number];

export class CarriedAgendaItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The item left behind (now carried_forward)' }) fromItemId: string;
  @ApiProperty({ enum: CARRY_REASONS, description: 'open: no decision was proposed on it; undecided: its decisions were deferred or not closed' })
  reason: CarryReason;
  @ApiProperty({ type: AgendaItemResponse, description: 'The copy on the next meeting’s agenda' }) item: AgendaItemResponse;
}
