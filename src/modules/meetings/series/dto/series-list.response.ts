import { ApiProperty } from '@nestjs/swagger';
import { SeriesResponse } from './series.response.js';

export class SeriesListResponse {
  @ApiProperty({ type: [SeriesResponse], description: 'By first date, then by id' }) items: SeriesResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}
