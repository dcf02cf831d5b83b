import { textIn } from '../../../core/text/localized-text.js';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import type { NotificationKind, OutboxRow, PreparedNotification, Recipient } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import type { Audience } from '../../notifications/recipients.repository.js';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeData, NoticeRow } from '../../notifications/templates/message-kinds.js';
import {
  MINUTES_APPROVED_KIND,
  MINUTES_CIRCULATED_KIND,
  MINUTES_COMMENT_DEADLINE_KIND,
  MINUTES_NOTICE_KINDS,
  type MinutesNoticeKind,
  minutesNoticeStillDue,
} from './minutes-rules.js';
import { MinutesNoticesRepository, type NoticedMinutesRow } from './minutes-notices.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type NoticeMessage = Omit<NoticeData, 'recipientName' | 'recipientTimeZone'>;

/**
 * The notices of minutes, each a notification kind of its own (so each has its own preference), to heads of
 * delegation, rendered as 'notice' messages (catalog: notifications/templates/notices/minutes.notices.ts):
 * - minutes.circulated: every delegation's head, with the deadline and the items;
 * - minutes.comment_deadline: 2 days before the deadline, the heads of the delegations that have not commented;
 * - minutes.approved: every delegation's head, with a link to the public minutes.
 * Outbox rows: subject ('meeting_minutes', meeting id). The minutes are read again when a row fires.
 */
@Injectable()
export class MinutesNoticeKinds implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: NotificationKindsRegistry,
    private readonly minutes: MinutesNoticesRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    for (const kind of MINUTES_NOTICE_KINDS) {
      const notice: NotificationKind = {
        kind,
        prepare: async (em, row) => (await this.prepareMany(kind, em, [row])).get(row.id) ?? null,
        prepareMany: (em, rows) => this.prepareMany(kind, em, rows),
      };
      this.registry.register(notice);
    }
  }

  private async prepareMany(kind: MinutesNoticeKind, em: EntityManager, rows: OutboxRow[]): Promise<Map<string, PreparedNotification>> {
    const now = new Date();
    const ids = [...new Set(rows.map((r) => r.subjectId).filter((id) => UUID.test(id)))];
    const found = new Map((await this.minutes.findMany(em, ids)).map((m) => [m.meetingId, m]));
    const live = rows
      .map((row) => ({ row, minutes: found.get(row.subjectId) }))
      .filter((x): x is { row: OutboxRow; minutes: NoticedMinutesRow } => {
        return x.minutes !== undefined && x.minutes.councilId === x.row.councilId && minutesNoticeStillDue(kind, x.minutes, x.row.occurrence, now);
      });
    const missing =
      kind === MINUTES_COMMENT_DEADLINE_KIND ? await this.minutes.delegationsWithoutComment(em, live.map((l) => l.minutes.minutesId)) : new Map<string, string[]>();
    const audiences: { key: string; councilId: string; audience: Audience }[] = [];
    for (const { row, minutes } of live) {
      if (kind !== MINUTES_COMMENT_DEADLINE_KIND) {
        audiences.push({ key: row.id, councilId: minutes.councilId, audience: { roles: ['head'], delegationIds: [] } });
        continue;
      }
      // Only the delegations that have not commented; when every one has, there is nobody to remind.
      const delegationIds = missing.get(minutes.minutesId) ?? [];
      if (delegationIds.length > 0) audiences.push({ key: row.id, councilId: minutes.councilId, audience: { roles: ['head'], delegationIds } });
    }
    const heads = await this.recipients.forAudiences(em, audiences);
    const out = new Map<string, PreparedNotification>();
    for (const { row, minutes } of live) {
      const recipients = heads.get(row.id);
      if (!recipients) continue;
      out.set(row.id, { recipients, messageKind: 'notice', message: this.message(kind, minutes) });
    }
    return out;
  }

  private message(kind: MinutesNoticeKind, m: NoticedMinutesRow): (r: Recipient) => { data: NoticeMessage } {
    const base = { councilName: m.councilName, notice: kind, vars: { meetingTitle: m.meetingTitle } as Record<string, string | number> };
    const publicUrl = this.config.publicUrl.replace(/\/+$/, '');
    const draftLink = { label: 'link', url: `${publicUrl}/councils/${m.councilId}/meetings/${m.meetingId}/minutes` };
    const meetingDate: NoticeRow = { label: 'meetingDate', at: m.meetingStartsAt, zone: m.meetingTimeZone };
    switch (kind) {
      case MINUTES_CIRCULATED_KIND:
        return (r) => ({
          data: {
            ...base,
            vars: { ...base.vars, itemCount: m.itemTitles.length },
            body: m.itemTitles.map((t, n) => `${n + 1}. ${textIn(t, r.language)}`).join('\n'),
            rows: [{ label: 'deadline', at: m.commentDeadline }, meetingDate],
            link: draftLink,
          },
        });
      case MINUTES_COMMENT_DEADLINE_KIND:
        return () => ({ data: { ...base, rows: [{ label: 'deadline', at: m.commentDeadline }], link: draftLink } });
      case MINUTES_APPROVED_KIND:
        return () => ({
          data: {
            ...base,
            rows: [{ label: 'approvedAt', at: m.approvedAt }, meetingDate],
            link: { label: 'link', url: `${publicUrl}/councils/${m.councilId}/minutes/${m.meetingId}` },
          },
        });
    }
  }
}
