import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { ConflictException, DomainException, InvalidInputException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { jobId } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { addMonthsUtc } from '../rotation.js';
import type { SuccessionAlertReason } from '../succession/entities/presidency-succession-alert.entity.js';
import { alertPeriod, type Succession } from '../succession/succession.js';
import { type SuccessionCouncilRow, SuccessionRepository, type TermRow } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import type { HandoverDto } from './dto/handover.dto.js';
import type { TransferResponse } from './dto/transfer.response.js';
import type { SuccessorBasis, TransferMode } from './entities/presidency-transfer.entity.js';
import { PRESIDENCY_EXTENDED, PRESIDENCY_NO_SUCCESSOR, PRESIDENCY_TRANSFERRED } from './presidency-notices.js';
import { type ClosedHandover, HandoverMeetingRepository } from './handover-meeting.repository.js';
import { TransferRepository, type TransferRow } from './transfer.repository.js';

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

/** The handover's answer: the transfer, and whether it was made by an earlier identical request (a retry: nothing changed). */
export interface HandoverResult {
  transfer: TransferResponse;
  replayed: boolean;
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
      return this.succeed(em, council, term, { mode: 'scheduled', decisionId: null, meetingId: null });
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
      if (done === 'blocked') this.logger.warn({ termId, meetingId }, 'the handover meeting closed while an earlier term awaits its succession; the sweeper will transfer both in order');
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
      this.logger.warn({ termId: term.id, meetingId: closed.meetingId, reason: succession.reason }, 'the handover meeting closed but no successor is known; the term runs to its end');
      return 'skipped';
    }
    const next = await this.terms.startingAt(em, council.id, term.endsAt);
    await this.repo.moveBoundaryEarlier(em, term.id, next?.id ?? null, closed.closedAt);
    const moved: TermRow = { ...term, endsAt: closed.closedAt };
    return this.succeed(em, council, moved, { mode: 'meeting', decisionId: null, meetingId: closed.meetingId, originalEnd: term.endsAt, succession });
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
      this.checkClock(at, now);
      const term = await this.terms.covering(em, councilId, now);
      if (!term) throw new ConflictException('NO_PRESIDENCY', 'no presidency term covers now: there is nothing to hand over', {});
      if (dto.termId !== undefined && dto.termId !== term.id) {
        throw new ConflictException('STALE_TERM', 'the presidency term covering now is not the one given: reload and retry', { currentTermId: term.id }, 'termId');
      }
      if (at.getTime() <= term.startsAt.getTime()) {
        throw new ConflictException(
          'HANDOVER_BEFORE_TERM',
          `the handover must fall within the current term, after its start (${term.startsAt.toISOString()})`,
          { at: at.toISOString(), termStartsAt: term.startsAt.toISOString() },
          'at',
        );
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
      return { done: await this.succeed(em, council, moved, { ...extras, originalEnd: term.endsAt, succession }) };
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

  /** A handover takes effect now or a moment ago: never in the future, never further back than the clocks' tolerance. */
  private checkClock(at: Date, now: Date): void {
    if (at.getTime() > now.getTime()) {
      const message = 'a handover takes effect now or at an instant already past, never in the future';
      throw new DomainException('HANDOVER_IN_FUTURE', 400, message, [{ field: 'at', rule: 'not_future', message }], { at: at.toISOString(), now: now.toISOString() });
    }
    const toleranceMs = this.config.presidency.handoverPastToleranceSeconds * 1000;
    const earliest = new Date(now.getTime() - toleranceMs);
    if (at.getTime() < earliest.getTime()) {
      const message = `a handover cannot be dated back more than ${this.config.presidency.handoverPastToleranceSeconds} seconds (the clocks' tolerance): the presidency passes when the decision is acted on, not in the past`;
      throw new DomainException('HANDOVER_IN_PAST', 400, message, [{ field: 'at', rule: 'not_past', message }], {
        at: at.toISOString(),
        earliest: earliest.toISOString(),
        toleranceSeconds: this.config.presidency.handoverPastToleranceSeconds,
      });
    }
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
      const adoptedAt = d.closedAt === null ? null : new Date(d.closedAt);
      if (adoptedAt !== null && at.getTime() < adoptedAt.getTime()) {
        throw new ConflictException(
          'HANDOVER_BEFORE_DECISION',
          `the handover cannot precede the decision that grounds it (adopted ${adoptedAt.toISOString()})`,
          { at: at.toISOString(), decisionAdoptedAt: adoptedAt.toISOString() },
          'at',
        );
      }
      decisionId = d.id;
    }
    if (dto.meetingId !== undefined) {
      const m = await this.repo.meetingStatus(em, councilId, dto.meetingId);
      if (!m) throw new NotFoundException('meeting', dto.meetingId);
      if (!CLOSED_MEETING.has(m.status)) {
        throw new ConflictException('MEETING_NOT_CLOSED', `the handover happens when the handover meeting has closed; it is ${m.status.replace(/_/g, ' ')}`, { status: m.status }, 'meetingId');
      }
      if (at.getTime() < m.startsAt.getTime()) {
        throw new ConflictException(
          'HANDOVER_BEFORE_MEETING',
          `the handover cannot precede the meeting (it began ${m.startsAt.toISOString()})`,
          { at: at.toISOString(), meetingStartsAt: m.startsAt.toISOString() },
          'at',
        );
      }
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

/**
 * The answer to a handover citing a decision (or meeting) that already handed the presidency over: the same request
 * again gets that transfer; a different one (another mode, instant, term or ground) is a 409 naming what it cites.
 */
function replay(prior: TransferRow, dto: HandoverDto): TransferResponse {
  const same =
    prior.mode === dto.mode &&
    (dto.at === undefined || new Date(dto.at).getTime() === prior.boundary.getTime()) &&
    (dto.termId === undefined || dto.termId === prior.fromTermId) &&
    (prior.decisionId ?? undefined) === dto.decisionId &&
    (prior.meetingId ?? undefined) === dto.meetingId;
  if (!same) {
    const byDecision = dto.decisionId !== undefined && prior.decisionId === dto.decisionId;
    const what = byDecision ? 'decision' : 'meeting';
    throw new ConflictException(
      byDecision ? 'DECISION_ALREADY_USED' : 'MEETING_ALREADY_USED',
      `this ${what} has already handed the presidency over (transfer ${prior.id} at ${prior.boundary.toISOString()}): a ${what} hands it over once`,
      { transferId: prior.id, fromTermId: prior.fromTermId, toTermId: prior.toTermId, boundary: prior.boundary.toISOString(), mode: prior.mode },
      byDecision ? 'decisionId' : 'meetingId',
    );
  }
  return {
    transferId: prior.id,
    outcome: 'transferred',
    toTermId: prior.toTermId,
    boundary: prior.boundary.toISOString(),
    mode: prior.mode,
    successorBasis: prior.basis,
    itemsMoved: prior.itemsMoved,
  };
}
