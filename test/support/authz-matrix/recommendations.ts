import { nextFocusAreaCode, nextRecommendationNumber } from '../authz-fixtures.js';
import { type MatrixEntry, s } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Focus areas and recommendations. */

export const recommendationsRoutes: Record<string, MatrixEntry> = {
  // ── focus areas and recommendations ──
  'GET /councils/:councilId/focus-areas': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'POST /councils/:councilId/focus-areas': {
    request: () => ({ body: { code: nextFocusAreaCode(), title: 'A new focus area' } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/recommendations': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'POST /councils/:councilId/recommendations': {
    request: (f) => ({ body: { focusAreaId: f.A.focusAreaId, number: nextRecommendationNumber(), title: 'A new recommendation', body: 'Text' } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/recommendations/:recommendationId': {
    request: (f) => ({ params: { recommendationId: f.A.recommendationId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'PATCH /councils/:councilId/recommendations/:recommendationId': {
    request: async (f) => {
      const r = await f.fresh.recommendation();
      return { params: { recommendationId: r.id }, body: { version: r.version, title: 'Retitled recommendation' } };
    },
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },
};
