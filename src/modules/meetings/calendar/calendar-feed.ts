import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import { vtimezone } from '../../notifications/templates/vtimezone.js';

export interface FeedMeeting {
  id: string;
  kind: MeetingKind;
  title: string;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone the meeting is held in. */
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  version: number;
  /** The body's name, for body meetings. */
  bodyName: string | null;
}

export interface CalendarFeedInput {
  /** X-WR-CALNAME: what the client names the subscribed calendar. */
  name: string;
  /** Host part of the UIDs (the same as the reminder invitations', so a client merges both). */
  uidDomain: string;
  /** Confidential titles left out: SUMMARY is the kind of meeting (the body's name is still given). */
  hideTitles: boolean;
  meetings: FeedMeeting[];
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

/** What SUMMARY says when titles are hidden. */
export const HIDDEN_TITLES: Record<MeetingKind, string> = {
  ministerial: 'Ministerial meeting',
  senior_officials: 'Senior officials meeting',
  working_group: 'Working group meeting',
  extraordinary: 'Extraordinary meeting',
};

/** How often clients should poll (REFRESH-INTERVAL / X-PUBLISHED-TTL), in seconds. */
export const FEED_TTL_SECONDS = 3600;

/**
 * A subscription feed (RFC 5545, no METHOD: it is not an iTIP message): one VEVENT per meeting with a UID stable
 * per meeting, SEQUENCE = the meeting's version, DTSTART/DTEND as local times of the meeting's zone (TZID) and one
 * VTIMEZONE per zone used, built from the runtime's zone data over the span of that zone's meetings.
 * Cancelled meetings stay in with STATUS:CANCELLED (so clients drop them), postponed ones are TENTATIVE.
 */
export function calendarFeed(input: CalendarFeedInput): string {
  const span = new Map<string, { from: Date; to: Date }>(); // VTIMEZONE windows; a zone no event names is never asked for
  for (const m of input.meetings) {
    const s = span.get(m.timeZone);
    if (!s) span.set(m.timeZone, { from: m.startsAt, to: m.endsAt });
    else {
      if (m.startsAt < s.from) s.from = m.startsAt;
      if (m.endsAt > s.to) s.to = m.endsAt;
    }
  }
  const stamp = input.stamp ?? new Date();
  const calendar = ical({
    prodId: { company: 'protempore', product: 'calendar', language: 'EN' },
    name: input.name,
    ttl: FEED_TTL_SECONDS,
    // name: null keeps DTSTAMP in UTC; the generator only supplies the VTIMEZONE blocks.
    timezone: {
      name: null,
      generator: (zone) => {
        const s = span.get(zone);
        return s ? vtimezone(zone, s.from, s.to) : null;
      },
    },
  });
  for (const m of input.meetings) {
    const summary = input.hideTitles ? HIDDEN_TITLES[m.kind] : m.title;
    const status = m.status === 'cancelled' ? ICalEventStatus.CANCELLED : m.status === 'postponed' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;
    const notes = [m.status === 'postponed' ? 'Postponed: a new date will be set.' : null, m.bodyName].filter((x): x is string => !!x);
    const start = inZone(m.startsAt, m.timeZone);
    const end = inZone(m.endsAt, m.timeZone);
    // A wall time that occurs twice (the hour repeated when summer time ends) cannot name one instant with a TZID
    // (parsers disagree on which occurrence is meant): such a meeting is written in UTC, which is exact.
    const ambiguous = start.getPossibleOffsets().length > 1 || end.getPossibleOffsets().length > 1;
    calendar.createEvent({
      id: `meeting-${m.id}@${input.uidDomain}`,
      sequence: m.version,
      stamp,
      start: ambiguous ? m.startsAt : start,
      end: ambiguous ? m.endsAt : end,
      timezone: ambiguous ? 'UTC' : m.timeZone,
      summary,
      location: m.venue?.trim() || m.onlineUrl?.trim() || null,
      url: m.onlineUrl?.trim() || null,
      description: notes.length > 0 ? notes.join('\n') : null,
      status,
    });
  }
  const content = calendar.toString();
  return content.endsWith('\r\n') ? content : `${content}\r\n`;
}

/** ical-generator formats a luxon DateTime in its own zone; a plain Date would be read in the process's zone. */
function inZone(date: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(date, { zone }).reconfigure({ locale: 'en-US', numberingSystem: 'latn' });
  if (!dt.isValid) throw new RangeError(`invalid date or zone ${zone}`);
  return dt;
}
