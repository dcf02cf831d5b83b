import { ApiProperty } from '@nestjs/swagger';
import { COUNCIL_ROLES, type CouncilRoleName } from '../entities/council-role.entity.js';

/** A user account as a council's secretariat sees it: the account and its role in that council. */
export class CouncilUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: COUNCIL_ROLES }) role: CouncilRoleName;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) delegateId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) delegationId: string | null;
  @ApiProperty({ description: 'Whether the person has set a password' }) hasPassword: boolean;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the role in this council was given' }) grantedAt: string;
}
