import { textIn } from '../../../core/text/localized-text.js';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { defineNoticeKind, type LiveNotice } from '../../../core/outbox/define-notice-kind.js';
import type { PreparedNotification, Recipient } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import type { Audience } from '../../notifications/recipients.repository.js';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeMessage, NoticeRow } from '../../notifications/templates/message-kinds.js';
import {
  MINUTES_APPROVED_KIND,
  MINUTES_CIRCULATED_KIND,
  MINUTES_COMMENT_DEADLINE_KIND,
  MINUTES_NOTICE_KINDS,
  type MinutesNoticeKind,
  minutesNoticeStillDue,
} from './minutes-rules.js';
import { MinutesNoticesRepository, type NoticedMinutesRow } from './minutes-notices.repository.js';

/**
 * The notices of minutes, each a notification kind of its own (so each has its own preference), to heads of
 * delegation, rendered as 'notice' messages (phrases: minutes.phrases.ts):
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
    defineNoticeKind(this.registry, {
      kinds: MINUTES_NOTICE_KINDS,
      load: (em, meetingIds) => this.minutes.findMany(em, meetingIds),
      idOf: (m) => m.meetingId,
      prepare: (kind, em, live) => this.prepareMany(kind, em, live),
    });
  }

  private async prepareMany(kind: MinutesNoticeKind, em: EntityManager, loaded: LiveNotice<NoticedMinutesRow>[]): Promise<Map<string, PreparedNotification>> {
    const now = new Date();
    const live = loaded.filter((x) => minutesNoticeStillDue(kind, x.subject, x.row.occurrence, now)).map(({ row, subject }) => ({ row, minutes: subject }));
    const missing =
      kind === MINUTES_COMMENT_DEADLINE_KIND
        ? await this.minutes.delegationsWithoutComment(
            em,
            live.map((l) => l.minutes.minutesId),
          )
        : new Map<string, string[]>();
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
