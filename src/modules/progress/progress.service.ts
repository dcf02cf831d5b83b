import { Injectable } from '@nestjs/common';
import { NotFoundException } from '../../core/errors/domain.exception.js';
import type { FocusAreaProgressResponse } from './dto/focus-area-progress.response.js';
import type { RecommendationProgressListResponse } from './dto/recommendation-progress-list.response.js';
import type { RecommendationProgressResponse } from './dto/recommendation-progress.response.js';
import { combine } from './progress-rollup.js';
import { type ItemScope, ProgressRepository } from './progress.repository.js';
import { progressItem, recommendationProgress } from './progress.responses.js';

/** The items of one recommendation shown with its roll-up (the list of items is a page of the action-items list beyond that). */
export const RECOMMENDATION_ITEMS_LIMIT = 500;

/**
 * Recommendations tracked through their action items: completion weighted by
 * items (done + verified over every item not cancelled), overdue counts and
 * counts per status, per recommendation and rolled up per focus area. Each
 * answer is one aggregate query (plus the council's "today").
 */
@Injectable()
export class ProgressService {
  constructor(private readonly progress: ProgressRepository) {}

  async all(councilId: string, scope: ItemScope = {}): Promise<RecommendationProgressListResponse> {
    const council = await this.progress.council(councilId);
    if (!council) throw new NotFoundException('council', councilId);
    const items = (await this.progress.recommendationRollups(councilId, {}, scope)).map(recommendationProgress);
    return { today: council.today, overall: combine(items), items };
  }

  async recommendation(councilId: string, recommendationId: string): Promise<RecommendationProgressResponse> {
    const council = await this.progress.council(councilId);
    if (!council) throw new NotFoundException('council', councilId);
    const [row] = await this.progress.recommendationRollups(councilId, { recommendationId });
    if (!row) throw new NotFoundException('recommendation', recommendationId);
    const items = await this.progress.items(councilId, { recommendationId }, RECOMMENDATION_ITEMS_LIMIT);
    return { ...recommendationProgress(row), items: items.map(progressItem) };
  }

  async focusArea(councilId: string, focusAreaId: string): Promise<FocusAreaProgressResponse> {
    const council = await this.progress.council(councilId);
    if (!council) throw new NotFoundException('council', councilId);
    const area = await this.progress.focusArea(councilId, focusAreaId);
    if (!area) throw new NotFoundException('focus area', focusAreaId);
    const recommendations = (await this.progress.recommendationRollups(councilId, { focusAreaId })).map(recommendationProgress);
    return { focusAreaId: area.id, code: area.code, title: area.title, today: council.today, ...combine(recommendations), recommendations };
  }
}
