import { textIn } from '../../../core/text/localized-text.js';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { defineNoticeKind, type LiveNotice } from '../../../core/outbox/define-notice-kind.js';
import type { PreparedNotification, Recipient } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { type Audience, RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeMessage } from '../../notifications/templates/message-kinds.js';
import { ACTION_ITEM_NOTICE_KINDS, type ActionItemNoticeKind, reminderStillDue } from './action-item-reminders.js';
import { ActionItemNoticesRepository, type NoticedActionItemRow } from './action-item-notices.repository.js';

/**
 * The reminders of an action item, each a notification kind (and notice) of its own:
 * - action_item.acknowledge_requested (created + ackDays, while open) and action_item.due_soon (N days before):
 *   to the person in charge if the item names one, else to the heads and alternates of the owner delegation
 *   (a body's item: of the delegations leading the body);
 * - action_item.overdue (+overdueDays): the same, and the heads of the owner delegation(s);
 * - action_item.escalated (+escalateDays): the heads of the delegations leading the body concerned (the owner body,
 *   else the source meeting's body) and the heads of the delegation holding the presidency now (the chair).
 * Each reloads the item when it fires and says nothing if its status or due date no longer match the reminder.
 * Phrases: action-item.phrases.ts.
 */
@Injectable()
export class ActionItemNoticeKinds implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: NotificationKindsRegistry,
    private readonly items: ActionItemNoticesRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    defineNoticeKind(this.registry, {
      kinds: ACTION_ITEM_NOTICE_KINDS,
      load: (em, ids) => this.items.findMany(em, ids),
      prepare: (kind, em, live) => this.prepareMany(kind, em, live),
    });
  }

  private async prepareMany(
    kind: ActionItemNoticeKind,
    em: EntityManager,
    loaded: LiveNotice<NoticedActionItemRow>[],
  ): Promise<Map<string, PreparedNotification>> {
    const live = loaded
      .filter((x) => reminderStillDue(kind, x.subject.status, x.subject.dueDate, x.row.occurrence))
      .map(({ row, subject }) => ({ row, item: subject }));
    const audiences: { key: string; councilId: string; audience: Audience }[] = [];
    const add = (key: string, councilId: string, roles: Audience['roles'], delegationIds: string[]) => {
      // An empty delegation list would mean every delegate of the council: nobody is meant then.
      if (delegationIds.length > 0) audiences.push({ key, councilId, audience: { roles, delegationIds } });
    };
    for (const { row, item } of live) {
      const personal = item.ownerUserId !== null;
      if (kind === 'action_item.escalated') {
        add(
          `${row.id}/heads`,
          item.councilId,
          ['head'],
          [...new Set([...item.bodyLeadDelegationIds, ...(item.chairDelegationId ? [item.chairDelegationId] : [])])],
        );
        continue;
      }
      if (!personal) add(`${row.id}/owner`, item.councilId, ['head', 'alternate'], item.ownerDelegationIds);
      if (kind === 'action_item.overdue') add(`${row.id}/heads`, item.councilId, ['head'], item.ownerDelegationIds);
    }
    const found = await this.recipients.forAudiences(em, audiences);
    const out = new Map<string, PreparedNotification>();
    for (const { row, item } of live) {
      const people = [...(found.get(`${row.id}/owner`) ?? []), ...(found.get(`${row.id}/heads`) ?? [])];
      if (kind !== 'action_item.escalated' && item.ownerUserId !== null) people.push(...(await this.items.users(em, item.councilId, [item.ownerUserId])));
      const recipients = dedupe(people);
      if (recipients.length === 0) continue;
      out.set(row.id, { recipients, messageKind: 'notice', message: this.message(kind, item) });
    }
    return out;
  }

  private message(kind: ActionItemNoticeKind, item: NoticedActionItemRow): (r: Recipient) => { data: NoticeMessage } {
    const today = DateTime.now().setZone(item.timeZone).startOf('day');
    const due = DateTime.fromISO(item.dueDate, { zone: item.timeZone }).startOf('day');
    const daysToDue = Math.round(due.diff(today, 'days').days);
    const days = kind === 'action_item.due_soon' || kind === 'action_item.acknowledge_requested' ? Math.max(0, daysToDue) : Math.max(0, -daysToDue);
    const url = `${this.config.publicUrl}/councils/${item.councilId}/action-items/${item.id}`;
    return (r) => ({
      data: {
        councilName: item.councilName,
        notice: kind,
        vars: { itemTitle: textIn(item.title, r.language), ownerName: item.ownerName, dueDate: item.dueDate, days },
        rows: [
          { label: 'owner', text: item.ownerName },
          { label: 'due', text: item.dueDate },
        ],
        link: { label: 'link', url },
      },
    });
  }
}

function dedupe(people: Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const p of people) if (!seen.has(p.userId)) seen.set(p.userId, p);
  return [...seen.values()].sort((a, b) => a.email.localeCompare(b.email));
}
