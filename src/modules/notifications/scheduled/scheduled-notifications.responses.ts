import { DateTime } from 'luxon';
import { ScheduledNotificationResponse } from './dto/scheduled-notification.response.js';
import { AUDIENCES, type AudienceCode, statusOf } from './scheduled-notification-kinds.js';
import { type ScheduledRow } from './scheduled-notifications.repository.js';

/** Scheduled notifications (outbox rows) as the API answers them. */
export function scheduledNotificationResponse(
  row: ScheduledRow,
  step: string | null,
  label: string,
  audience: AudienceCode,
  zone: string,
  counts: Map<AudienceCode, number>,
): ScheduledNotificationResponse {
  const r = new ScheduledNotificationResponse();
  const status = statusOf(row.status, row.total);
  const due = new Date(row.due_at);
  r.id = row.id;
  r.kind = row.kind;
  r.step = step;
  r.label = label;
  r.subjectType = row.subject_type;
  r.scheduled = row.scheduled;
  r.dueAt = due.toISOString();
  r.dueAtLocal = DateTime.fromJSDate(due, { zone }).toISO({ suppressMilliseconds: true }) ?? r.dueAt;
  r.status = status;
  r.sentAt = (status === 'sent' || status === 'skipped') && row.done_at ? new Date(row.done_at).toISOString() : null;
  r.cancelledAt = status === 'cancelled' && row.done_at ? new Date(row.done_at).toISOString() : null;
  r.audience = { code: audience, description: AUDIENCES[audience] };
  r.recipientCount = status === 'sent' ? row.total : status === 'pending' || status === 'queued' ? (counts.get(audience) ?? null) : null;
  r.deliveries =
    status === 'sent'
      ? {
          total: row.total,
          sent: row.sent,
          pending: row.pending,
          digest: row.digest,
          failed: row.failed,
          off: row.off,
          lastSentAt: row.last_sent_at ? new Date(row.last_sent_at).toISOString() : null,
        }
      : null;
  r.recipients = (row.recipients ?? []).map((x) => ({ ...x, sentAt: x.sentAt ? new Date(x.sentAt).toISOString() : null }));
  return r;
}
