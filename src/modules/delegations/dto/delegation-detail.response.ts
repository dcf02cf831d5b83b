import { ApiProperty } from '@nestjs/swagger';
import { DelegateResponse } from './delegate.response.js';
import { DelegationResponse } from './delegation.response.js';

/** One delegation with all its delegates (active first). */
export class DelegationDetailResponse extends DelegationResponse {
  @ApiProperty({ type: [DelegateResponse] }) delegates: DelegateResponse[];
}
