import { ApiProperty } from '@nestjs/swagger';

/**
 * A one-time link to set a password. Until notifications send it by email, the
 * API hands it to the secretariat, who passes it on to the person.
 */
export class SetupLinkResponse {
  @ApiProperty({ example: 'https://portal.example.org/set-password?token=…' }) url: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
}
