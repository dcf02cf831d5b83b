import type { ProgressItemResponse } from './dto/progress-item.response.js';
import type { RecommendationProgressResponse } from './dto/recommendation-progress.response.js';
import type { Rollup } from './progress-rollup.js';

/** What a progress report froze: the roll-ups and the unfinished items, as the JSON route returns them. */
export interface ProgressReportSnapshot {
  council: { id: string; name: string };
  body: { id: string; name: string } | null;
  meeting: { id: string; title: string; startsAt: string } | null;
  /** Today in the council's time zone when the report was made. */
  today: string;
  overall: Rollup;
  recommendations: RecommendationProgressResponse[];
  /** Every owner with items, rolled up (all statuses). */
  owners: (Rollup & { ownerKind: 'delegation' | 'body'; ownerId: string; ownerName: string })[];
  /** The items not yet verified or cancelled, by owner then due date (at most REPORT_ITEMS_LIMIT). */
  items: ProgressItemResponse[];
  itemsTruncated: boolean;
}
