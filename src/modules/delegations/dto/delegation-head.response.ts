import { ApiProperty } from '@nestjs/swagger';

/** The active head of delegation, in short. */
export class DelegationHeadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'email' }) email: string;

  static from(id: string, fullName: string, email: string): DelegationHeadResponse {
    const r = new DelegationHeadResponse();
    r.id = id;
    r.fullName = fullName;
    r.email = email;
    return r;
  }
}
