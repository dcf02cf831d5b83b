import { daysBefore } from './deadlines.js';
import type { MeetingStatus } from './entities/meeting.entity.js';
import { meetingReminderKey } from './meeting-reminders.js';

/** Notices of a meeting's life, sent as 'notice' messages (phrases: meeting.phrases.ts). */
export const MEETING_NOTICE_KINDS = ['meeting.convened', 'meeting.agenda_circulated', 'meeting.papers_due', 'meeting.cancelled'] as const;
export type MeetingNoticeKind = (typeof MEETING_NOTICE_KINDS)[number];

/** The papers reminder goes out this many calendar days before the papers deadline (same wall-clock time, meeting's zone). */
export const PAPERS_REMINDER_DAYS = 3;

/** Under the meeting's reminder prefix, so cancelling the meeting's reminders cancels it too. */
export const papersReminderKey = (meetingId: string) => meetingReminderKey(meetingId, 'papers');

/** When the papers reminder is due for a meeting starting at `startsAt` whose papers are due `papersDays` before; null when past. */
export function papersReminderDue(startsAt: Date, papersDays: number, timeZone: string, now: Date): Date | null {
  const due = daysBefore(startsAt, papersDays + PAPERS_REMINDER_DAYS, timeZone);
  return due.getTime() > now.getTime() ? due : null;
}

/** Whether a notice still has something to say when the worker picks it up. */
export function noticeStillDue(kind: MeetingNoticeKind, status: MeetingStatus, plannedStart: Date | null, startsAt: Date): boolean {
  const sameStart = plannedStart === null || plannedStart.getTime() === startsAt.getTime();
  switch (kind) {
    case 'meeting.convened':
    case 'meeting.papers_due':
      return (status === 'convened' || status === 'agenda_circulated') && sameStart;
    case 'meeting.agenda_circulated':
      return status === 'agenda_circulated';
    case 'meeting.cancelled':
      return status === 'cancelled';
  }
}
