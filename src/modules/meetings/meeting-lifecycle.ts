import type { MeetingStatus } from './entities/meeting.entity.js';

/**
 * The life of a meeting: which status may follow which. Postponing and
 * cancelling are only possible before the session; a postponed meeting goes
 * back to draft (to be moved and convened again) or is cancelled.
 */
export const NEXT_STATUSES: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = Object.freeze({
  draft: ['convened', 'cancelled'],
  convened: ['agenda_circulated', 'in_session', 'postponed', 'cancelled'],
  agenda_circulated: ['in_session', 'postponed', 'cancelled'],
  in_session: ['closed'],
  closed: ['minutes_circulated'],
  minutes_circulated: ['minutes_approved'],
  minutes_approved: [],
  postponed: ['draft', 'cancelled'],
  cancelled: [],
});

/** Statuses in which the meeting's details (time, place, kind) may still be edited. */
export const EDITABLE_STATUSES: readonly MeetingStatus[] = ['draft', 'convened'];

export function allowedNext(from: MeetingStatus): readonly MeetingStatus[] {
  return NEXT_STATUSES[from];
}

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
