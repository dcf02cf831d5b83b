import { ApiProperty } from '@nestjs/swagger';
import { FocusAreaResponse } from './focus-area.response.js';

export class FocusAreaListResponse {
  @ApiProperty({ type: [FocusAreaResponse] }) items: FocusAreaResponse[];

  static of(items: FocusAreaResponse[]): FocusAreaListResponse {
    const r = new FocusAreaListResponse();
    r.items = items;
    return r;
  }
}
