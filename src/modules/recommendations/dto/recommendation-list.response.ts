import { ApiProperty } from '@nestjs/swagger';
import { RecommendationResponse } from './recommendation.response.js';

export class RecommendationListResponse {
  @ApiProperty({ type: [RecommendationResponse] }) items: RecommendationResponse[];
}
