import { DateTime } from 'luxon';
import { daysBefore } from './deadlines.js';
import type { MeetingStatus } from './entities/meeting.entity.js';

/** The notification kind (and template) of a meeting reminder. */
export const MEETING_REMINDER_KIND = 'meeting.reminder';

/** Reminders before a convened meeting (DOMAIN.md defaults): 7 days and 1 day before its start. */
export const MEETING_REMINDER_OFFSETS: readonly { label: string; days: number }[] = Object.freeze([
  Object.freeze({ label: '7d', days: 7 }),
  Object.freeze({ label: '1d', days: 1 }),
]);

/** Statuses in which a meeting's reminders are live. */
export const REMINDED_STATUSES: readonly MeetingStatus[] = ['convened', 'agenda_circulated'];

/** Every reminder key of a meeting starts with this (OutboxService.cancel takes it). */
export const meetingReminderPrefix = (meetingId: string) => `meeting-${meetingId}-`;
export const meetingReminderKey = (meetingId: string, label: string) => `${meetingReminderPrefix(meetingId)}${label}`;

/**
 * The occurrence of a reminder: its offset and the start it was computed for. Part of the send-once key, so a
 * meeting moved after a reminder went out gets that reminder again for its new start; and the kind recognises a
 * reminder made for a start the meeting no longer has.
 */
export const meetingReminderOccurrence = (label: string, startsAt: Date) => `${label}@${startsAt.toISOString()}`;

export function occurrenceStart(occurrence: string): Date | null {
  const at = occurrence.slice(occurrence.indexOf('@') + 1);
  const d = occurrence.includes('@') ? new Date(at) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

export interface PlannedReminder {
  label: string;
  key: string;
  occurrence: string;
  /** null: the time has already passed, so the reminder is not sent. */
  dueAt: Date | null;
}

/**
 * When each reminder of a meeting starting at `startsAt` is due: N calendar days before, at the same wall-clock
 * time of the meeting's zone (as the notice deadlines count). Those already past at `now` have dueAt null.
 */
export function plannedReminders(meetingId: string, startsAt: Date, timeZone: string, now: Date): PlannedReminder[] {
  return MEETING_REMINDER_OFFSETS.map(({ label, days }) => {
    const due = daysBefore(startsAt, days, timeZone);
    return {
      label,
      key: meetingReminderKey(meetingId, label),
      occurrence: meetingReminderOccurrence(label, startsAt),
      dueAt: due.getTime() > now.getTime() ? due : null,
    };
  });
}

/** Whole calendar days from `now` to `startsAt` in `timeZone` (0 = today, 1 = tomorrow); never negative. */
export function calendarDaysUntil(now: Date, startsAt: Date, timeZone: string): number {
  const from = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const to = DateTime.fromJSDate(startsAt, { zone: timeZone }).startOf('day');
  return Math.max(0, Math.round(to.diff(from, 'days').days));
}
