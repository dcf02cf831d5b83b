import type { FocusAreaResponse } from './dto/focus-area.response.js';
import type { RecommendationResponse } from './dto/recommendation.response.js';
import type { FocusAreaRow } from './focus-areas.repository.js';
import type { RecommendationRow } from './recommendations.repository.js';

/** Focus areas and recommendations as the API answers them. */
export function recommendationResponse(row: RecommendationRow): RecommendationResponse {
  return {
    id: row.id,
    councilId: row.councilId,
    focusAreaId: row.focusAreaId,
    focusAreaCode: row.focusAreaCode,
    number: row.number,
    title: row.title,
    body: row.body,
    whoShouldAct: row.whoShouldAct,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function focusAreaResponse(row: FocusAreaRow, recommendations: RecommendationResponse[]): FocusAreaResponse {
  return { id: row.id, councilId: row.councilId, code: row.code, title: row.title, recommendations };
}
