import { ApiProperty } from '@nestjs/swagger';

export class DesignationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) forTermAfter: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ format: 'date-time', description: "The decision's adoption" }) adoptedAt: string;
  @ApiProperty({ format: 'date-time', description: 'The latest adoption in time for the term' }) deadline: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
