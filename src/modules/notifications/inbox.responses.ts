import type { InboxNotificationResponse } from './dto/inbox-page.response.js';
import { type InboxRow } from './inbox.repository.js';

/** Inbox notifications as the API answers them. */
export function inboxNotificationResponse(r: InboxRow): InboxNotificationResponse {
  return {
    id: r.id,
    councilId: r.councilId,
    kind: r.kind,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    title: r.title,
    body: r.body,
    createdAt: new Date(r.createdAt).toISOString(),
    readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  };
}
