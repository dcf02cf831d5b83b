import { ApiProperty } from '@nestjs/swagger';
import { RecommendationProgressResponse } from './recommendation-progress.response.js';
import { RollupResponse } from './rollup.response.js';

/** Every recommendation of the council with its roll-up, and the council's total. */
export class RecommendationProgressListResponse {
  @ApiProperty({ format: 'date', description: "Today in the council's time zone (what overdue is measured against)" }) today: string;
  @ApiProperty({ type: RollupResponse, description: 'All recommendations together, weighted by items' }) overall: RollupResponse;
  @ApiProperty({ type: [RecommendationProgressResponse] }) items: RecommendationProgressResponse[];
}
