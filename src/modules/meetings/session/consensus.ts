import type { MeetingStatus } from '../entities/meeting.entity.js';
import type { DecisionOutcome } from './entities/decision.entity.js';

/**
 * The session's rules, as pure functions.
 *
 * - Quorum: `ceil(quorumRatio × active member states)` member states present
 *   (at least one). The ratio is the council's (`councils.quorum_ratio`,
 *   default 0.75 — the Arctic Council's 6 of 8). Only active member states
 *   count, present through their delegation's attendance record.
 * - Consensus: a decision is adopted when quorum is met and no member state
 *   present objects (a standing objection of a delegation recorded present at
 *   closing); an objection standing → not_adopted. Permanent participants'
 *   and member states' positions are recorded, never blocking.
 * - Deferring needs no quorum.
 */
export const SESSION_MEETING_STATUSES: readonly MeetingStatus[] = ['in_session'];

export interface Quorum {
  memberStatesPresent: number;
  activeMemberStates: number;
  required: number;
  quorumRatio: number;
  met: boolean;
  rule: string;
}

/** Member states needed for quorum; the ratio has at most 3 decimals, so the sum is done in thousandths (no float drift). */
export function quorumRequired(quorumRatio: number, activeMemberStates: number): number {
  const thousandths = Math.round(quorumRatio * 1000);
  return Math.max(1, Math.ceil((thousandths * activeMemberStates) / 1000));
}

export function quorumRule(quorumRatio: number): string {
  return `quorum: at least ${quorumRatio * 100}% of the active member states present (rounded up, at least one)`;
}

export function quorumOf(quorumRatio: number, activeMemberStates: number, memberStatesPresent: number): Quorum {
  const required = quorumRequired(quorumRatio, activeMemberStates);
  return {
    memberStatesPresent,
    activeMemberStates,
    required,
    quorumRatio,
    met: activeMemberStates > 0 && memberStatesPresent >= required,
    rule: quorumRule(quorumRatio),
  };
}

export type Closing = { outcome: DecisionOutcome } | { refused: 'quorum_not_met' };

/** The outcome of closing a decision, or why it cannot be closed. */
export function closingOutcome(requested: 'deferred' | undefined, quorum: Pick<Quorum, 'met'>, standingObjections: number): Closing {
  if (requested === 'deferred') return { outcome: 'deferred' };
  if (!quorum.met) return { refused: 'quorum_not_met' };
  return { outcome: standingObjections > 0 ? 'not_adopted' : 'adopted' };
}
