import { ApiProperty } from '@nestjs/swagger';
import { FocusAreaResponse } from './focus-area.response.js';

export class FocusAreaListResponse {
  @ApiProperty({ type: [FocusAreaResponse] }) items: FocusAreaResponse[];
}
