import { ApiProperty } from '@nestjs/swagger';
import { CouncilUserResponse } from './council-user.response.js';

/** A person appointed to a council's secretariat by the administrator. */
export class SecretariatAppointmentResponse {
  @ApiProperty({ type: CouncilUserResponse }) user: CouncilUserResponse;

  @ApiProperty({ description: 'True when the account was created by this appointment (the email was new)' })
  accountCreated: boolean;

  @ApiProperty({
    description:
      'True when a one-time link to set the password was issued and is being emailed to the person (the account has no password yet); ' +
      'false when the person already has a password (they sign in as before). The link itself is never returned',
  })
  linkEmailed: boolean;
}
