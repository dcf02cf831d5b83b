import { ApiProperty } from '@nestjs/swagger';
import { RecommendationResponse } from './recommendation.response.js';

export class RecommendationListResponse {
  @ApiProperty({ type: [RecommendationResponse] }) items: RecommendationResponse[];

  static of(items: RecommendationResponse[]): RecommendationListResponse {
    const r = new RecommendationListResponse();
    r.items = items;
    return r;
  }
}
