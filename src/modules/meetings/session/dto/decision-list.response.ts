import { ApiProperty } from '@nestjs/swagger';
import { DecisionResponse } from './decision.response.js';

export class DecisionListResponse {
  @ApiProperty({ type: [DecisionResponse] }) items: DecisionResponse[];
}
