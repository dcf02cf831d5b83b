import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defineNoticeKind, type LiveNotice } from '../../../core/outbox/define-notice-kind.js';
import type { PreparedNotification, Recipient } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeMessage, NoticeRow } from '../../notifications/templates/message-kinds.js';
import { HANDOVER_NOTICES } from './handover.phrases.js';
import { HANDOVER_KINDS, type HandoverKind, reminderStillDue, stageOfKind } from './handover-timeline.js';
import { type HandoverTermRow, HandoverTermsRepository } from './handover-terms.repository.js';

/**
 * The handover reminders (handover.first_reminder, .priorities_due, .dossier_due, .final_reminder), each a kind
 * of its own. When one fires it reloads the term: nothing is sent if the term is gone, has ended, or its end
 * moved since the reminder was planned. Recipients: the heads of the holder's delegation (outgoing chair), the
 * heads of the successor's delegation (incoming chair, when a successor term is entered; otherwise the message
 * says so), and the secretariat. Phrases: handover.phrases.ts.
 */
@Injectable()
export class HandoverNoticeKinds implements OnModuleInit {
  constructor(
    private readonly registry: NotificationKindsRegistry,
    private readonly terms: HandoverTermsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    defineNoticeKind(this.registry, {
      kinds: HANDOVER_KINDS,
      load: (em, ids) => this.terms.findMany(em, ids),
      prepare: (kind, em, live) => this.prepareMany(kind, em, live),
    });
  }

  private async prepareMany(kind: HandoverKind, em: EntityManager, loaded: LiveNotice<HandoverTermRow>[]): Promise<Map<string, PreparedNotification>> {
    const stage = stageOfKind(kind)!;
    const now = new Date();
    const live = loaded.filter((x) => reminderStillDue(x.row.occurrence, stage, x.subject.endsAt, now)).map(({ row, subject }) => ({ row, term: subject }));
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
