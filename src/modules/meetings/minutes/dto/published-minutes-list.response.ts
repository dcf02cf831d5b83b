import { ApiProperty } from '@nestjs/swagger';
import { PublishedMinutesSummaryResponse } from './published-minutes-summary.response.js';

export class PublishedMinutesListResponse {
  @ApiProperty({ type: [PublishedMinutesSummaryResponse], description: 'Newest approval first' }) items: PublishedMinutesSummaryResponse[];
}
