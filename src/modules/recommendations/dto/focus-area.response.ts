import { ApiProperty } from '@nestjs/swagger';
import type { FocusAreaRow } from '../focus-areas.repository.js';
import { RecommendationResponse } from './recommendation.response.js';

export class FocusAreaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [RecommendationResponse], description: 'Ordered by number' }) recommendations: RecommendationResponse[];

  static from(row: FocusAreaRow, recommendations: RecommendationResponse[]): FocusAreaResponse {
    const r = new FocusAreaResponse();
    r.id = row.id;
    r.councilId = row.councilId;
    r.code = row.code;
    r.title = row.title;
    r.recommendations = recommendations;
    return r;
  }
}
