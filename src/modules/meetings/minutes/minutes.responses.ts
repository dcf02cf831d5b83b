import type { MinutesResponse } from './dto/minutes.response.js';
import { type MinutesRow } from './minutes.repository.js';
import { iso } from '../../../core/http/iso.js';

/** Minutes as the API answers them. */
export function minutesResponse(r: MinutesRow): MinutesResponse {
  return {
    id: r.id,
    councilId: r.councilId,
    meetingId: r.meetingId,
    status: r.status,
    content: r.content,
    commentDeadline: iso(r.commentDeadline),
    circulatedAt: iso(r.circulatedAt),
    approvedAt: iso(r.approvedAt),
    approvedBy: r.approvedBy,
    commentCount: r.commentCount,
    version: r.version,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}
