import { Injectable } from '@nestjs/common';
import { InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { pageSize } from '../../core/http/pagination.js';
import type { InboxPageResponse, MarkAllReadResponse } from './dto/inbox-page.response.js';
import type { ListInboxQuery } from './dto/list-inbox.query.js';
import { InboxRepository } from './inbox.repository.js';
import { inboxNotificationResponse } from './inbox.responses.js';

/** Notification ids are bigint identities: the cursor is the last id of the previous page. */
const ID = /^[1-9][0-9]{0,17}$/;

/**
 * The caller's own in-app inbox: every query names the user, so nobody reaches
 * another person's notifications (someone else's id is simply not found).
 * Reading state is the user's own bookkeeping, not audited.
 */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async page(userId: string, query: ListInboxQuery): Promise<InboxPageResponse> {
    if (query.cursor !== undefined && !ID.test(query.cursor)) {
      throw new InvalidInputException('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
    }
    const limit = pageSize(query);
    const { rows, unreadCount } = await this.inbox.pageWithUnreadCount(userId, {
      unreadOnly: query.unread === true,
      before: query.cursor ?? null,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(inboxNotificationResponse);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null, unreadCount };
  }

  async markRead(userId: string, notificationId: string): Promise<void> {
    if (!ID.test(notificationId)) throw new InvalidInputException('notificationId', 'id', 'notificationId must be a notification id');
    if (!(await this.inbox.markRead(userId, notificationId))) throw new NotFoundException('notification', notificationId);
  }

  async markAllRead(userId: string): Promise<MarkAllReadResponse> {
    return { updated: await this.inbox.markAllRead(userId) };
  }
}
