import { ApiProperty } from '@nestjs/swagger';

export class WaiverResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null = the next turn' }) forTermAfter: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
