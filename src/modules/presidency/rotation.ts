/**
 * Pure presidency logic: who comes next, the projected calendar, the troika.
 * No I/O, no Nest: everything here takes plain values and returns plain values.
 *
 * Terms are half-open instants [startsAt, endsAt). Month arithmetic is in UTC,
 * calendar months clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
 */

export type RotationPolicyKind = 'fixed_order' | 'designated';
export type MemberStatus = 'active' | 'suspended' | 'withdrawn';

export interface RotationMember {
  id: string;
  rotationPosition: number;
  status: MemberStatus;
}

/** The least a recorded term must carry for the calculations here. */
export interface TermSpan {
  participantId: string;
  startsAt: Date;
  endsAt: Date;
}

/** A term that is not recorded yet: the next holder under fixed order, or `null` when it is to be designated. */
export interface ProjectedTerm {
  participantId: string | null;
  startsAt: Date;
  endsAt: Date;
  projected: true;
  toBeDesignated: boolean;
}

export interface Troika<T extends TermSpan> {
  previous: T | null;
  current: T | null;
  next: T | ProjectedTerm | null;
}

const ELIGIBLE: ReadonlySet<MemberStatus> = new Set(['active']);

function daysInMonthUtc(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** `date` plus `months` calendar months in UTC, the day clamped to the target month's last day; time of day kept. */
export function addMonthsUtc(date: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonthUtc(year, month));
  return new Date(Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

/**
 * The member state that follows `lastHolderId` in the fixed rotation order:
 * the next position up, wrapping around, skipping suspended and withdrawn
 * states. With no last holder (or one not among `members`), the first eligible
 * state in the order. `null` when no state is eligible.
 */
export function nextHolder(members: readonly RotationMember[], lastHolderId: string | null): RotationMember | null {
  const eligible = members.filter((m) => ELIGIBLE.has(m.status)).sort((a, b) => a.rotationPosition - b.rotationPosition);
  if (eligible.length === 0) return null;
  const last = lastHolderId === null ? undefined : members.find((m) => m.id === lastHolderId);
  if (!last) return eligible[0]!;
  return eligible.find((m) => m.rotationPosition > last.rotationPosition) ?? eligible[0]!;
}

export interface ProjectionInput {
  policy: RotationPolicyKind;
  members: readonly RotationMember[];
  termMonths: number;
  /** The last recorded term's holder and end instant: projections start there. */
  lastHolderId: string | null;
  lastEndsAt: Date;
  count: number;
}

/**
 * The next `count` terms after the last recorded one. Term k (from 0) spans
 * [lastEndsAt + k·termMonths, lastEndsAt + (k+1)·termMonths), each bound
 * computed from the anchor so that month-end clamping never drifts
 * (a Jan 31 anchor gives Feb 29, Mar 31, Apr 30 …). Under fixed order each
 * holder follows the previous one; under the designated policy (or when no
 * state is eligible) the holder is `null` and `toBeDesignated` is true — the
 * system never silently picks one.
 */
export function projectTerms(input: ProjectionInput): ProjectedTerm[] {
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1) throw new RangeError(`termMonths must be a positive integer`);
  const out: ProjectedTerm[] = [];
  let holder = input.lastHolderId;
  for (let k = 0; k < input.count; k++) {
    const startsAt = addMonthsUtc(input.lastEndsAt, k * input.termMonths);
    const endsAt = addMonthsUtc(input.lastEndsAt, (k + 1) * input.termMonths);
    const next = input.policy === 'fixed_order' ? nextHolder(input.members, holder) : null;
    holder = next?.id ?? null;
    out.push({ participantId: next?.id ?? null, startsAt, endsAt, projected: true, toBeDesignated: next === null });
  }
  return out;
}

/** Index of the term covering `at` (half-open), or -1. `terms` sorted by start. */
export function indexAt(terms: readonly TermSpan[], at: Date): number {
  const t = at.getTime();
  return terms.findIndex((term) => term.startsAt.getTime() <= t && t < term.endsAt.getTime());
}

export interface TroikaInput<T extends TermSpan> {
  /** Recorded terms, sorted by start. */
  terms: readonly T[];
  at: Date;
  policy: RotationPolicyKind;
  members: readonly RotationMember[];
  termMonths: number;
}

/**
 * Previous, current and next presidency at `at`.
 * - With a term covering `at`: previous is the recorded term before it, next
 *   the recorded term after it; if the current term is the last recorded one,
 *   next is the projected holder under fixed order, or `null` under the
 *   designated policy (nobody is picked silently).
 * - With no term covering `at` (before the first, after the last, or in a gap):
 *   current is null, previous the last term ended by `at`, next the first
 *   term starting after `at` (no projection: there is no current term to follow).
 */
export function troikaAt<T extends TermSpan>(input: TroikaInput<T>): Troika<T> {
  const { terms, at } = input;
  const i = indexAt(terms, at);
  if (i >= 0) {
    const current = terms[i]!;
    const previous = i > 0 ? terms[i - 1]! : null;
    if (i + 1 < terms.length) return { previous, current, next: terms[i + 1]! };
    if (input.policy !== 'fixed_order') return { previous, current, next: null };
    const [projected] = projectTerms({
      policy: input.policy,
      members: input.members,
      termMonths: input.termMonths,
      lastHolderId: current.participantId,
      lastEndsAt: current.endsAt,
      count: 1,
    });
    return { previous, current, next: projected!.participantId === null ? null : projected! };
  }
  const t = at.getTime();
  let previous: T | null = null;
  let next: T | null = null;
  for (const term of terms) {
    if (term.endsAt.getTime() <= t) previous = term;
    else if (term.startsAt.getTime() > t && next === null) next = term;
  }
  return { previous, current: null, next };
}

export interface ScheduleInput<T extends TermSpan> {
  /** Recorded terms, sorted by start. */
  terms: readonly T[];
  at: Date;
  count: number;
  policy: RotationPolicyKind;
  members: readonly RotationMember[];
  termMonths: number;
}

/**
 * The presidency calendar from `at`: the recorded terms not yet ended (the
 * current one first), then projected terms after the last recorded one, up to
 * `count` entries. With no recorded term there is nothing to project from.
 */
export function scheduleFrom<T extends TermSpan>(input: ScheduleInput<T>): (T | ProjectedTerm)[] {
  const t = input.at.getTime();
  const recorded = input.terms.filter((term) => term.endsAt.getTime() > t).slice(0, input.count);
  const last = input.terms[input.terms.length - 1];
  const missing = input.count - recorded.length;
  if (!last || missing <= 0) return recorded;
  const projected = projectTerms({
    policy: input.policy,
    members: input.members,
    termMonths: input.termMonths,
    lastHolderId: last.participantId,
    lastEndsAt: last.endsAt,
    count: missing,
  });
  return [...recorded, ...projected];
}
