import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defineNoticeKind, type LiveNotice } from '../../../core/outbox/define-notice-kind.js';
import type { PreparedNotification } from '../../../core/outbox/notification-kind.js';
import { AuditService } from '../../audit/audit.service.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { RecipientsRepository } from '../recipients.repository.js';
import { type CouncilReminderRow, CouncilRemindersRepository } from './council-reminders.repository.js';

export const COUNCIL_REMINDER_KIND = 'council.reminder' as const;

/** A reminder the secretariat scheduled: sent to its audience as they are when it fires, unless it was cancelled. */
@Injectable()
export class CouncilReminderKind implements OnModuleInit {
  constructor(
    private readonly registry: NotificationKindsRegistry,
    private readonly reminders: CouncilRemindersRepository,
    private readonly recipients: RecipientsRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    defineNoticeKind(this.registry, {
      kinds: [COUNCIL_REMINDER_KIND],
      load: (em, ids) => this.reminders.findMany(em, ids, true),
      prepare: (_kind, em, live) => this.prepareMany(em, live),
    });
  }

  /** Reminders due together (often many at one moment) in four queries: load and lock, recipients, mark sent, audit. */
  private async prepareMany(em: EntityManager, loaded: LiveNotice<CouncilReminderRow>[]): Promise<Map<string, PreparedNotification>> {
    const reminders = new Map(loaded.map((x) => [x.subject.id, x.subject]));
    const live = loaded.filter((x) => x.subject.status === 'scheduled').map((x) => x.row);
    const audiences = await this.recipients.forAudiences(
      em,
      live.map((row) => ({ key: row.id, councilId: row.councilId, audience: reminders.get(row.subjectId)!.audience })),
    );
    const sent = new Set(
      await this.reminders.markSent(
        em,
        live.map((row) => row.subjectId),
      ),
    );
    await this.audit.recordMany(
      em,
      [...sent].map((id) => ({
        councilId: reminders.get(id)!.councilId,
        action: 'council_reminder.sent',
        entityType: 'council_reminder',
        entityId: id,
        before: { status: 'scheduled' },
        after: { status: 'sent' },
      })),
    );
    const out = new Map<string, PreparedNotification>();
    for (const row of live) {
      const reminder = reminders.get(row.subjectId)!;
      if (!sent.has(reminder.id)) continue;
      const data = { councilName: reminder.councilName, title: reminder.title, message: reminder.message, sendAt: reminder.sendAt };
      out.set(row.id, { recipients: audiences.get(row.id) ?? [], message: () => ({ data }) });
    }
    return out;
  }
}
