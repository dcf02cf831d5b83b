import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind, OutboxRow, PreparedNotification } from '../../../core/outbox/notification-kind.js';
import { AuditService } from '../../audit/audit.service.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { RecipientsRepository } from '../recipients.repository.js';
import { CouncilRemindersRepository } from './council-reminders.repository.js';

export const COUNCIL_REMINDER_KIND = 'council.reminder';

/** A reminder the secretariat scheduled: sent to its audience as they are when it fires, unless it was cancelled. */
@Injectable()
export class CouncilReminderKind implements NotificationKind, OnModuleInit {
  readonly kind = COUNCIL_REMINDER_KIND;

  constructor(
    private readonly registry: NotificationKindsRegistry,
    private readonly reminders: CouncilRemindersRepository,
    private readonly recipients: RecipientsRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async prepare(em: EntityManager, row: OutboxRow): Promise<PreparedNotification | null> {
    return (await this.prepareMany(em, [row])).get(row.id) ?? null;
  }

  /** Reminders due together (often many at one moment) in four queries: load and lock, recipients, mark sent, audit. */
  async prepareMany(em: EntityManager, rows: OutboxRow[]): Promise<Map<string, PreparedNotification>> {
    const reminders = new Map((await this.reminders.findMany(em, rows.map((r) => r.subjectId), true)).map((r) => [r.id, r]));
    const live = rows.filter((row) => reminders.get(row.subjectId)?.status === 'scheduled' && reminders.get(row.subjectId)?.councilId === row.councilId);
    const audiences = await this.recipients.forAudiences(
      em,
      live.map((row) => ({ key: row.id, councilId: row.councilId!, audience: reminders.get(row.subjectId)!.audience })),
    );
    const sent = new Set(await this.reminders.markSent(em, live.map((row) => row.subjectId)));
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
