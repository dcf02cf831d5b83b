import { ApiProperty } from '@nestjs/swagger';
import { ParticipantResponse } from './participant.response.js';

export class ParticipantListResponse {
  @ApiProperty({ type: [ParticipantResponse] }) items: ParticipantResponse[];
}
