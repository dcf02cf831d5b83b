import { ApiProperty } from '@nestjs/swagger';
import { SeriesResponse } from './series.response.js';

export class SeriesListResponse {
  @ApiProperty({ type: [SeriesResponse] }) items: SeriesResponse[];
}
