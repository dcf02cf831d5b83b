import { ApiProperty } from '@nestjs/swagger';
import { RecommendationProgressResponse } from './recommendation-progress.response.js';
import { RollupResponse } from './rollup.response.js';

/** A focus area: its recommendations rolled up (weighted by items), and each of them. */
export class FocusAreaProgressResponse extends RollupResponse {
  @ApiProperty({ format: 'uuid' }) focusAreaId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: [RecommendationProgressResponse] }) recommendations: RecommendationProgressResponse[];
}
