import { ApiProperty } from '@nestjs/swagger';
import { RecommendationResponse } from './recommendation.response.js';

export class FocusAreaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [RecommendationResponse], description: 'Ordered by number' }) recommendations: RecommendationResponse[];
}
