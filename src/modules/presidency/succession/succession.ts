/**
 * Pure succession logic: who follows an outgoing presidency term, and when the
 * council must be told that nobody does. No I/O, no Nest.
 *
 * - A term already recorded after the outgoing one decides (basis 'entered').
 * - Fixed order: the next member state in rotation order after the outgoing
 *   holder (wrapping around), skipping states that are not active and states
 *   that waived this turn by decision; never the outgoing holder itself.
 * - Designated: the member state designated by a decision adopted at least
 *   `leadMonths` before the outgoing term ends (an extension term, already
 *   late by nature, takes any designation), if it is still active.
 * - Otherwise nobody: the caller extends the term and alerts — the system never
 *   picks one silently.
 */
import { addMonthsUtc, type MemberStatus, type RotationPolicyKind } from '../rotation.js';

export interface SuccessionMember {
  id: string;
  rotationPosition: number;
  status: MemberStatus;
}

export interface SuccessionWaiver {
  participantId: string;
  /** The outgoing term whose succession is waived; null = the state's next turn. */
  forTermAfter: string | null;
  /** For a next-turn waiver: the outgoing term whose succession used it up (null while unused). */
  appliedTermId: string | null;
}

export interface SuccessionDesignation {
  participantId: string;
  adoptedAt: Date;
}

export interface OutgoingTerm {
  id: string;
  participantId: string;
  endsAt: Date;
  /** 'extension' terms accept a designation whatever its lead. */
  source: string;
}

export interface SuccessionInput {
  policy: RotationPolicyKind;
  members: readonly SuccessionMember[];
  outgoing: OutgoingTerm;
  /** The term recorded to start at the outgoing term's end, if any. */
  next: { id: string; participantId: string } | null;
  waivers: readonly SuccessionWaiver[];
  designation: SuccessionDesignation | null;
  leadMonths: number;
}

export type NoSuccessorReason = 'designation_missing' | 'designation_late' | 'designee_not_active' | 'no_eligible_member';

export type Succession =
  | { found: true; participantId: string; basis: 'entered' | 'rotation' | 'designated'; skipped: Skip[]; waiversUsed: string[] }
  | { found: false; reason: NoSuccessorReason; skipped: Skip[] };

export interface Skip {
  participantId: string;
  reason: 'suspended' | 'withdrawn' | 'waived';
}

/** The instant by which a designation must be adopted to be in time for the term. */
export function designationDeadline(endsAt: Date, leadMonths: number): Date {
  return addMonthsUtc(endsAt, -leadMonths);
}

/** Whether a designation adopted at `adoptedAt` is in time for a term ending at `endsAt` (extension terms take any). */
export function designationInTime(adoptedAt: Date, term: Pick<OutgoingTerm, 'endsAt' | 'source'>, leadMonths: number): boolean {
  if (term.source === 'extension') return true;
  return adoptedAt.getTime() <= designationDeadline(term.endsAt, leadMonths).getTime();
}

/** Waivers that apply to the succession of `outgoingTermId`: for that term, or a next-turn waiver not used by another term. */
export function waiving(waivers: readonly SuccessionWaiver[], outgoingTermId: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const w of waivers) if (w.forTermAfter === outgoingTermId) out.set(w.participantId, false);
  for (const w of waivers) {
    const unused = w.appliedTermId === null || w.appliedTermId === outgoingTermId;
    if (w.forTermAfter === null && unused && !out.has(w.participantId)) out.set(w.participantId, true);
  }
  return out; // participant → whether its reason is a next-turn waiver (used up when it is skipped)
}

export function successor(input: SuccessionInput): Succession {
  if (input.next) return { found: true, participantId: input.next.participantId, basis: 'entered', skipped: [], waiversUsed: [] };
  const byId = new Map(input.members.map((m) => [m.id, m]));

  if (input.policy === 'designated') {
    const d = input.designation;
    if (!d) return { found: false, reason: 'designation_missing', skipped: [] };
    if (!designationInTime(d.adoptedAt, input.outgoing, input.leadMonths)) return { found: false, reason: 'designation_late', skipped: [] };
    const m = byId.get(d.participantId);
    if (!m || m.status !== 'active') return { found: false, reason: 'designee_not_active', skipped: [] };
    return { found: true, participantId: m.id, basis: 'designated', skipped: [], waiversUsed: [] };
  }

  const waived = waiving(input.waivers, input.outgoing.id);
  const ordered = [...input.members].sort((a, b) => a.rotationPosition - b.rotationPosition);
  const last = byId.get(input.outgoing.participantId);
  const start = last ? ordered.findIndex((m) => m.rotationPosition > last.rotationPosition) : 0;
  const skipped: Skip[] = [];
  const waiversUsed: string[] = [];
  for (let k = 0; k < ordered.length; k++) {
    const m = ordered[((start < 0 ? 0 : start) + k) % ordered.length]!;
    if (m.id === input.outgoing.participantId) continue;
    if (m.status !== 'active') {
      skipped.push({ participantId: m.id, reason: m.status === 'suspended' ? 'suspended' : 'withdrawn' });
      continue;
    }
    if (waived.has(m.id)) {
      skipped.push({ participantId: m.id, reason: 'waived' });
      if (waived.get(m.id)) waiversUsed.push(m.id);
      continue;
    }
    return { found: true, participantId: m.id, basis: 'rotation', skipped, waiversUsed };
  }
  return { found: false, reason: 'no_eligible_member', skipped };
}

/**
 * Whether the council must be alerted now that no successor is known: from the
 * designation deadline on (for either policy: under fixed order, when rotation
 * yields nobody). Extension terms are always past it.
 */
export function alertDue(now: Date, term: Pick<OutgoingTerm, 'endsAt' | 'source'>, leadMonths: number): boolean {
  if (term.source === 'extension') return true;
  return now.getTime() >= designationDeadline(term.endsAt, leadMonths).getTime();
}

/** The alert period of an instant: its UTC month, 'YYYY-MM' (one alert per term and month). */
export function alertPeriod(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}
