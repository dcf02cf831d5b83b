import { ApiProperty } from '@nestjs/swagger';

export class ObjectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() delegationName: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
