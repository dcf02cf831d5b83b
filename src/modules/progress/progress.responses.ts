import type { ProgressItemResponse } from './dto/progress-item.response.js';
import type { RecommendationProgressResponse } from './dto/recommendation-progress.response.js';
import { rollup } from './progress-rollup.js';
import { type ProgressItemRow, type RecommendationRollupRow } from './progress.repository.js';

/** Progress roll-ups as the API answers them. */
export function progressItem(r: ProgressItemRow): ProgressItemResponse {
  return {
    id: r.id,
    title: r.title,
    recommendationId: r.recommendationId,
    ownerKind: r.ownerKind,
    ownerDelegationId: r.ownerDelegationId,
    ownerBodyId: r.ownerBodyId,
    ownerName: r.ownerName,
    dueDate: r.dueDate,
    status: r.status,
    overdue: r.overdue,
    progressPercent: r.progressPercent,
    progressRag: r.progressRag,
    latestProgressText: r.latestProgressText,
    latestProgressAt: r.latestProgressAt === null ? null : new Date(r.latestProgressAt).toISOString(),
  };
}

export function recommendationProgress(r: RecommendationRollupRow): RecommendationProgressResponse {
  return {
    recommendationId: r.id,
    number: r.number,
    title: r.title,
    whoShouldAct: r.whoShouldAct,
    focusAreaId: r.focusAreaId,
    focusAreaCode: r.focusAreaCode,
    ...rollup(r.counts, r.overdue),
  };
}
