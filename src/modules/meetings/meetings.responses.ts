import { iso } from '../../core/http/iso.js';
import { DEFAULT_MEETING_RULES, type MeetingRuleDays } from '../councils/council-defaults.js';
import type { MeetingKind } from '../councils/entities/council-meeting-rule.entity.js';
import { meetingDeadlines } from './deadlines.js';
import type { MeetingResponse } from './dto/meeting.response.js';
import { allowedNext } from './meeting-lifecycle.js';
import type { MeetingRow } from './meetings.repository.js';

export type Rules = Partial<Record<MeetingKind, MeetingRuleDays>>;

/** The council's rule for a meeting kind, else the default. */
export const ruleOf = (rules: Rules, kind: MeetingKind): MeetingRuleDays => rules[kind] ?? DEFAULT_MEETING_RULES[kind];

/** A meeting as the API answers it (the series use it too, for the occurrences they read in their own query). */
export function meetingResponse(r: MeetingRow, rules: Rules): MeetingResponse {
  const rule = ruleOf(rules, r.kind);
  const startsAt = new Date(r.startsAt);
  const d = meetingDeadlines(startsAt, rule, r.timeZone);
  return {
    id: r.id,
    councilId: r.councilId,
    bodyId: r.bodyId,
    kind: r.kind,
    title: r.title,
    startsAt: startsAt.toISOString(),
    endsAt: iso(r.endsAt),
    timeZone: r.timeZone,
    venue: r.venue,
    onlineUrl: r.onlineUrl,
    hostParticipantId: r.hostParticipantId,
    status: r.status,
    convenedAt: r.convenedAt ? iso(r.convenedAt) : null,
    consentRecorded: r.consentRecorded,
    consentNote: r.consentNote,
    openedAt: r.openedAt ? iso(r.openedAt) : null,
    closedAt: r.closedAt ? iso(r.closedAt) : null,
    chair: r.chairParticipantId ? { participantId: r.chairParticipantId, name: r.chairName!, isoCode: r.chairIsoCode, termId: r.chairTermId! } : null,
    deadlines: { ...rule, noticeBy: d.noticeBy.toISOString(), agendaBy: d.agendaBy.toISOString(), papersBy: d.papersBy.toISOString() },
    allowedTransitions: [...allowedNext(r.status)],
    seriesId: r.seriesId,
    occurrenceDate: r.occurrenceDate,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}
