import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind, OutboxRow, PreparedNotification, Recipient } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeData, NoticeRow } from '../../notifications/templates/message-kinds.js';
import { HANDOVER_NOTICES } from '../../notifications/templates/notices/handover.notices.js';
import { HANDOVER_KINDS, type HandoverKind, reminderStillDue, stageOfKind } from './handover-timeline.js';
import { type HandoverTermRow, HandoverTermsRepository } from './handover-terms.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type NoticeMessage = Omit<NoticeData, 'recipientName' | 'recipientTimeZone'>;

/**
 * The handover reminders (handover.first_reminder, .priorities_due, .dossier_due, .final_reminder), each a kind
 * of its own. When one fires it reloads the term: nothing is sent if the term is gone, has ended, or its end
 * moved since the reminder was planned. Recipients: the heads of the holder's delegation (outgoing chair), the
 * heads of the successor's delegation (incoming chair, when a successor term is entered; otherwise the message
 * says so), and the secretariat.
 */
@Injectable()
export class HandoverNoticeKinds implements OnModuleInit {
  constructor(
    private readonly registry: NotificationKindsRegistry,
    private readonly terms: HandoverTermsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    for (const kind of HANDOVER_KINDS) {
      const notice: NotificationKind = {
        kind,
        prepare: async (em, row) => (await this.prepareMany(kind, em, [row])).get(row.id) ?? null,
        prepareMany: (em, rows) => this.prepareMany(kind, em, rows),
      };
      this.registry.register(notice);
    }
  }

  private async prepareMany(kind: HandoverKind, em: EntityManager, rows: OutboxRow[]): Promise<Map<string, PreparedNotification>> {
    const stage = stageOfKind(kind)!;
    const now = new Date();
    const terms = new Map((await this.terms.findMany(em, [...new Set(rows.map((r) => r.subjectId).filter((id) => UUID.test(id)))])).map((t) => [t.id, t]));
    const live = rows
      .map((row) => ({ row, term: terms.get(row.subjectId) }))
      .filter((x): x is { row: OutboxRow; term: HandoverTermRow } => !!x.term && x.term.councilId === x.row.councilId && reminderStillDue(x.row.occurrence, stage, x.term.endsAt, now));
    const audiences = live.map(({ row, term }) => ({
      key: row.id,
      councilId: term.councilId,
      audience: {
        roles: ['head' as const, 'secretariat' as const],
        delegationIds: [term.holder.delegationId, term.successor?.delegationId ?? null].filter((d): d is string => d !== null),
      },
    }));
    const people = await this.recipients.forAudiences(em, audiences);
    const out = new Map<string, PreparedNotification>();
    for (const { row, term } of live) {
      const recipients = people.get(row.id);
      if (!recipients || recipients.length === 0) continue;
      out.set(row.id, { recipients, messageKind: 'notice', message: (r) => ({ data: message(kind, term, r) }) });
    }
    return out;
  }
}

function message(kind: HandoverKind, term: HandoverTermRow, r: Recipient): NoticeMessage {
  const phrases = HANDOVER_NOTICES[kind][r.language];
  const rows: NoticeRow[] = [
    { label: 'termEnds', at: term.endsAt, zone: term.councilTimeZone },
    { label: 'outgoing', text: term.holder.name },
    term.successor ? { label: 'incoming', text: term.successor.name } : { label: 'successorUnknown', text: phrases.noSuccessor },
    { label: 'next', text: phrases.nextStepText },
  ];
  return {
    councilName: term.councilName,
    notice: kind,
    vars: { outgoingName: term.holder.name, incomingName: term.successor?.name ?? phrases.noSuccessorName },
    rows,
  };
}
