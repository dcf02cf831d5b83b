import type { HandoverMeetingResponse, HandoverMeetingState } from './dto/handover-meeting.response.js';
import { CLOSED_MEETING_STATUSES, type HandoverMeetingRow } from './handover-meeting.repository.js';

const CLOSED: readonly string[] = CLOSED_MEETING_STATUSES;

/** Where the handover meeting stands: pending, closing (closed within the term), transferred, cancelled or moot. */
export function handoverMeetingState(r: HandoverMeetingRow): HandoverMeetingState {
  if (r.transferMode !== null) return r.transferMode === 'meeting' && r.transferMeetingId === r.meetingId ? 'transferred' : 'moot';
  if (r.meetingStatus === 'cancelled') return 'cancelled';
  if (!CLOSED.includes(r.meetingStatus)) return 'pending';
  const closed = r.closedAt ? new Date(r.closedAt).getTime() : NaN;
  return closed > new Date(r.termStartsAt).getTime() && closed < new Date(r.termEndsAt).getTime() ? 'closing' : 'moot';
}

/** The handover meeting as the API answers it. */
export function handoverMeetingResponse(r: HandoverMeetingRow): HandoverMeetingResponse {
  return {
    termId: r.termId,
    meetingId: r.meetingId,
    meetingTitle: r.meetingTitle,
    meetingStatus: r.meetingStatus,
    meetingStartsAt: new Date(r.meetingStartsAt).toISOString(),
    designatedAt: new Date(r.designatedAt).toISOString(),
    designatedBy: r.designatedBy,
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
    state: handoverMeetingState(r),
    boundary: r.transferBoundary ? new Date(r.transferBoundary).toISOString() : null,
  };
}
