import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind, OutboxRow, PreparedNotification } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { type Audience, RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeData } from '../../notifications/templates/message-kinds.js';
import { designationDeadline } from '../succession/succession.js';
import { SuccessionRepository } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import { PRESIDENCY_EXTENDED, PRESIDENCY_NO_SUCCESSOR, PRESIDENCY_TRANSFERRED, type PresidencyKind } from './presidency-notices.js';
import { TransferRepository } from './transfer.repository.js';

type NoticeBody = Omit<NoticeData, 'recipientName' | 'recipientTimeZone'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The presidency's notices (message 'notice', phrases in notices/presidency.notices.ts), each reading the
 * database again when dispatched:
 * - presidency.transferred → every head of delegation and the secretariat (subject: the outgoing term);
 * - presidency.extended → the member states' heads and the secretariat (subject: the extended term);
 * - presidency.no_successor → the member states' heads and the secretariat (subject: the term with no
 *   successor; occurrence: the month) — nothing once a successor is known.
 */
@Injectable()
export class PresidencyNoticeKinds implements OnModuleInit {
  constructor(
    private readonly registry: NotificationKindsRegistry,
    private readonly transfers: TransferRepository,
    private readonly terms: SuccessionRepository,
    private readonly succession: SuccessionService,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    for (const kind of [PRESIDENCY_TRANSFERRED, PRESIDENCY_EXTENDED, PRESIDENCY_NO_SUCCESSOR] as const) {
      const notificationKind: NotificationKind = { kind, prepare: (em, row) => this.prepare(kind, em, row) };
      this.registry.register(notificationKind);
    }
  }

  async prepare(kind: PresidencyKind, em: EntityManager, row: OutboxRow): Promise<PreparedNotification | null> {
    if (!UUID.test(row.subjectId) || !row.councilId) return null;
    const councilId = row.councilId;
    if (kind === PRESIDENCY_NO_SUCCESSOR) {
      const council = await this.terms.council(em, councilId);
      const term = council && (await this.terms.term(em, councilId, row.subjectId));
      if (!council || !term || (await this.terms.isSucceeded(em, term.id))) return null;
      if ((await this.succession.evaluate(em, council, term)).found) return null;
      const body: NoticeBody = {
        councilName: council.name,
        notice: kind,
        vars: { holder: term.holderName },
        rows: [
          { label: 'termEnds', at: term.endsAt, zone: council.timeZone },
          { label: 'deadline', at: term.source === 'extension' ? term.startsAt : designationDeadline(term.endsAt, council.leadMonths), zone: council.timeZone },
        ],
      };
      return this.to(em, councilId, await this.memberStates(em, councilId), body);
    }
    const t = await this.transfers.forNotice(em, row.subjectId);
    if (!t || t.councilId !== councilId) return null;
    if ((kind === PRESIDENCY_EXTENDED) !== (t.mode === 'extension')) return null;
    if (kind === PRESIDENCY_EXTENDED) {
      const body: NoticeBody = {
        councilName: t.councilName,
        notice: kind,
        vars: { holder: t.fromHolder },
        rows: [
          { label: 'from', at: t.boundary, zone: t.councilTimeZone },
          { label: 'until', at: t.toEndsAt, zone: t.councilTimeZone },
        ],
      };
      return this.to(em, councilId, await this.memberStates(em, councilId), body);
    }
    const body: NoticeBody = {
      councilName: t.councilName,
      notice: kind,
      vars: { fromHolder: t.fromHolder, toHolder: t.toHolder },
      rows: [
        { label: 'boundary', at: t.boundary, zone: t.councilTimeZone },
        { label: 'until', at: t.toEndsAt, zone: t.councilTimeZone },
        { label: 'itemsMoved', text: String(t.itemsMoved) },
      ],
    };
    return this.to(em, councilId, { roles: ['head', 'secretariat'], delegationIds: [] }, body);
  }

  /** The member states' heads of delegation and the secretariat (the secretariat alone if no member state has a delegation). */
  private async memberStates(em: EntityManager, councilId: string): Promise<Audience> {
    const delegationIds = await this.transfers.memberStateDelegations(em, councilId);
    return delegationIds.length ? { roles: ['head', 'secretariat'], delegationIds } : { roles: ['secretariat'], delegationIds: [] };
  }

  private async to(em: EntityManager, councilId: string, audience: Audience, body: NoticeBody): Promise<PreparedNotification> {
    const recipients = (await this.recipients.forAudiences(em, [{ key: 'k', councilId, audience }])).get('k') ?? [];
    return { recipients, messageKind: 'notice', message: () => ({ data: { ...body } }) };
  }
}
