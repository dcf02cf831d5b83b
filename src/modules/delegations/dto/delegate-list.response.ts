import { ApiProperty } from '@nestjs/swagger';
import { DelegateResponse } from './delegate.response.js';

export class DelegateListResponse {
  @ApiProperty({ type: [DelegateResponse] }) items: DelegateResponse[];
}
