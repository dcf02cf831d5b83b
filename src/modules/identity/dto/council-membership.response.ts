import { ApiProperty } from '@nestjs/swagger';
import { COUNCIL_ROLES, type CouncilRoleName } from '../entities/council-role.entity.js';

export class CouncilMembershipResponse {
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty() councilName: string;
  @ApiProperty({ enum: COUNCIL_ROLES }) role: CouncilRoleName;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Delegates: their seat' }) delegateId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Delegates: their delegation' }) delegationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Delegates: the participant they represent' }) participantId: string | null;
}
