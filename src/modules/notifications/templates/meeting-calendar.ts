import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { isKnownTimeZone } from './local-date-time.js';
import { vtimezone } from './vtimezone.js';

export interface MeetingCalendarInput {
  /** Stable across updates of the same meeting (e.g. `meeting-<uuid>@<council domain>`); a CANCEL must reuse it. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone the meeting is held in; DTSTART/DTEND are written in it, with its VTIMEZONE. */
  timeZone: string;
  location?: string | null;
  url?: string | null;
  description?: string | null;
  /** REQUEST (default) to add/update the event, CANCEL to remove it. */
  method?: 'REQUEST' | 'CANCEL';
  /** Bump on every change of an already-sent invitation (RFC 5546); default 0. */
  sequence?: number;
  /**
   * iTIP (RFC 5546) wants an ORGANIZER on REQUEST and CANCEL; some clients (Outlook) only offer
   * "accept/decline" or honour a cancellation when it is present. Usually the secretariat's address.
   */
  organizer?: { name: string; email: string } | null;
  /** DTSTAMP; defaults to now. Set it in tests for a stable output. */
  stamp?: Date;
}

export interface CalendarAttachment {
  filename: 'invite.ics';
  content: string;
  contentType: `text/calendar; charset=utf-8; method=${'REQUEST' | 'CANCEL'}`;
}

/**
 * One meeting as an iCalendar (RFC 5545) attachment, CRLF line endings, lines folded at 75 octets.
 * Times are written as local times of the meeting's zone (DTSTART;TZID=…) with a VTIMEZONE built
 * from the runtime's zone data (see vtimezone.ts), so clients show it right on both sides of a DST change.
 */
export function meetingCalendar(input: MeetingCalendarInput): CalendarAttachment {
  const method = input.method ?? 'REQUEST';
  if (method !== 'REQUEST' && method !== 'CANCEL') throw new RangeError(`Unsupported iTIP method ${String(method)}`);
  if (!input.uid?.trim()) throw new RangeError('uid is required');
  if (!input.title?.trim()) throw new RangeError('title is required');
  if (!isKnownTimeZone(input.timeZone)) throw new RangeError(`Unknown time zone ${String(input.timeZone)}`);
  const sequence = input.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError('sequence must be a whole number, 0 or more');
  const start = inZone(input.startsAt, input.timeZone, 'startsAt');
  const end = inZone(input.endsAt, input.timeZone, 'endsAt');
  if (end <= start) throw new RangeError('endsAt must be after startsAt');
  const stamp = input.stamp ?? new Date();
  if (Number.isNaN(stamp.getTime())) throw new RangeError('stamp must be a valid date');

  const calendar = ical({
    prodId: { company: 'protempore', product: 'notifications', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // name: null keeps DTSTAMP in UTC ("Z"), as RFC 5545 requires; the generator only supplies VTIMEZONE blocks.
    timezone: { name: null, generator: (zone) => vtimezone(zone, input.startsAt, input.endsAt) },
  });
  calendar.createEvent({
    id: input.uid,
    sequence,
    stamp,
    start,
    end,
    timezone: input.timeZone,
    summary: input.title,
    location: input.location?.trim() || null,
    url: input.url?.trim() || null,
    description: input.description?.trim() || null,
    organizer: input.organizer ?? null,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });

  const content = calendar.toString();
  return {
    filename: 'invite.ics',
    // RFC 5545 §3.4: the stream ends with CRLF after END:VCALENDAR (ical-generator leaves it off).
    content: content.endsWith('\r\n') ? content : `${content}\r\n`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  };
}

/** ical-generator formats a luxon DateTime in its own zone; a plain Date would be read in the process's zone. */
function inZone(date: Date, zone: string, field: string): DateTime {
  const dt = DateTime.fromJSDate(date, { zone }).reconfigure({ locale: 'en-US', numberingSystem: 'latn' });
  if (!dt.isValid) throw new RangeError(`${field} must be a valid date`);
  return dt;
}
