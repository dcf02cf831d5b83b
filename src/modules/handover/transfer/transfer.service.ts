import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { jobId } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { addMonthsUtc } from '../../presidency/rotation.js';
import type { SuccessionAlertReason } from '../succession/entities/presidency-succession-alert.entity.js';
import { alertPeriod, type Succession } from '../succession/succession.js';
import { type SuccessionCouncilRow, SuccessionRepository, type TermRow } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import type { HandoverDto } from './dto/handover.dto.js';
import type { TransferResponse } from './dto/transfer.response.js';
import type { SuccessorBasis, TransferMode } from './entities/presidency-transfer.entity.js';
import { PRESIDENCY_EXTENDED, PRESIDENCY_NO_SUCCESSOR, PRESIDENCY_TRANSFERRED } from './presidency-notices.js';
import { type ClosedHandover, HandoverMeetingRepository } from './handover-meeting.repository.js';
import { TransferRepository } from './transfer.repository.js';

export type TransferOutcome = 'transferred' | 'extended' | 'skipped' | 'not_due' | 'blocked';

const ENQUEUE_TIMEOUT_MS = 2000;
/** Meeting statuses from which a meeting has closed. */
const CLOSED_MEETING = new Set(['closed', 'minutes_circulated', 'minutes_approved']);

interface Extras {
  mode: TransferMode;
  decisionId: string | null;
  meetingId: string | null;
  /** Set by a handover that moved the boundary: where the term was to end. */
  originalEnd?: Date;
  /** Computed before the boundary moved (a designation's lead counts from the planned end). */
  succession?: Succession;
}

interface Succeeded {
  outcome: 'transferred' | 'extended';
  transferId: string;
  toTermId: string;
  toEndsAt: Date;
  itemsMoved: number;
  basis: SuccessorBasis;
}

/** The job id of a term's transfer: per term and end, so a moved boundary gets its own job (the old one then finds the term succeeded). */
export function transferJobId(termId: string, endsAt: Date): string {
  return jobId('presidency-transfer', termId, endsAt.getTime());
}

export function alertReason(reason: string): SuccessionAlertReason {
  return reason === 'no_eligible_member' ? 'no_eligible_member' : 'designation_missing';
}

/**
 * The presidency passes from one term to the next — at the term's end (its delayed job, or the sweeper
 * catching up after an outage, several terms in order), early by the secretariat, by written procedure, or
 * when the handover meeting has closed. Each succession is ONE transaction under the council's lock:
 * if presidency_transfers already has the outgoing term, nothing happens (UNIQUE from_term_id guarantees
 * it even without the lock); otherwise the successor is determined (never picked silently), the next term
 * created if it is not recorded, the presidency's open items carried over to the new holder's delegation,
 * the dossier archived, the transfer recorded with its audit row and notice. With no successor the term is
 * extended by the council's block instead (audited, announced, alerted). A worker killed midway rolls back.
 */
@Injectable()
export class TransferService {
  private readonly logger = new Logger('TransferService');

  constructor(
    private readonly db: DataSource,
    private readonly succession: SuccessionService,
    private readonly terms: SuccessionRepository,
    private readonly repo: TransferRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly handoverMeetings: HandoverMeetingRepository,
  ) {}

  /** The delayed job at a term's end: catches the council up (earlier terms first), then reports on this term. */
  async runScheduled(termId: string): Promise<TransferOutcome> {
    const councilId = await this.terms.councilOfTerm(this.db.manager, termId);
    if (!councilId) return 'skipped';
    const outcomes = await this.catchUp(councilId);
    const state = await this.repo.isDue(this.db.manager, termId);
    if (!state || state.succeeded) return outcomes.some((o) => o === 'transferred' || o === 'extended') ? 'transferred' : 'skipped';
    return state.ended ? 'blocked' : 'not_due';
  }

  /** Succeeds, in order and each once, every ended term of the council not succeeded yet. */
  async catchUp(councilId: string): Promise<TransferOutcome[]> {
    const outcomes: TransferOutcome[] = [];
    for (let guard = 0; guard < 100; guard++) {
      const [next] = await this.repo.dueTerms(this.db.manager, councilId, 1);
      if (!next) break;
      const outcome = await this.transferTerm(next);
      outcomes.push(outcome);
      if (outcome !== 'transferred' && outcome !== 'extended') break;
    }
    return outcomes;
  }

  /** The scheduled succession of one ended term, in one transaction; 'skipped' when it was already succeeded. */
  async transferTerm(termId: string): Promise<TransferOutcome> {
    const councilId = await this.terms.councilOfTerm(this.db.manager, termId);
    if (!councilId) return 'skipped';
    const done = await this.db.transaction(async (em) => {
      const council = await this.terms.lockCouncil(em, councilId);
      if (!council) return 'skipped' as const;
      const term = await this.terms.term(em, councilId, termId);
      if (!term || (await this.terms.isSucceeded(em, termId))) return 'skipped' as const;
      // The term's handover meeting closed before its end (and the transfer then did not run: an outage): it passes at the close.
      const closed = await this.handoverMeetings.closedWithinTerm(em, termId);
      const state = await this.repo.isDue(em, termId);
      if (!closed && !state?.ended) return 'not_due' as const;
      if (await this.repo.earlierDue(em, councilId, term.startsAt)) return 'blocked' as const;
      if (closed) {
        const atClose = await this.atMeetingClose(em, council, term, closed);
        if (atClose !== 'skipped') return atClose;
        if (!state?.ended) return 'not_due' as const;
      }
      return this.succeed(em, council, term, { mode: 'scheduled', decisionId: null, meetingId: null });
    });
    if (typeof done === 'string') return done;
    await this.enqueue(done.toTermId, done.toEndsAt);
    return done.outcome;
  }

  /**
   * The designated handover meeting of the term has closed (the sweeper found it): the presidency passes at the
   * instant it closed, both terms' boundary moving there, in one transaction — once (UNIQUE from_term_id).
   * 'skipped' when already succeeded, or when no successor is known (the term's end will then extend it: no pick).
   */
  async transferAtMeetingClose(termId: string): Promise<TransferOutcome> {
    const councilId = await this.terms.councilOfTerm(this.db.manager, termId);
    if (!councilId) return 'skipped';
    await this.catchUp(councilId);
    const done = await this.db.transaction(async (em) => {
      const council = await this.terms.lockCouncil(em, councilId);
      if (!council) return 'skipped' as const;
      const term = await this.terms.term(em, councilId, termId);
      if (!term || (await this.terms.isSucceeded(em, termId))) return 'skipped' as const;
      const closed = await this.handoverMeetings.closedWithinTerm(em, termId);
      if (!closed) return 'skipped' as const;
      if (await this.repo.earlierDue(em, councilId, term.startsAt)) return 'blocked' as const;
      return this.atMeetingClose(em, council, term, closed);
    });
    if (typeof done === 'string') return done;
    await this.enqueue(done.toTermId, done.toEndsAt);
    return done.outcome;
  }

  /** Inside the caller's transaction (council locked, term not succeeded): moves the boundary to the meeting's close and transfers. */
  private async atMeetingClose(em: EntityManager, council: SuccessionCouncilRow, term: TermRow, closed: ClosedHandover): Promise<Succeeded | 'skipped'> {
    const succession = await this.succession.evaluate(em, council, term);
    if (!succession.found) {
      this.logger.warn({ termId: term.id, meetingId: closed.meetingId, reason: succession.reason }, 'the handover meeting closed but no successor is known; the term runs to its end');
      return 'skipped';
    }
    const next = await this.terms.startingAt(em, council.id, term.endsAt);
    await this.repo.moveBoundaryEarlier(em, term.id, next?.id ?? null, closed.closedAt);
    const moved: TermRow = { ...term, endsAt: closed.closedAt };
    return this.succeed(em, council, moved, { mode: 'meeting', decisionId: null, meetingId: closed.meetingId, originalEnd: term.endsAt, succession });
  }

  /** The secretariat's handover before the term's end: early, by written procedure, or at the close of the handover meeting. */
  async handover(councilId: string, dto: HandoverDto): Promise<TransferResponse> {
    await this.catchUp(councilId);
    const at = dto.at !== undefined ? new Date(dto.at) : new Date();
    const now = new Date();
    if (at.getTime() > now.getTime()) throw new InvalidInputException('at', 'not_future', 'a handover takes effect now or at an instant already past, never in the future');
    const result = await this.db.transaction(async (em) => {
      const council = await this.terms.lockCouncil(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);
      const term = await this.terms.covering(em, councilId, now);
      if (!term) throw new ConflictException('NO_PRESIDENCY', 'no presidency term covers now: there is nothing to hand over', {});
      if (dto.termId !== undefined && dto.termId !== term.id) {
        throw new ConflictException('STALE_TERM', 'the presidency term covering now is not the one given: reload and retry', { currentTermId: term.id }, 'termId');
      }
      if (at.getTime() <= term.startsAt.getTime()) {
        throw new InvalidInputException('at', 'after_term_start', `the handover must fall within the current term, after ${term.startsAt.toISOString()}`);
      }
      const extras = await this.handoverExtras(em, councilId, dto, at);
      const succession = await this.succession.evaluate(em, council, term);
      if (!succession.found) {
        throw new ConflictException(
          'NO_SUCCESSOR',
          `no successor is known (${succession.reason.replace(/_/g, ' ')}): record one (designation, or the next term) before handing over`,
          { reason: succession.reason },
        );
      }
      const next = await this.terms.startingAt(em, councilId, term.endsAt);
      await this.repo.moveBoundaryEarlier(em, term.id, next?.id ?? null, at);
      const moved: TermRow = { ...term, endsAt: at };
      return this.succeed(em, council, moved, { ...extras, originalEnd: term.endsAt, succession });
    });
    await this.enqueue(result.toTermId, result.toEndsAt);
    return {
      transferId: result.transferId,
      outcome: result.outcome,
      toTermId: result.toTermId,
      boundary: at.toISOString(),
      mode: dto.mode,
      successorBasis: result.basis,
      itemsMoved: result.itemsMoved,
    };
  }

  private async handoverExtras(em: EntityManager, councilId: string, dto: HandoverDto, at: Date): Promise<Extras> {
    let decisionId: string | null = null;
    let meetingId: string | null = null;
    if (dto.mode === 'written' && dto.decisionId === undefined) {
      throw new InvalidInputException('decisionId', 'required', 'a handover by written procedure cites the adopted decision');
    }
    if (dto.mode === 'meeting' && dto.meetingId === undefined) throw new InvalidInputException('meetingId', 'required', 'name the handover meeting');
    if (dto.mode !== 'meeting' && dto.meetingId !== undefined) throw new InvalidInputException('meetingId', 'meeting_mode_only', "meetingId goes with mode 'meeting'");
    if (dto.decisionId !== undefined) {
      const d = await this.terms.decision(em, councilId, dto.decisionId);
      if (!d) throw new NotFoundException('decision', dto.decisionId);
      if (d.outcome !== 'adopted') {
        throw new ConflictException('DECISION_NOT_ADOPTED', 'only an adopted decision can ground a handover', { status: d.status, outcome: d.outcome }, 'decisionId');
      }
      decisionId = d.id;
    }
    if (dto.meetingId !== undefined) {
      const m = await this.repo.meetingStatus(em, councilId, dto.meetingId);
      if (!m) throw new NotFoundException('meeting', dto.meetingId);
      if (!CLOSED_MEETING.has(m.status)) {
        throw new ConflictException('MEETING_NOT_CLOSED', `the handover happens when the handover meeting has closed; it is ${m.status.replace(/_/g, ' ')}`, { status: m.status }, 'meetingId');
      }
      if (at.getTime() < m.startsAt.getTime()) throw new InvalidInputException('at', 'after_meeting_start', 'the handover cannot precede the meeting');
      meetingId = dto.meetingId;
    }
    return { mode: dto.mode, decisionId, meetingId };
  }

  /** The succession itself, inside the caller's transaction (council locked, term not succeeded, its end reached). */
  private async succeed(em: EntityManager, council: SuccessionCouncilRow, term: TermRow, extras: Extras): Promise<Succeeded> {
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
    await this.outbox.notify(em, { councilId: council.id, kind: PRESIDENCY_TRANSFERRED, subjectType: 'presidency_term', subjectId: term.id, occurrence: term.id });
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
      await this.outbox.notify(em, { councilId: council.id, kind: PRESIDENCY_NO_SUCCESSOR, subjectType: 'presidency_term', subjectId: toTermId, occurrence: period });
    }
    return { outcome: 'extended', transferId, toTermId, toEndsAt, itemsMoved: 0, basis: 'extension' };
  }

  /** Queues the delayed transfer job of a term's end (idempotent by id); a queue that fails or hangs only delays it to the next sweep. */
  async enqueue(termId: string, endsAt: Date): Promise<void> {
    const add = this.queues.add('presidency.transfer', { termId }, transferJobId(termId, endsAt), endsAt.getTime() - Date.now()).then(() => 'added' as const);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ENQUEUE_TIMEOUT_MS);
    });
    try {
      if ((await Promise.race([add, timeout])) === 'timeout') this.logger.warn({ termId }, 'the queue did not take the transfer job in time; the sweeper will transfer the term');
    } catch (err) {
      this.logger.warn({ err, termId }, 'could not queue the transfer job; the sweeper will transfer the term');
    } finally {
      clearTimeout(timer);
      add.catch(() => undefined);
    }
  }
}
