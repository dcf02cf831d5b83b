import { ApiProperty } from '@nestjs/swagger';
import { CouncilUserResponse } from './council-user.response.js';
import { SetupLinkResponse } from './setup-link.response.js';

export class CouncilUserCreatedResponse {
  @ApiProperty({ type: CouncilUserResponse }) user: CouncilUserResponse;

  @ApiProperty({
    type: SetupLinkResponse,
    nullable: true,
    description:
      'A one-time link to set the password, returned (until notifications land) only when the account has no password yet ' +
      'and belongs to no other council; otherwise null',
  })
  setupLink: SetupLinkResponse | null;
}
