import { ApiProperty } from '@nestjs/swagger';

/**
 * A one-time link to set a password was issued and is on its way by email to
 * the person (in their language). The link itself is never returned: only its
 * recipient ever sees it.
 */
export class SetupLinkResponse {
  @ApiProperty({ enum: [true], description: 'Always true: the link is emailed to the person, never returned' }) linkEmailed: true;
  @ApiProperty({ example: 'head.mx@example.org', description: 'Where the link is sent' }) email: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the link stops working' }) expiresAt: string;
}
