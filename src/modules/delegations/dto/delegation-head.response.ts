import { ApiProperty } from '@nestjs/swagger';

/** The active head of delegation, in short. */
export class DelegationHeadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'email' }) email: string;
}
