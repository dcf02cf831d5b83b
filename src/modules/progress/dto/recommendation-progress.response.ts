import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProgressItemResponse } from './progress-item.response.js';
import { RollupResponse } from './rollup.response.js';

/** A recommendation and how the action items serving it stand. */
export class RecommendationProgressResponse extends RollupResponse {
  @ApiProperty({ format: 'uuid' }) recommendationId: string;
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) whoShouldAct: string | null;
  @ApiProperty({ format: 'uuid' }) focusAreaId: string;
  @ApiProperty() focusAreaCode: string;
  @ApiPropertyOptional({ type: [ProgressItemResponse], description: 'Its items, by owner then due date (one recommendation only)' })
  items?: ProgressItemResponse[];
}
