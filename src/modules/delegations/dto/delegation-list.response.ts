import { ApiProperty } from '@nestjs/swagger';
import { DelegationResponse } from './delegation.response.js';

export class DelegationListResponse {
  @ApiProperty({ type: [DelegationResponse] }) items: DelegationResponse[];
}
