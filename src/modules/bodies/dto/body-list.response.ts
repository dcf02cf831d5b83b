import { ApiProperty } from '@nestjs/swagger';
import { BodyResponse } from './body.response.js';

export class BodyListResponse {
  @ApiProperty({ type: [BodyResponse] }) items: BodyResponse[];

  static of(items: BodyResponse[]): BodyListResponse {
    const r = new BodyListResponse();
    r.items = items;
    return r;
  }
}
