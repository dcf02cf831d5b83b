import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind, OutboxRow, PreparedNotification } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { HandlesJob, type JobHandler } from '../../../core/queue/job-handler.js';
import { sendJobs, type JobPayloads, type JobResult } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { DeliveriesRepository, type NewDelivery } from '../deliveries.repository.js';
import { InboxRepository } from '../inbox.repository.js';
import { OutboxQueueRepository } from '../outbox-queue.repository.js';
import { PreferencesRepository, type DeliveryMode } from '../preferences.repository.js';
import { type MessageKind, renderMessage } from '../templates/index.js';

interface Made {
  delivery: NewDelivery;
  mode: DeliveryMode;
}

/**
 * The notify step, for a batch of outbox rows in one transaction: reloads the
 * rows (skips those cancelled, rescheduled or already done), asks each row's
 * kind for fresh recipients and data (a kind returns nothing when the subject
 * no longer needs it), and, per recipient, writes the delivery and the inbox
 * notification — rendered in the recipient's language and zone, held for the
 * digest or not sent at all as their preferences say. The ledger's unique key
 * makes each delivery once, however often this runs; the send jobs are queued
 * after the commit (the sweeper queues again any that a crash lost).
 */
@Injectable()
@HandlesJob('notify.dispatch')
export class DispatchJob implements JobHandler<'notify.dispatch'> {
  private readonly logger = new Logger('DispatchJob');

  constructor(
    private readonly db: DataSource,
    private readonly kinds: NotificationKindsRegistry,
    private readonly deliveries: DeliveriesRepository,
    private readonly inbox: InboxRepository,
    private readonly preferences: PreferencesRepository,
    private readonly queues: QueueService,
    private readonly outbox: OutboxQueueRepository,
  ) {}

  async handle({ outboxes }: JobPayloads['notify.dispatch']): Promise<JobResult> {
    const toSend = await this.db.transaction(async (em) => {
      const rows = await this.outbox.lockForDispatch(em, outboxes);
      if (rows.length === 0) return null;
      const made: Made[] = [];
      const byKind = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const same = byKind.get(row.kind);
        if (same) same.push(row);
        else byKind.set(row.kind, [row]);
      }
      for (const [name, ofKind] of byKind) {
        const kind = this.kinds.get(name);
        if (!kind) throw new Error(`no notification kind "${name}" is registered`);
        const prepared = kind.prepareMany ? await kind.prepareMany(em, ofKind) : await this.prepareEach(em, kind, ofKind);
        const modes = await this.preferences.modesFor(em, [...new Set([...prepared.values()].flatMap((p) => p.recipients.map((r) => r.userId)))], name);
        for (const row of ofKind) {
          const p = prepared.get(row.id);
          if (p) made.push(...this.render(row, p, modes));
        }
      }
      const ids = await this.write(em, made);
      await this.outbox.markDone(
        em,
        rows.map((r) => r.id),
      );
      return { ids, rows, made };
    });
    if (toSend === null) return 'skipped';
    this.logDispatched(toSend.rows, toSend.made);
    await this.queues.addBulk('mail.send', sendJobs(toSend.ids));
    return 'done';
  }

  /** One line per outbox row, with the id of the request that caused it: an email is traced back through its outboxId. */
  private logDispatched(rows: OutboxRow[], made: Made[]): void {
    const perRow = new Map<string, number>();
    for (const m of made) if (m.delivery.outboxId) perRow.set(m.delivery.outboxId, (perRow.get(m.delivery.outboxId) ?? 0) + 1);
    for (const row of rows) {
      this.logger.log(
        {
          outboxId: row.id,
          requestId: row.requestId ?? null,
          kind: row.kind,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          deliveries: perRow.get(row.id) ?? 0,
        },
        'notification dispatched',
      );
    }
  }

  private async prepareEach(em: EntityManager, kind: NotificationKind, rows: OutboxRow[]): Promise<Map<string, PreparedNotification>> {
    const out = new Map<string, PreparedNotification>();
    for (const row of rows) {
      const prepared = await kind.prepare(em, row);
      if (prepared) out.set(row.id, prepared);
    }
    return out;
  }

  /** One delivery per recipient, rendered in their language and zone, with the mode their preference for the kind says. */
  private render(row: OutboxRow, prepared: PreparedNotification, modes: Map<string, DeliveryMode>): Made[] {
    return prepared.recipients.map((recipient) => {
      const message = prepared.message(recipient);
      const rendered = renderMessage((prepared.messageKind ?? row.kind) as MessageKind, recipient.language, {
        ...message.data,
        recipientName: recipient.fullName,
        recipientTimeZone: recipient.timeZone,
      } as never);
      const mode = modes.get(recipient.userId) ?? 'immediate';
      const delivery: NewDelivery = {
        outboxId: row.id,
        councilId: row.councilId,
        userId: recipient.userId,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        kind: row.kind,
        occurrence: row.occurrence,
        recipient: recipient.email,
        language: recipient.language,
        mode: mode === 'digest' ? 'digest' : 'immediate',
        status: mode === 'off' ? 'skipped' : mode === 'digest' ? 'held' : 'pending',
        subjectLine: rendered.subject,
        bodyText: rendered.text,
        bodyHtml: rendered.html,
        attachments: message.attachments ?? [],
      };
      return { delivery, mode };
    });
  }

  /**
   * Writes the deliveries and their inbox rows in two statements; returns the ids of the new deliveries to send
   * now (not those held for the digest, switched off, or made by an earlier run).
   */
  private async write(em: EntityManager, made: Made[]): Promise<string[]> {
    const key = (d: { outboxId: string | null; recipient: string }) => `${d.outboxId}|${d.recipient}`;
    const byKey = new Map(made.map((m) => [key(m.delivery), m]));
    const inserted = await this.deliveries.insertManyOnce(
      em,
      made.map((m) => m.delivery),
    );
    await this.inbox.addMany(
      em,
      inserted.map((d) => {
        const { delivery } = byKey.get(key(d))!;
        return {
          userId: delivery.userId,
          councilId: delivery.councilId,
          deliveryId: d.id,
          kind: delivery.kind,
          subjectType: delivery.subjectType,
          subjectId: delivery.subjectId,
          title: delivery.subjectLine,
          body: delivery.bodyText,
        };
      }),
    );
    return inserted.filter((d) => byKey.get(key(d))!.mode === 'immediate').map((d) => d.id);
  }
}
