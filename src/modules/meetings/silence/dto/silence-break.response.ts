import { ApiProperty } from '@nestjs/swagger';

/** A member state's break of silence (stored as an objection to the decision). */
export class SilenceBreakResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() delegationName: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set when the delegation withdrew its break before the deadline' })
  withdrawnAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
