import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { FocusAreaProgressResponse } from './dto/focus-area-progress.response.js';
import { RecommendationProgressListResponse } from './dto/recommendation-progress-list.response.js';
import { RecommendationProgressResponse } from './dto/recommendation-progress.response.js';
import { ProgressService } from './progress.service.js';

const COMPLETION = 'completion weighted by items (done + verified over every item not cancelled), overdue count, counts per status';

@ApiTags('recommendations')
@Controller('councils/:councilId')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('recommendations/progress')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: `Every recommendation's progress through its action items, by number, with the council's total: ${COMPLETION}` })
  @ApiOkResponse({ type: RecommendationProgressListResponse })
  all(@UuidParam('councilId') councilId: string): Promise<RecommendationProgressListResponse> {
    return this.progress.all(councilId);
  }

  @Get('recommendations/:recommendationId/progress')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: `One recommendation's progress: ${COMPLETION}; and its items (by owner, then due date) with their latest progress report` })
  @ApiOkResponse({ type: RecommendationProgressResponse })
  recommendation(@UuidParam('councilId') councilId: string, @UuidParam('recommendationId') id: string): Promise<RecommendationProgressResponse> {
    return this.progress.recommendation(councilId, id);
  }

  @Get('focus-areas/:focusAreaId/progress')
  @RequirePermission('action_item.read')
  @ApiOperation({ summary: `A focus area's progress: its recommendations rolled up (${COMPLETION}), and each recommendation's` })
  @ApiOkResponse({ type: FocusAreaProgressResponse })
  focusArea(@UuidParam('councilId') councilId: string, @UuidParam('focusAreaId') id: string): Promise<FocusAreaProgressResponse> {
    return this.progress.focusArea(councilId, id);
  }
}
