import { ApiProperty } from '@nestjs/swagger';
import { BodyResponse } from './body.response.js';

export class BodyListResponse {
  @ApiProperty({ type: [BodyResponse] }) items: BodyResponse[];
}
