import { ApiProperty } from '@nestjs/swagger';
import { CouncilMembershipResponse } from './council-membership.response.js';

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'System administrator' }) isAdmin: boolean;
  @ApiProperty({ type: [CouncilMembershipResponse] }) councils: CouncilMembershipResponse[];
}
