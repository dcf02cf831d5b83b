import { localizedTextProblem, type TextProblem, trimmedTexts } from '../../../core/text/localized-text.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import type { AgendaStatus } from './entities/meeting-agenda.entity.js';

/**
 * The agenda's rules, as pure functions.
 *
 * - Supplementary items: once the agenda is circulated, a new item is marked
 *   supplementary; it may be added until SUPPLEMENTARY_HOURS before the
 *   meeting starts (the deadline is fixed when the agenda is circulated).
 *   After that, only the chair can put an item on the agenda, by accepting it.
 * - The agenda can change while the meeting can still meet: not once it is
 *   closed, its minutes are under way, or it is cancelled.
 */
export const SUPPLEMENTARY_HOURS = 72;

export const AGENDA_OPEN_MEETING_STATUSES: readonly MeetingStatus[] = ['draft', 'convened', 'agenda_circulated', 'in_session', 'postponed'];
/** The agenda can be circulated once the meeting is convened (circulating moves a convened meeting to agenda_circulated). */
export const CIRCULABLE_MEETING_STATUSES: readonly MeetingStatus[] = ['convened', 'agenda_circulated', 'in_session'];
/** The agenda is adopted at the meeting, once it is in session. */
export const ADOPTABLE_MEETING_STATUSES: readonly MeetingStatus[] = ['in_session'];

export const TITLE_MAX_LENGTH = 300;

export function supplementaryDeadline(startsAt: Date): Date {
  return new Date(startsAt.getTime() - SUPPLEMENTARY_HOURS * 3_600_000);
}

export type Admission = { admitted: true; supplementary: boolean; acceptedByChair: boolean } | { admitted: false; deadline: Date };

/**
 * Whether a new item may join the agenda now, and how it is marked.
 * `chairAccepts`: the caller is the chair AND asked to accept the item.
 */
export function admitItem(agenda: { status: AgendaStatus; supplementaryDeadline: Date | null }, now: Date, chairAccepts: boolean): Admission {
  if (agenda.status === 'draft') return { admitted: true, supplementary: false, acceptedByChair: false };
  const deadline = agenda.supplementaryDeadline!;
  if (now.getTime() <= deadline.getTime()) return { admitted: true, supplementary: true, acceptedByChair: false };
  if (chairAccepts) return { admitted: true, supplementary: true, acceptedByChair: true };
  return { admitted: false, deadline };
}

export type TitleProblem = TextProblem;

/** The title must name at least one working language, only working languages, each with a non-blank text. Null when fine. */
export const titleProblem = (title: Record<string, unknown>, workingLanguages: readonly string[]): TextProblem | null =>
  localizedTextProblem('title', title, workingLanguages, TITLE_MAX_LENGTH);

export const trimTitle = trimmedTexts;

/** Null when `ids` names every one of `current` exactly once; else what is wrong. */
export function orderProblem(current: readonly string[], ids: readonly string[]): { missing: string[]; unknown: string[]; duplicated: string[] } | null {
  const known = new Set(current);
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const id of ids) (seen.has(id) ? duplicated : seen).add(id);
  const unknown = ids.filter((id) => !known.has(id));
  const missing = current.filter((id) => !seen.has(id));
  return missing.length || unknown.length || duplicated.size ? { missing, unknown: [...new Set(unknown)], duplicated: [...duplicated] } : null;
}
