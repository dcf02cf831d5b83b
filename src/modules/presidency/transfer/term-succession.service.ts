import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { addMonthsUtc } from '../rotation.js';
import type { SuccessionAlertReason } from '../succession/entities/presidency-succession-alert.entity.js';
import { alertPeriod, type Succession } from '../succession/succession.js';
import { type SuccessionCouncilRow, SuccessionRepository, type TermRow } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import type { SuccessorBasis, TransferMode } from './entities/presidency-transfer.entity.js';
import { PRESIDENCY_EXTENDED, PRESIDENCY_NO_SUCCESSOR, PRESIDENCY_TRANSFERRED } from './presidency-notices.js';
import { TransferRepository } from './transfer.repository.js';

/** How a succession came about, beyond the term: its mode and grounds. */
export interface SuccessionExtras {
  mode: TransferMode;
  decisionId: string | null;
  meetingId: string | null;
  /** Set by a handover that moved the boundary: where the term was to end. */
  originalEnd?: Date;
  /** Computed before the boundary moved (a designation's lead counts from the planned end). */
  succession?: Succession;
}

/** A succession made: the transfer, the incoming term, and what moved with it. */
export interface Succeeded {
  outcome: 'transferred' | 'extended';
  transferId: string;
  toTermId: string;
  toEndsAt: Date;
  itemsMoved: number;
  basis: SuccessorBasis;
}

export function alertReason(reason: string): SuccessionAlertReason {
  return reason === 'no_eligible_member' ? 'no_eligible_member' : 'designation_missing';
}

/**
 * One succession, inside the caller's transaction (the council locked, the term not succeeded, its end reached or
 * moved to the handover): the successor's term found or created, waivers marked, the presidency's open items carried
 * over to the incoming holder's delegation, the dossier archived, the transfer recorded with its audit row and notice;
 * with no successor the same holder continues for the council's extension block (audited, announced, alerted).
 */
@Injectable()
export class TermSuccessionService {
  constructor(
    private readonly succession: SuccessionService,
    private readonly terms: SuccessionRepository,
    private readonly repo: TransferRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The succession itself, inside the caller's transaction (council locked, term not succeeded, its end reached). */
  async succeed(em: EntityManager, council: SuccessionCouncilRow, term: TermRow, extras: SuccessionExtras): Promise<Succeeded> {
    const s = extras.succession ?? (await this.succession.evaluate(em, council, term));
    if (!s.found) return this.extend(em, council, term, s.reason);

    let toTermId: string;
    let toEndsAt: Date;
    const next = await this.terms.startingAt(em, council.id, term.endsAt);
    if (next) {
      toTermId = next.id;
      toEndsAt = next.endsAt;
    } else {
      toEndsAt = addMonthsUtc(term.endsAt, council.termMonths);
      toTermId = await this.repo.insertTerm(em, {
        councilId: council.id,
        participantId: s.participantId,
        startsAt: term.endsAt,
        endsAt: toEndsAt,
        source: s.basis === 'designated' ? 'designated' : 'rotation',
        note: null,
      });
    }
    await this.terms.markWaiversApplied(em, council.id, s.waiversUsed, term.id);

    const toDelegation = await this.repo.delegationOf(em, council.id, s.participantId);
    const tag = `presidency-handover:${term.id}`;
    const itemsMoved =
      toDelegation && s.participantId !== term.participantId
        ? await this.repo.carryOverItems(em, council.id, toDelegation, tag, `Carried over at the presidency handover of ${term.endsAt.toISOString()}`)
        : 0;
    const dossierArchived = await this.repo.archiveDossier(em, term.id);
    const transferId = await this.repo.insertTransfer(em, {
      councilId: council.id,
      fromTermId: term.id,
      toTermId,
      mode: extras.mode,
      basis: s.basis,
      boundary: term.endsAt,
      decisionId: extras.decisionId,
      meetingId: extras.meetingId,
      itemsMoved,
      dossierArchived,
    });
    await this.audit.record(em, {
      councilId: council.id,
      action: 'presidency.transferred',
      entityType: 'presidency_term',
      entityId: term.id,
      before: { termId: term.id, holder: term.participantId, endsAt: (extras.originalEnd ?? term.endsAt).toISOString() },
      after: {
        transferId,
        mode: extras.mode,
        boundary: term.endsAt.toISOString(),
        toTermId,
        toHolder: s.participantId,
        successorBasis: s.basis,
        skipped: s.skipped,
        itemsMoved,
        itemsLeftWithoutDelegation: toDelegation ? undefined : true,
        dossierArchived,
        decisionId: extras.decisionId,
        meetingId: extras.meetingId,
      },
    });
    await this.outbox.notify(em, {
      councilId: council.id,
      kind: PRESIDENCY_TRANSFERRED,
      subjectType: 'presidency_term',
      subjectId: term.id,
      occurrence: term.id,
    });
    return { outcome: 'transferred', transferId, toTermId, toEndsAt, itemsMoved, basis: s.basis };
  }

  /** No successor at the term's end: the same holder continues for one block (a term of source 'extension'), announced, and the alert goes out. */
  private async extend(em: EntityManager, council: SuccessionCouncilRow, term: TermRow, reason: string): Promise<Succeeded> {
    const toEndsAt = addMonthsUtc(term.endsAt, council.extensionMonths);
    const toTermId = await this.repo.insertTerm(em, {
      councilId: council.id,
      participantId: term.participantId,
      startsAt: term.endsAt,
      endsAt: toEndsAt,
      source: 'extension',
      note: `extended: no successor (${reason.replace(/_/g, ' ')})`,
    });
    const transferId = await this.repo.insertTransfer(em, {
      councilId: council.id,
      fromTermId: term.id,
      toTermId,
      mode: 'extension',
      basis: 'extension',
      boundary: term.endsAt,
      decisionId: null,
      meetingId: null,
      itemsMoved: 0,
      dossierArchived: false,
    });
    await this.audit.record(em, {
      councilId: council.id,
      action: 'presidency.extended',
      entityType: 'presidency_term',
      entityId: term.id,
      before: { termId: term.id, holder: term.participantId, endsAt: term.endsAt.toISOString() },
      after: { transferId, extensionTermId: toTermId, holder: term.participantId, endsAt: toEndsAt.toISOString(), months: council.extensionMonths, reason },
    });
    await this.outbox.notify(em, { councilId: council.id, kind: PRESIDENCY_EXTENDED, subjectType: 'presidency_term', subjectId: term.id, occurrence: term.id });
    // The alert of the month goes out with it (the succession check then finds it sent).
    const period = alertPeriod(new Date());
    if (await this.terms.recordAlert(em, council.id, toTermId, period, alertReason(reason))) {
      await this.outbox.notify(em, {
        councilId: council.id,
        kind: PRESIDENCY_NO_SUCCESSOR,
        subjectType: 'presidency_term',
        subjectId: toTermId,
        occurrence: period,
      });
    }
    return { outcome: 'extended', transferId, toTermId, toEndsAt, itemsMoved: 0, basis: 'extension' };
  }
}
