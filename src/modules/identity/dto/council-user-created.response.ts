import { ApiProperty } from '@nestjs/swagger';
import { CouncilUserResponse } from './council-user.response.js';

export class CouncilUserCreatedResponse {
  @ApiProperty({ type: CouncilUserResponse }) user: CouncilUserResponse;

  @ApiProperty({
    description:
      'True when a one-time link to set the password was issued and is being emailed to the person (the account has no password yet ' +
      'and belongs to no other council); false otherwise (a system administrator issues links for accounts of several councils)',
  })
  linkEmailed: boolean;

  @ApiProperty({
    type: Object,
    nullable: true,
    deprecated: true,
    description: 'Always null: the link is emailed to the person and never returned (kept for clients of the earlier response)',
  })
  setupLink: null;
}
