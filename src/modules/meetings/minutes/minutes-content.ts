import { localizedTextProblem, type TextProblem } from '../../../core/text/localized-text.js';
import type { ParticipantKind } from '../../participants/entities/participant.entity.js';
import type { AgendaItemPurpose, AgendaItemStatus } from '../agenda/entities/agenda-item.entity.js';
import type { MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import type { DecisionPositionKind } from '../session/entities/decision-position.entity.js';
import type { DecisionOutcome, DecisionStatus } from '../session/entities/decision.entity.js';
import type { RepresentedBy } from '../session/entities/meeting-attendance.entity.js';

/**
 * What minutes hold (the `content` jsonb of a `minutes` row), and the pure
 * functions that draft it from a closed meeting and apply the secretariat's
 * edits. Instants are ISO strings (the content is a document, stored as JSON).
 */

export const SUMMARY_MAX_LENGTH = 10_000;
export const NOTES_MAX_LENGTH = 20_000;

/** Working language → text. */
export type LanguageTexts = Record<string, string>;

export interface MinutesMeeting {
  id: string;
  title: string;
  kind: MeetingKind;
  bodyId: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  /** The member state holding the presidency when the meeting started (council meetings). */
  chair: { participantId: string; name: string } | null;
}

export interface MinutesAttendance {
  delegationId: string;
  delegationName: string;
  participantId: string;
  participantName: string;
  participantKind: ParticipantKind;
  present: boolean;
  /** Who represented the delegation (head, alternate, adviser); null when absent. */
  representedBy: RepresentedBy | null;
}

export interface MinutesObjection {
  delegationId: string;
  delegationName: string;
  reason: string;
}

export interface MinutesPosition {
  delegationId: string;
  delegationName: string;
  participantKind: ParticipantKind;
  position: DecisionPositionKind;
  note: string | null;
}

export interface MinutesDecision {
  decisionId: string;
  text: LanguageTexts;
  status: DecisionStatus;
  outcome: DecisionOutcome | null;
  closedAt: string | null;
  quorum: { memberStatesPresent: number; activeMemberStates: number; required: number } | null;
  /** Objections still standing when the decision was closed (withdrawn ones are left out). */
  objections: MinutesObjection[];
  positions: MinutesPosition[];
}

export interface MinutesItem {
  agendaItemId: string;
  position: number;
  title: LanguageTexts;
  purpose: AgendaItemPurpose;
  status: AgendaItemStatus;
  decisions: MinutesDecision[];
  /** The secretariat's summary of the discussion, per working language (editable until approval). */
  summary: LanguageTexts;
}

export interface MinutesContent {
  meeting: MinutesMeeting;
  /** The council's working languages when the minutes were drafted: summaries and notes use only these. */
  languages: string[];
  attendance: MinutesAttendance[];
  items: MinutesItem[];
  /** Free notes per working language (editable until approval). */
  notes: LanguageTexts;
}

/** The rows a draft is made of (as the repository reads them). */
export interface DraftSource {
  meeting: MinutesMeeting;
  languages: string[];
  attendance: MinutesAttendance[];
  items: { id: string; position: number; title: LanguageTexts; purpose: AgendaItemPurpose; status: AgendaItemStatus }[];
  decisions: (Omit<MinutesDecision, 'decisionId' | 'objections' | 'positions'> & { id: string; agendaItemId: string; createdAt: string })[];
  objections: (MinutesObjection & { decisionId: string; withdrawn: boolean })[];
  positions: (MinutesPosition & { decisionId: string })[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const KIND_ORDER: Record<ParticipantKind, number> = { member_state: 0, permanent_participant: 1, observer: 2 };

/** The first draft: attendance (member states, then permanent participants, then observers), every item in agenda order with its decisions. */
export function draftContent(src: DraftSource, notes: LanguageTexts = {}): MinutesContent {
  const attendance = [...src.attendance].sort(
    (a, b) =>
      KIND_ORDER[a.participantKind] - KIND_ORDER[b.participantKind] || byText(a.delegationName, b.delegationName) || byText(a.delegationId, b.delegationId),
  );
  const decisionsOf = (itemId: string): MinutesDecision[] =>
    src.decisions
      .filter((d) => d.agendaItemId === itemId)
      .sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id))
      .map((d) => ({
        decisionId: d.id,
        text: d.text,
        status: d.status,
        outcome: d.outcome,
        closedAt: d.closedAt,
        quorum: d.quorum,
        objections: src.objections
          .filter((o) => o.decisionId === d.id && !o.withdrawn)
          .map((o) => ({ delegationId: o.delegationId, delegationName: o.delegationName, reason: o.reason })),
        positions: src.positions
          .filter((p) => p.decisionId === d.id)
          .map((p) => ({
            delegationId: p.delegationId,
            delegationName: p.delegationName,
            participantKind: p.participantKind,
            position: p.position,
            note: p.note,
          })),
      }));
  return {
    meeting: src.meeting,
    languages: [...src.languages],
    attendance,
    items: [...src.items]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({
        agendaItemId: i.id,
        position: i.position,
        title: i.title,
        purpose: i.purpose,
        status: i.status,
        decisions: decisionsOf(i.id),
        summary: {},
      })),
    notes: trimTexts(notes),
  };
}

export type ContentProblem = TextProblem;

/** Texts per working language: only working languages, each a non-blank text of at most `max` characters ({} is fine). Null when fine. */
export const languageTextsProblem = (field: string, texts: Record<string, unknown>, languages: readonly string[], max: number): ContentProblem | null =>
  localizedTextProblem(field, texts, languages, max, { allowEmpty: true, blankHint: '(leave the language out to have none)' });

export interface ContentEdits {
  notes?: LanguageTexts;
  items?: { agendaItemId: string; summary: LanguageTexts }[];
}

/**
 * The content with the edits applied: `notes` replaces the notes; each item's
 * `summary` replaces that item's summary. Everything else (attendance, items,
 * decisions) is the record of the meeting and cannot be edited.
 */
export function applyEdits(content: MinutesContent, edits: ContentEdits): { content: MinutesContent } | { problem: ContentProblem } {
  const languages = content.languages;
  if (edits.notes !== undefined) {
    const problem = languageTextsProblem('notes', edits.notes, languages, NOTES_MAX_LENGTH);
    if (problem) return { problem };
  }
  const summaries = new Map<string, LanguageTexts>();
  for (const [i, edit] of (edits.items ?? []).entries()) {
    if (!content.items.some((item) => item.agendaItemId === edit.agendaItemId)) {
      return {
        problem: { field: `items.${i}.agendaItemId`, rule: 'item_in_minutes', message: `agenda item ${edit.agendaItemId} is not an item of these minutes` },
      };
    }
    if (summaries.has(edit.agendaItemId)) {
      return { problem: { field: `items.${i}.agendaItemId`, rule: 'once', message: `agenda item ${edit.agendaItemId} is named more than once` } };
    }
    const problem = languageTextsProblem(`items.${i}.summary`, edit.summary, languages, SUMMARY_MAX_LENGTH);
    if (problem) return { problem };
    summaries.set(edit.agendaItemId, trimTexts(edit.summary));
  }
  return {
    content: {
      ...content,
      items: content.items.map((item) => (summaries.has(item.agendaItemId) ? { ...item, summary: summaries.get(item.agendaItemId)! } : item)),
      notes: edits.notes !== undefined ? trimTexts(edits.notes) : content.notes,
    },
  };
}

function trimTexts(texts: LanguageTexts): LanguageTexts {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.trim()]));
}
