/**
 * Every notification kind and the payload its outbox rows carry, in one place (as job-registry.ts does for jobs):
 * `OutboxService.notify/schedule` take only these kinds, each with its payload. Payloads carry small ids and
 * figures for the kind's handler, never message content; most kinds carry none (the subject's id is enough).
 */
type None = Record<string, never>;

export interface NotificationPayloads {
  /** A reminder the secretariat scheduled (subject: council_reminder). */
  'council.reminder': None;
  /** A one-time password link (subject: user; occurrence: the link's id). */
  'account.password_link': None;
  /** A meeting starts in N days (subject: meeting; occurrence '<offset>@<start>'). */
  'meeting.reminder': None;
  'meeting.convened': None;
  'meeting.agenda_circulated': None;
  'meeting.papers_due': None;
  'meeting.cancelled': None;
  /** Minutes (subject: meeting_minutes, the meeting's id). */
  'minutes.circulated': None;
  'minutes.comment_deadline': None;
  'minutes.approved': None;
  /** The silence procedure (subject: decision). */
  'silence.circulated': None;
  /** A member state broke silence: the break (also the occurrence). */
  'silence.broken': { breakId: string };
  'silence.adopted': None;
  'silence.not_adopted': None;
  /** An action item's reminders (subject: action_item): the plan's step, the due date it was planned for, its day count. */
  'action_item.acknowledge_requested': ActionItemReminderPayload;
  'action_item.due_soon': ActionItemReminderPayload;
  'action_item.overdue': ActionItemReminderPayload;
  'action_item.escalated': ActionItemReminderPayload;
  /** The handover reminders (subject: presidency_term). */
  'handover.first_reminder': None;
  'handover.priorities_due': None;
  'handover.dossier_due': None;
  'handover.final_reminder': None;
  /** The presidency's succession (subject: presidency_term). */
  'presidency.transferred': None;
  'presidency.extended': None;
  'presidency.no_successor': None;
}
export type NotificationKindName = keyof NotificationPayloads;

export interface ActionItemReminderPayload {
  step: string;
  dueDate: string;
  days: number;
}

/** What to notify about: a kind (with its template and recipients), the subject it concerns, and which occurrence. */
interface NotificationRequestOf<K extends NotificationKindName> {
  councilId: string | null;
  kind: K;
  subjectType: string;
  subjectId: string;
  /** Distinguishes repeated notifications about one subject (e.g. "7d", "1d"); part of the send-once key. */
  occurrence?: string;
}

/** A request for one kind, with that kind's payload (required when the kind has one, else optional and empty). */
export type NotificationRequest<K extends NotificationKindName = NotificationKindName> = K extends NotificationKindName
  ? NotificationRequestOf<K> & (NotificationPayloads[K] extends None ? { payload?: None } : { payload: NotificationPayloads[K] })
  : never;
