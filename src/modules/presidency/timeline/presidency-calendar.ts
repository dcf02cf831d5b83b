import { indexAt, projectTerms, type ProjectedTerm, type RotationMember, type RotationPolicyKind, type TermSpan, troikaAt } from '../rotation.js';

export interface CalendarInput<T extends TermSpan> {
  /** Recorded terms, sorted by start. */
  terms: readonly T[];
  at: Date;
  policy: RotationPolicyKind;
  members: readonly RotationMember[];
  termMonths: number;
  /** How many entries after the current one (recorded, then projected). */
  upcoming: number;
}

export interface Calendar<T extends TermSpan> {
  past: T[];
  current: T | null;
  upcoming: (T | ProjectedTerm)[];
  troika: { previous: T | null; current: T | null; next: T | ProjectedTerm | null };
}

/**
 * The public presidency calendar at `at`: every term ended by then (in time order, whatever their lengths), the
 * term covering it, the recorded terms after it and then projected ones (fixed order; to be designated
 * otherwise) up to `upcoming` entries, and the troika (rotation.ts).
 */
export function calendarAt<T extends TermSpan>(input: CalendarInput<T>): Calendar<T> {
  const t = input.at.getTime();
  const i = indexAt(input.terms, input.at);
  const past = input.terms.filter((term) => term.endsAt.getTime() <= t);
  const recorded = input.terms.filter((term) => term.startsAt.getTime() > t).slice(0, input.upcoming);
  const last = input.terms[input.terms.length - 1];
  const missing = input.upcoming - recorded.length;
  const projected =
    last && missing > 0 && last.endsAt.getTime() > t
      ? projectTerms({
          policy: input.policy,
          members: input.members,
          termMonths: input.termMonths,
          lastHolderId: last.participantId,
          lastEndsAt: last.endsAt,
          count: missing,
        })
      : [];
  const troika = troikaAt({ terms: input.terms, at: input.at, policy: input.policy, members: input.members, termMonths: input.termMonths });
  return { past, current: i >= 0 ? input.terms[i]! : null, upcoming: [...recorded, ...projected], troika };
}
