import { ApiProperty } from '@nestjs/swagger';

/** An objection still standing when the decision was closed. */
export class MinutesObjectionResponse {
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() delegationName: string;
  @ApiProperty() reason: string;
}
