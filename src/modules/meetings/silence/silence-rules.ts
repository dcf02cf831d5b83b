import { jobId } from '../../../core/queue/job-registry.js';
import { quorumRequired } from '../session/consensus.js';
import type { DecisionOutcome } from '../session/entities/decision.entity.js';

/**
 * The silence procedure's rules, as pure functions.
 *
 * - A proposal is circulated in writing with a deadline; it is adopted at the
 *   deadline unless a member state breaks silence before it (a standing break
 *   of an active member state's delegation at closing) → not_adopted.
 * - The deadline is at least `minNoticeSeconds` ahead of circulation (config
 *   SILENCE_MIN_NOTICE_SECONDS, default 72 hours: capitals need time to
 *   consult) and at most SILENCE_MAX_NOTICE_DAYS ahead (a typo guard).
 * - Every active member state takes part in a written procedure (silence is
 *   consent): the figures recorded at closing are all active member states
 *   "present", with the council's quorum rule; with no active member state
 *   nothing can be adopted.
 * - A written decision closes as of its deadline, whenever the worker gets
 *   to it (the database holds that rule too: decisions_written_closed_at_deadline).
 */
export const SILENCE_MAX_NOTICE_DAYS = 90;

export interface DeadlineProblem {
  field: 'deadline';
  rule: 'future' | 'min_notice' | 'max_notice';
  message: string;
  earliest?: string;
}

/** Why a deadline cannot be accepted now, or null. */
export function deadlineProblem(deadline: Date, now: Date, minNoticeSeconds: number): DeadlineProblem | null {
  const earliest = new Date(now.getTime() + minNoticeSeconds * 1000);
  if (deadline.getTime() <= now.getTime()) {
    return {
      field: 'deadline',
      rule: 'future',
      message: `deadline must be in the future, at least ${noticeInWords(minNoticeSeconds)} ahead (earliest ${earliest.toISOString()})`,
      earliest: earliest.toISOString(),
    };
  }
  if (deadline.getTime() < earliest.getTime()) {
    return {
      field: 'deadline',
      rule: 'min_notice',
      message: `deadline must be at least ${noticeInWords(minNoticeSeconds)} ahead (earliest ${earliest.toISOString()})`,
      earliest: earliest.toISOString(),
    };
  }
  const latest = now.getTime() + SILENCE_MAX_NOTICE_DAYS * 86_400_000;
  if (deadline.getTime() > latest) {
    return {
      field: 'deadline',
      rule: 'max_notice',
      message: `deadline must be at most ${SILENCE_MAX_NOTICE_DAYS} days ahead (latest ${new Date(latest).toISOString()})`,
    };
  }
  return null;
}

/** "72 hours", "10 days", "90 seconds". */
export function noticeInWords(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds >= 7 * 86_400) return `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** The outcome at the deadline: silence broken (a standing break of an active member state) → not adopted; else adopted, if anyone could adopt it. */
export function silenceOutcome(standingBreaks: number, activeMemberStates: number): Extract<DecisionOutcome, 'adopted' | 'not_adopted'> {
  if (standingBreaks > 0 || activeMemberStates === 0) return 'not_adopted';
  return 'adopted';
}

export interface WrittenQuorum {
  memberStatesPresent: number;
  activeMemberStates: number;
  required: number;
}

/** The figures recorded when a written decision closes: every active member state takes part. */
export function writtenQuorum(quorumRatio: number, activeMemberStates: number): WrittenQuorum {
  return { memberStatesPresent: activeMemberStates, activeMemberStates, required: quorumRequired(quorumRatio, activeMemberStates) };
}

/** How long the close job waits: until the deadline (0 when it has passed). */
export function closeDelayMs(deadline: Date, now: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/** The id of a decision's close job: one per decision, so adding it again is a no-op. */
export function closeJobId(decisionId: string): string {
  return jobId('silence-close', decisionId);
}
