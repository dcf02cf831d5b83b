import { type CalendarAttachment, meetingCalendar } from '../notifications/templates/meeting-calendar.js';
import type { RemindedMeetingRow } from './meeting-reminders.repository.js';

/** The host part of every meeting's calendar UID (invitations and feeds use the same, so a client merges them). */
export function calendarUidDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'protempore';
  } catch {
    return 'protempore';
  }
}

/** The meeting as an invite.ics: stable UID, SEQUENCE = the meeting's version. */
export function meetingInvitation(meeting: RemindedMeetingRow, publicUrl: string, now: Date): CalendarAttachment {
  return meetingCalendar({
    uid: `meeting-${meeting.id}@${calendarUidDomain(publicUrl)}`,
    title: meeting.title,
    startsAt: new Date(meeting.startsAt),
    endsAt: new Date(meeting.endsAt),
    timeZone: meeting.timeZone,
    location: meeting.venue,
    url: meeting.onlineUrl,
    description: meeting.councilName,
    sequence: meeting.version,
    stamp: now,
  });
}
