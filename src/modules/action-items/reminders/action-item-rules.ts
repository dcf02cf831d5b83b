/** A council's action-item offsets, in days (DOMAIN.md: 14 and 3 days before due; +1, +14, +30 after). */
export interface ActionItemRules {
  /** Acknowledgement requested this long after creation, while the item is still open. */
  ackDays: number;
  /** Due-soon reminders, days before the due date. */
  dueSoonDays: number[];
  /** Overdue: owner and head of delegation. */
  overdueDays: number;
  /** Escalated: body lead and chair. */
  escalateDays: number;
  /** Put on the next senior officials meeting's agenda. */
  agendaDays: number;
}

export const DEFAULT_ACTION_ITEM_RULES: Readonly<ActionItemRules> = Object.freeze({
  ackDays: 7,
  dueSoonDays: Object.freeze([14, 3]) as unknown as number[],
  overdueDays: 1,
  escalateDays: 14,
  agendaDays: 30,
});

export const MAX_DAYS = 365;
export const MAX_DUE_SOON = 5;

/** What is wrong with a set of rules, naming the field (the checks the database repeats); null when fine. */
export function rulesProblem(r: ActionItemRules): { field: string; rule: string; message: string } | null {
  const days = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_DAYS;
  if (!days(r.ackDays)) return { field: 'ackDays', rule: 'range', message: `ackDays must be a whole number of days between 1 and ${MAX_DAYS}` };
  if (r.dueSoonDays.length > MAX_DUE_SOON) return { field: 'dueSoonDays', rule: 'max_items', message: `dueSoonDays has at most ${MAX_DUE_SOON} reminders` };
  const bad = r.dueSoonDays.findIndex((d) => !days(d));
  if (bad >= 0) return { field: `dueSoonDays.${bad}`, rule: 'range', message: `dueSoonDays.${bad} must be a whole number of days between 1 and ${MAX_DAYS}` };
  if (new Set(r.dueSoonDays).size !== r.dueSoonDays.length) return { field: 'dueSoonDays', rule: 'unique', message: 'dueSoonDays may not repeat a day' };
  if (!days(r.overdueDays)) return { field: 'overdueDays', rule: 'range', message: `overdueDays must be a whole number of days between 1 and ${MAX_DAYS}` };
  if (!days(r.escalateDays) || r.escalateDays <= r.overdueDays) {
    return { field: 'escalateDays', rule: 'after_overdue', message: `escalateDays must be after overdueDays (${r.overdueDays}) and at most ${MAX_DAYS}` };
  }
  if (!days(r.agendaDays) || r.agendaDays <= r.escalateDays) {
    return { field: 'agendaDays', rule: 'after_escalate', message: `agendaDays must be after escalateDays (${r.escalateDays}) and at most ${MAX_DAYS}` };
  }
  return null;
}

/** Due-soon days, largest first, without repeats. */
export const normalisedDueSoon = (days: readonly number[]): number[] => [...new Set(days)].sort((a, b) => b - a);
