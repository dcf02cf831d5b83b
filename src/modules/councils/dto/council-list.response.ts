import { ApiProperty } from '@nestjs/swagger';
import { CouncilResponse } from './council.response.js';

export class CouncilListResponse {
  @ApiProperty({ type: [CouncilResponse] }) items: CouncilResponse[];
}
