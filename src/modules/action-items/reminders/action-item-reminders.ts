import { DateTime } from 'luxon';
import { type ActionItemStatus, OPEN_STATUSES } from '../entities/action-item.entity.js';
import type { ActionItemRules } from './action-item-rules.js';

/** The notification kinds (and notice names) of the reminders; the outbox kind is the notice's name. */
export const ACTION_ITEM_NOTICE_KINDS = ['action_item.acknowledge_requested', 'action_item.due_soon', 'action_item.overdue', 'action_item.escalated'] as const;
export type ActionItemNoticeKind = (typeof ACTION_ITEM_NOTICE_KINDS)[number];

/** Local time of the council's zone at which date-based reminders go out. */
export const REMINDER_HOUR = 9;

/** Every reminder key of an item starts with this (OutboxService.cancel takes it). */
export const actionItemReminderPrefix = (itemId: string) => `action-item-${itemId}-`;

/**
 * Step labels. No label is a prefix of another ('over-1d' vs 'over-14d'), because OutboxService.cancel
 * cancels by key prefix: cancelling one step must not cancel another.
 */
export const ACK_STEP = 'ack';
export const dueSoonStep = (days: number) => `due-${days}d`;
export const overdueStep = (days: number) => `over-${days}d`;

export interface ReminderSubject {
  id: string;
  status: ActionItemStatus;
  /** YYYY-MM-DD, a calendar day of the council's zone. */
  dueDate: string;
  createdAt: Date;
  /** The council's IANA zone. */
  timeZone: string;
}

export interface PlannedActionItemReminder {
  step: string;
  kind: ActionItemNoticeKind;
  key: string;
  /** `<step>@<due date>`: part of the send-once key, so a new due date sends the step again. */
  occurrence: string;
  /** Null: past, or not applicable in the item's status (the key is then cancelled). */
  dueAt: Date | null;
  /** Days before (due-soon, negative) or after (overdue steps) the due date; 0 for the acknowledgement. */
  days: number;
}

const isOpen = (s: ActionItemStatus) => (OPEN_STATUSES as readonly string[]).includes(s);

/** `days` calendar days from the due date (negative: before), at REMINDER_HOUR in the council's zone (DST-correct). */
export function dueDateInstant(dueDate: string, days: number, timeZone: string): Date {
  const d = DateTime.fromISO(dueDate, { zone: timeZone }).plus({ days }).set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (!d.isValid) throw new Error(`invalid due date or zone: ${dueDate} ${timeZone}`);
  return d.toJSDate();
}

/**
 * The reminders of an item under `rules`, at `now`:
 * - ack: created + ackDays (exactly), only while the item is open (not yet acknowledged);
 * - due-Nd: N days before the due date, at 09:00 in the council's zone;
 * - over-Nd: overdueDays and escalateDays after the due date, at 09:00 in the council's zone;
 * all only while the item is not done, verified or cancelled. Past instants are null. (The agenda step,
 * +agendaDays, is not a reminder: the periodic escalation job does it.)
 */
export function planActionItemReminders(item: ReminderSubject, rules: ActionItemRules, now: Date): PlannedActionItemReminder[] {
  const live = isOpen(item.status);
  const at = (d: Date, applies: boolean) => (applies && d.getTime() > now.getTime() ? d : null);
  const make = (step: string, kind: ActionItemNoticeKind, dueAt: Date | null, days: number): PlannedActionItemReminder => ({
    step,
    kind,
    key: `${actionItemReminderPrefix(item.id)}${step}`,
    occurrence: `${step}@${item.dueDate}`,
    dueAt,
    days,
  });
  const ackAt = new Date(new Date(item.createdAt).getTime() + rules.ackDays * 86_400_000);
  const out = [make(ACK_STEP, 'action_item.acknowledge_requested', at(ackAt, item.status === 'open'), 0)];
  for (const days of [...new Set(rules.dueSoonDays)].sort((a, b) => b - a)) {
    out.push(make(dueSoonStep(days), 'action_item.due_soon', at(dueDateInstant(item.dueDate, -days, item.timeZone), live), -days));
  }
  out.push(
    make(overdueStep(rules.overdueDays), 'action_item.overdue', at(dueDateInstant(item.dueDate, rules.overdueDays, item.timeZone), live), rules.overdueDays),
  );
  out.push(
    make(
      overdueStep(rules.escalateDays),
      'action_item.escalated',
      at(dueDateInstant(item.dueDate, rules.escalateDays, item.timeZone), live),
      rules.escalateDays,
    ),
  );
  return out;
}

/** The due date an occurrence (`<step>@<due date>`) was planned for; null if it has none. */
export function occurrenceDueDate(occurrence: string): string | null {
  const i = occurrence.indexOf('@');
  const date = i >= 0 ? occurrence.slice(i + 1) : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** Whether a reminder still has something to say when it fires: the item is in a status the step is for, with the due date it was planned for. */
export function reminderStillDue(kind: ActionItemNoticeKind, status: ActionItemStatus, dueDate: string, occurrence: string): boolean {
  if (occurrenceDueDate(occurrence) !== dueDate) return false;
  return kind === 'action_item.acknowledge_requested' ? status === 'open' : isOpen(status);
}
