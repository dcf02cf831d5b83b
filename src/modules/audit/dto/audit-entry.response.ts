import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryResponse {
  @ApiProperty({ example: '1042', description: 'Position in the audit log (a 64-bit integer, as a string); larger = later' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ example: 'participant.updated' }) action: string;
  @ApiProperty({ example: 'participant' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who made the change; null for system changes' }) actorId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The delegation the user acted for, when a delegate made the change' })
  actorDelegationId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The X-Request-Id of the request that made the change' }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The entity before the change (null for a creation)' })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The entity after the change (null for a removal)' })
  after: Record<string, unknown> | null;
}
