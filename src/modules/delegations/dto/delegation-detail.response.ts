import { ApiProperty } from '@nestjs/swagger';
import type { DelegateRow } from '../delegates.repository.js';
import type { DelegationViewRow } from '../delegations.repository.js';
import { DelegateResponse } from './delegate.response.js';
import { DelegationResponse } from './delegation.response.js';

/** One delegation with all its delegates (active first). */
export class DelegationDetailResponse extends DelegationResponse {
  @ApiProperty({ type: [DelegateResponse] }) delegates: DelegateResponse[];

  static withDelegates(row: DelegationViewRow, delegates: DelegateRow[]): DelegationDetailResponse {
    const r = DelegationResponse.fill(new DelegationDetailResponse(), row);
    r.delegates = delegates.map((d) => DelegateResponse.from(d));
    return r;
  }
}
