import { type AuthzFixtures } from '../authz-fixtures.js';
import { type MatrixEntry, s } from './shared.js';

/** The authorization matrix (see index.ts for its columns): The recommendations roll-up and progress reports. */

// ── recommendations roll-up and progress reports: the roll-ups and reports are read by the council (action_item.read); reports are produced by the secretariat ──

/** A stored progress report of council A (made by SQL). */
async function freshProgressReport(f: AuthzFixtures): Promise<{ reportId: string }> {
  // Through the API: a real snapshot (its PDF document is rendered from it).
  const res = await f.ctx.http().post(`/councils/${f.A.councilId}/progress-reports`).send({});
  if (res.status !== 201) throw new Error(`progress report fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { reportId: res.body.id as string };
}

const PROGRESS_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);

export const progressRoutes: Record<string, MatrixEntry> = {
  'GET /councils/:councilId/recommendations/progress': { request: () => ({}), expect: PROGRESS_READERS },
  'GET /councils/:councilId/recommendations/:recommendationId/progress': {
    request: (f) => ({ params: { recommendationId: f.A.recommendationId } }),
    expect: PROGRESS_READERS,
  },
  'GET /councils/:councilId/focus-areas/:focusAreaId/progress': { request: (f) => ({ params: { focusAreaId: f.A.focusAreaId } }), expect: PROGRESS_READERS },
  'POST /councils/:councilId/progress-reports': { request: (f) => ({ body: { bodyId: f.A.bodyId } }), expect: s(403, 403, 403, 403, 201, 403, 403, 401) },
  'GET /councils/:councilId/progress-reports/:reportId': { request: async (f) => ({ params: await freshProgressReport(f) }), expect: PROGRESS_READERS },
  'GET /councils/:councilId/progress-reports/:reportId/document': {
    request: async (f) => ({ params: await freshProgressReport(f) }),
    expect: PROGRESS_READERS,
  },
  'GET /councils/:councilId/progress-reports/:reportId/document.pdf': {
    request: async (f) => ({ params: await freshProgressReport(f) }),
    expect: PROGRESS_READERS,
  },
};
