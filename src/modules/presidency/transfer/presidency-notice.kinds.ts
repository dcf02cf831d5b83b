import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defineNoticeKind, eachLive } from '../../../core/outbox/define-notice-kind.js';
import type { PreparedNotification } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { type Audience, RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeMessage as NoticeBody } from '../../notifications/templates/message-kinds.js';
import { designationDeadline } from '../succession/succession.js';
import { type SuccessionCouncilRow, SuccessionRepository, type TermRow } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import { PRESIDENCY_EXTENDED, PRESIDENCY_NO_SUCCESSOR, PRESIDENCY_TRANSFERRED, type PresidencyKind } from './presidency-notices.js';
import { TransferRepository, type TransferNoticeRow } from './transfer.repository.js';

/**
 * The presidency's notices (message 'notice', phrases in presidency.phrases.ts), each reading the
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
    defineNoticeKind(this.registry, {
      kinds: [PRESIDENCY_NO_SUCCESSOR] as const,
      // The term, in the row's council, with its council's settings.
      load: async (em, _ids, rows) => {
        const found: { id: string; councilId: string; council: SuccessionCouncilRow; term: TermRow }[] = [];
        for (const row of rows) {
          const council = await this.terms.council(em, row.councilId);
          const term = council && (await this.terms.term(em, row.councilId, row.subjectId));
          if (council && term && !found.some((f) => f.id === term.id)) found.push({ id: term.id, councilId: term.councilId, council, term });
        }
        return found;
      },
      prepare: (kind, em, live) => eachLive(live, ({ subject }) => this.noSuccessor(kind, em, subject.council, subject.term)),
    });
    defineNoticeKind(this.registry, {
      kinds: [PRESIDENCY_TRANSFERRED, PRESIDENCY_EXTENDED] as const,
      // The transfer that followed the term (the row's subject).
      load: async (em, termIds) => {
        const found: (TransferNoticeRow & { fromTermId: string })[] = [];
        for (const fromTermId of termIds) {
          const t = await this.transfers.forNotice(em, fromTermId);
          if (t) found.push({ ...t, fromTermId });
        }
        return found;
      },
      idOf: (t) => t.fromTermId,
      prepare: (kind, em, live) => eachLive(live, ({ subject }) => this.transferred(kind, em, subject)),
    });
  }

  /** Nothing once the term is succeeded or a successor is found. */
  private async noSuccessor(kind: PresidencyKind, em: EntityManager, council: SuccessionCouncilRow, term: TermRow): Promise<PreparedNotification | null> {
    if (await this.terms.isSucceeded(em, term.id)) return null;
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
    return this.to(em, council.id, await this.memberStates(em, council.id), body);
  }

  /** Transferred or extended, as the transfer says (a row of the other kind says nothing). */
  private async transferred(kind: PresidencyKind, em: EntityManager, t: TransferNoticeRow): Promise<PreparedNotification | null> {
    const councilId = t.councilId;
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
