import { ApiProperty } from '@nestjs/swagger';

export class BodyLeadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bodyId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() participantName: string;
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day (inclusive)' }) from: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'End day (exclusive); null = open-ended' }) until: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
