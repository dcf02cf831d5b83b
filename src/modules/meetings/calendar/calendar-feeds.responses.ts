import { type CalendarFeedRow } from './calendar-feeds.repository.js';
import type { CalendarFeedResponse } from './dto/calendar-feed.response.js';

/** Calendar feeds as the API answers them. */
export function calendarFeedResponse(r: CalendarFeedRow): CalendarFeedResponse {
  return {
    id: r.id,
    councilId: r.councilId,
    scope: r.scope,
    bodyId: r.bodyId,
    hideTitles: r.hideTitles,
    createdAt: new Date(r.createdAt).toISOString(),
    revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
  };
}
