import type { MeetingStatus } from '../entities/meeting.entity.js';
import type { MinutesStatus } from './entities/minutes.entity.js';

/**
 * The rules of minutes, as pure functions: when they may be drafted,
 * circulated, commented on, edited and approved, the default comment
 * deadline, and when the deadline reminder goes out.
 */

const DAY = 86_400_000;

/** Without a deadline in the request, comments are taken for 14 days (14 × 24 hours) from circulation. */
export const DEFAULT_COMMENT_DAYS = 14;
/** The heads of delegation that have not commented are reminded 2 days (48 hours) before the comment deadline. */
export const DEADLINE_REMINDER_DAYS = 2;

/** Minutes are drafted once the meeting is closed. */
export const DRAFTABLE_MEETING_STATUSES: readonly MeetingStatus[] = ['closed'];
/** Circulating moves a closed meeting to minutes_circulated (a meeting already moved there by a transition stays). */
export const CIRCULABLE_MEETING_STATUSES: readonly MeetingStatus[] = ['closed', 'minutes_circulated'];
/** Approving moves the meeting to minutes_approved (a meeting already moved there by a transition stays). */
export const APPROVABLE_MEETING_STATUSES: readonly MeetingStatus[] = ['minutes_circulated', 'minutes_approved'];
/** Summaries and notes can be edited until approval (after circulation, each edit is audited as a revision). */
export const EDITABLE_MINUTES_STATUSES: readonly MinutesStatus[] = ['draft', 'circulated'];

export const MINUTES_CIRCULATED_KIND = 'minutes.circulated';
export const MINUTES_COMMENT_DEADLINE_KIND = 'minutes.comment_deadline';
export const MINUTES_APPROVED_KIND = 'minutes.approved';

export function defaultCommentDeadline(circulatedAt: Date): Date {
  return new Date(circulatedAt.getTime() + DEFAULT_COMMENT_DAYS * DAY);
}

/** When the deadline reminder is due: 2 days before the deadline, or null (no reminder) when that moment is not ahead of `now`. */
export function deadlineReminderDue(deadline: Date, now: Date): Date | null {
  const due = new Date(deadline.getTime() - DEADLINE_REMINDER_DAYS * DAY);
  return due.getTime() > now.getTime() ? due : null;
}

/** Every reminder about a meeting's minutes is keyed under this prefix. */
export const minutesReminderPrefix = (meetingId: string) => `minutes-${meetingId}-`;
export const commentDeadlineReminderKey = (meetingId: string) => `${minutesReminderPrefix(meetingId)}comment-deadline`;

export type CommentWindow = 'open' | 'not_circulated' | 'closed';

/** Comments are taken while the minutes are circulated and the deadline has not passed. */
export function commentWindow(m: { status: MinutesStatus; commentDeadline: Date | null }, now: Date): CommentWindow {
  if (m.status === 'draft') return 'not_circulated';
  if (m.status === 'approved' || m.commentDeadline === null || now.getTime() >= m.commentDeadline.getTime()) return 'closed';
  return 'open';
}

export const MINUTES_NOTICE_KINDS = [MINUTES_CIRCULATED_KIND, MINUTES_COMMENT_DEADLINE_KIND, MINUTES_APPROVED_KIND] as const;
export type MinutesNoticeKind = (typeof MINUTES_NOTICE_KINDS)[number];

/**
 * Whether a minutes notice still has something to say when it fires: circulation and the deadline reminder
 * while the minutes are circulated with the deadline they were sent for (occurrence = the deadline, ISO) and
 * before it; approval once approved.
 */
export function minutesNoticeStillDue(
  kind: MinutesNoticeKind,
  m: { status: MinutesStatus; commentDeadline: Date | string | null },
  occurrence: string,
  now: Date,
): boolean {
  if (kind === MINUTES_APPROVED_KIND) return m.status === 'approved';
  if (m.status !== 'circulated' || m.commentDeadline === null) return false;
  const deadline = new Date(m.commentDeadline);
  return deadline.toISOString() === occurrence && deadline.getTime() > now.getTime();
}
