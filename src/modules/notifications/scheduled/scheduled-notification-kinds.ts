/**
 * What each notification kind of a meeting, an action item or a presidency term is, in words, and to whom it
 * goes — for reading the outbox (GET …/notifications), not for sending: the kinds themselves (worker side)
 * choose the recipients when a row fires. Pure: no Nest, no database.
 */

/** Who a kind goes to. 'heads_of_delegation' and 'heads_and_secretariat' are fixed council audiences: countable ahead of time. */
export const AUDIENCES = {
  heads_of_delegation: 'The heads of every delegation of the council',
  heads_and_secretariat: 'The heads of every delegation and the secretariat',
  presenting_heads: 'The heads of the delegations presenting agenda items (none: nothing is sent)',
  heads_without_comment: 'The heads of the delegations that have not commented on the minutes',
  item_owner: 'The person in charge of the item, else the heads and alternates of the owner delegation(s)',
  item_owner_and_heads: 'The person in charge (else the heads and alternates of the owner delegations) and the heads of the owner delegations',
  body_leads_and_chair: 'The heads of the delegations leading the body concerned and of the delegation holding the presidency',
  holder_successor_secretariat: 'The heads of the holder’s and the successor’s delegations, and the secretariat',
  member_heads_and_secretariat: 'The heads of the member states’ delegations and the secretariat',
  unknown: 'Chosen by the notification kind when it fires',
} as const;
export type AudienceCode = keyof typeof AUDIENCES;

/** The audiences whose recipients are known before a row fires (the same query the kinds use). */
export const COUNTABLE_AUDIENCES: Readonly<Partial<Record<AudienceCode, { roles: ('head' | 'secretariat')[] }>>> = {
  heads_of_delegation: { roles: ['head'] },
  heads_and_secretariat: { roles: ['head', 'secretariat'] },
};

interface KindInfo {
  audience: AudienceCode;
  /** English label; `step` is the occurrence's part before '@' (e.g. '7d', 'due-3d'). */
  label: (step: string | null) => string;
}

const days = (step: string | null): number | null => {
  const m = /(\d+)d$/.exec(step ?? '');
  return m ? Number(m[1]) : null;
};
const plural = (n: number | null, unit: string) => (n === null ? `some ${unit}s` : `${n} ${unit}${n === 1 ? '' : 's'}`);

export const SCHEDULED_NOTIFICATION_KINDS: Readonly<Record<string, KindInfo>> = {
  'meeting.reminder': { audience: 'heads_of_delegation', label: (s) => `Reminder ${plural(days(s), 'day')} before the meeting` },
  'meeting.papers_due': { audience: 'presenting_heads', label: () => 'Papers due reminder (3 days before the papers deadline)' },
  'meeting.convened': { audience: 'heads_of_delegation', label: () => 'Convening notice' },
  'meeting.agenda_circulated': { audience: 'heads_of_delegation', label: () => 'Agenda circulated' },
  'meeting.cancelled': { audience: 'heads_of_delegation', label: () => 'Meeting cancelled' },
  'minutes.circulated': { audience: 'heads_of_delegation', label: () => 'Minutes circulated for comments' },
  'minutes.comment_deadline': { audience: 'heads_without_comment', label: () => 'Comment deadline reminder (2 days before)' },
  'minutes.approved': { audience: 'heads_of_delegation', label: () => 'Minutes approved' },
  'action_item.acknowledge_requested': { audience: 'item_owner', label: () => 'Acknowledgement requested' },
  'action_item.due_soon': { audience: 'item_owner', label: (s) => `Due in ${plural(days(s), 'day')}` },
  'action_item.overdue': { audience: 'item_owner_and_heads', label: (s) => `Overdue by ${plural(days(s), 'day')}` },
  'action_item.escalated': { audience: 'body_leads_and_chair', label: (s) => `Escalated: overdue by ${plural(days(s), 'day')}` },
  'handover.first_reminder': { audience: 'holder_successor_secretariat', label: () => 'Handover: first reminder' },
  'handover.priorities_due': { audience: 'holder_successor_secretariat', label: () => 'Handover: the incoming chair’s priorities are due' },
  'handover.dossier_due': { audience: 'holder_successor_secretariat', label: () => 'Handover: the dossier is due' },
  'handover.final_reminder': { audience: 'holder_successor_secretariat', label: () => 'Handover: final reminder' },
  'presidency.transferred': { audience: 'heads_and_secretariat', label: () => 'Presidency transferred' },
  'presidency.extended': { audience: 'member_heads_and_secretariat', label: () => 'Presidency term extended' },
  'presidency.no_successor': { audience: 'member_heads_and_secretariat', label: () => 'No successor known for the presidency' },
};

/** The occurrence's step: what comes before '@' ('7d@2026-…' → '7d'); null when it has none ('once', a link id). */
export function stepOf(occurrence: string): string | null {
  const i = occurrence.indexOf('@');
  return i > 0 ? occurrence.slice(0, i) : null;
}

export function describeKind(kind: string, occurrence: string): { step: string | null; label: string; audience: AudienceCode } {
  const step = stepOf(occurrence);
  const info = SCHEDULED_NOTIFICATION_KINDS[kind];
  if (!info) return { step, label: kind, audience: 'unknown' };
  return { step, label: info.label(step), audience: info.audience };
}

/** The outbox row's state as the reader sees it. 'sent': the worker made the messages (the delivery counts say how many went out); 'skipped': it found nothing to send. */
export const SCHEDULED_STATUSES = ['pending', 'queued', 'sent', 'skipped', 'cancelled'] as const;
export type ScheduledStatus = (typeof SCHEDULED_STATUSES)[number];

export function statusOf(outboxStatus: string, deliveries: number): ScheduledStatus {
  switch (outboxStatus) {
    case 'pending':
      return 'pending';
    case 'enqueued':
      return 'queued';
    case 'cancelled':
      return 'cancelled';
    default:
      return deliveries > 0 ? 'sent' : 'skipped';
  }
}
