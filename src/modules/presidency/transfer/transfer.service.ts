import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { ConflictException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { enqueueOrLeaveToSweeper } from '../../../core/queue/enqueue-or-sweep.js';
import { jobId } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { type SuccessionCouncilRow, SuccessionRepository, type TermRow } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import type { HandoverDto } from './dto/handover.dto.js';
import type { TransferResponse } from './dto/transfer.response.js';
import { checkHandoverClock, handoverGrounds, replay } from './handover-grounds.js';
import { type ClosedHandover, HandoverMeetingRepository } from './handover-meeting.repository.js';
import { type Succeeded, TermSuccessionService } from './term-succession.service.js';
import { TransferRepository } from './transfer.repository.js';

export type TransferOutcome = 'transferred' | 'extended' | 'skipped' | 'not_due' | 'blocked';

/** The handover's answer: the transfer, and whether it was made by an earlier identical request (a retry: nothing changed). */
export interface HandoverResult {
  transfer: TransferResponse;
  replayed: boolean;
}

/** The job id of a term's transfer: per term and end, so a moved boundary gets its own job (the old one then finds the term succeeded). */
export function transferJobId(termId: string, endsAt: Date): string {
  return jobId('presidency-transfer', termId, endsAt.getTime());
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
 * The succession itself is TermSuccessionService; what grounds a handover is checked in handover-grounds.ts.
 */
@Injectable()
export class TransferService {
  private readonly logger = new Logger('TransferService');

  constructor(
    private readonly db: DataSource,
    private readonly succession: SuccessionService,
    private readonly terms: SuccessionRepository,
    private readonly repo: TransferRepository,
    private readonly termSuccession: TermSuccessionService,
    private readonly queues: QueueService,
    private readonly handoverMeetings: HandoverMeetingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      return this.termSuccession.succeed(em, council, term, { mode: 'scheduled', decisionId: null, meetingId: null });
    });
    if (typeof done === 'string') return done;
    await this.enqueue(done.toTermId, done.toEndsAt);
    return done.outcome;
  }

  /**
   * The designated handover meeting of the term has closed and its close did not transfer (the sweeper found it):
   * the presidency passes at the instant it closed, both terms' boundary moving there, in one transaction — once
   * (UNIQUE from_term_id). 'skipped' when already succeeded, or when no successor is known (the term's end will
   * then extend it: no pick).
   */
  async transferAtMeetingClose(termId: string): Promise<TransferOutcome> {
    const councilId = await this.terms.councilOfTerm(this.db.manager, termId);
    if (!councilId) return 'skipped';
    await this.catchUp(councilId);
    const done = await this.db.transaction((em) => this.atCloseIn(em, councilId, termId));
    if (typeof done === 'string') return done;
    await this.enqueue(done.toTermId, done.toEndsAt);
    return done.outcome;
  }

  /**
   * A meeting has just closed, inside its closing transaction (the meetings module tells its close listeners,
   * HandoverMeetingCloseListener): if it is the designated handover meeting of a term not succeeded, the presidency
   * passes at the close in this same transaction — visible the moment the close commits, chair rights with it.
   * Anything it cannot do here (an earlier term still awaiting its succession, no successor) is left to the sweeper.
   * The next term's job is queued by the sweeper as its end comes near (nothing is queued before the close commits).
   */
  async meetingClosed(em: EntityManager, councilId: string, meetingId: string): Promise<TransferOutcome> {
    const termId = await this.handoverMeetings.termOfMeeting(em, councilId, meetingId);
    if (!termId) return 'skipped';
    const done = await this.atCloseIn(em, councilId, termId);
    if (typeof done === 'string') {
      if (done === 'blocked')
        this.logger.warn(
          { termId, meetingId },
          'the handover meeting closed while an earlier term awaits its succession; the sweeper will transfer both in order',
        );
      return done;
    }
    return done.outcome;
  }

  /** In the caller's transaction: locks the council and transfers the term at its handover meeting's close, if it closed within the term. */
  private async atCloseIn(em: EntityManager, councilId: string, termId: string): Promise<Succeeded | 'skipped' | 'blocked'> {
    const council = await this.terms.lockCouncil(em, councilId);
    if (!council) return 'skipped';
    const term = await this.terms.term(em, councilId, termId);
    if (!term || (await this.terms.isSucceeded(em, termId))) return 'skipped';
    const closed = await this.handoverMeetings.closedWithinTerm(em, termId);
    if (!closed) return 'skipped';
    if (await this.repo.earlierDue(em, councilId, term.startsAt)) return 'blocked';
    return this.atMeetingClose(em, council, term, closed);
  }

  /** Inside the caller's transaction (council locked, term not succeeded): moves the boundary to the meeting's close and transfers. */
  private async atMeetingClose(em: EntityManager, council: SuccessionCouncilRow, term: TermRow, closed: ClosedHandover): Promise<Succeeded | 'skipped'> {
    const succession = await this.succession.evaluate(em, council, term);
    if (!succession.found) {
      this.logger.warn(
        { termId: term.id, meetingId: closed.meetingId, reason: succession.reason },
        'the handover meeting closed but no successor is known; the term runs to its end',
      );
      return 'skipped';
    }
    const next = await this.terms.startingAt(em, council.id, term.endsAt);
    await this.repo.moveBoundaryEarlier(em, term.id, next?.id ?? null, closed.closedAt);
    const moved: TermRow = { ...term, endsAt: closed.closedAt };
    return this.termSuccession.succeed(em, council, moved, {
      mode: 'meeting',
      decisionId: null,
      meetingId: closed.meetingId,
      originalEnd: term.endsAt,
      succession,
    });
  }

  /**
   * The secretariat's handover before the term's end: early, by written procedure, or at the close of the handover
   * meeting. A decision (or a meeting) hands the presidency over once: the same request again (a double click, a
   * retry) answers with the transfer it made, changing nothing; a different one citing it is a 409. The instant
   * `at` lies within the outgoing term, not before the decision was adopted nor the meeting began, not in the
   * future, and not in the past by more than the clocks' tolerance — so the incoming term always covers now.
   */
  async handover(councilId: string, dto: HandoverDto): Promise<HandoverResult> {
    await this.catchUp(councilId);
    const now = new Date();
    const at = dto.at !== undefined ? new Date(dto.at) : now;
    const result = await this.db.transaction(async (em) => {
      const council = await this.terms.lockCouncil(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);
      // Under the council's lock: a concurrent identical request waits here, then finds the transfer the first one made.
      const prior = await this.repo.citing(em, councilId, { decisionId: dto.decisionId, meetingId: dto.meetingId });
      if (prior) return { replayed: replay(prior, dto) };
      checkHandoverClock(at, now, this.config.presidency.handoverPastToleranceSeconds);
      const term = await this.terms.covering(em, councilId, now);
      if (!term) throw new ConflictException('NO_PRESIDENCY', 'no presidency term covers now: there is nothing to hand over', {});
      if (dto.termId !== undefined && dto.termId !== term.id) {
        throw new ConflictException(
          'STALE_TERM',
          'the presidency term covering now is not the one given: reload and retry',
          { currentTermId: term.id },
          'termId',
        );
      }
      if (at.getTime() <= term.startsAt.getTime()) {
        throw new ConflictException(
          'HANDOVER_BEFORE_TERM',
          `the handover must fall within the current term, after its start (${term.startsAt.toISOString()})`,
          { at: at.toISOString(), termStartsAt: term.startsAt.toISOString() },
          'at',
        );
      }
      const extras = await handoverGrounds(em, { terms: this.terms, transfers: this.repo }, councilId, dto, at);
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
      return { done: await this.termSuccession.succeed(em, council, moved, { ...extras, originalEnd: term.endsAt, succession }) };
    });
    if (result.replayed) return { transfer: result.replayed, replayed: true };
    const done = result.done!;
    await this.enqueue(done.toTermId, done.toEndsAt);
    return {
      transfer: {
        transferId: done.transferId,
        outcome: done.outcome,
        toTermId: done.toTermId,
        boundary: at.toISOString(),
        mode: dto.mode,
        successorBasis: done.basis,
        itemsMoved: done.itemsMoved,
      },
      replayed: false,
    };
  }

  /** Queues the delayed transfer job of a term's end (idempotent by id); a queue that fails or hangs only delays it to the next sweep. */
  async enqueue(termId: string, endsAt: Date): Promise<void> {
    await enqueueOrLeaveToSweeper(this.queues.add('presidency.transfer', { termId }, transferJobId(termId, endsAt), endsAt.getTime() - Date.now()), {
      logger: this.logger,
      context: { termId },
      job: 'transfer job',
      sweeper: 'transfer the term',
    });
  }
}
