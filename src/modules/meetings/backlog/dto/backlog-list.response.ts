import { ApiProperty } from '@nestjs/swagger';
import { BacklogItemResponse } from './backlog-item.response.js';

export class BacklogListResponse {
  @ApiProperty({ type: [BacklogItemResponse], description: 'Oldest first' }) items: BacklogItemResponse[];
}
