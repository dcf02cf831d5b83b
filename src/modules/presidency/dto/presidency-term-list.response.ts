import { ApiProperty } from '@nestjs/swagger';
import { PresidencyTermResponse } from './presidency-term.response.js';

export class PresidencyTermListResponse {
  @ApiProperty({ type: [PresidencyTermResponse], description: 'All terms, in time order' }) items: PresidencyTermResponse[];
}
