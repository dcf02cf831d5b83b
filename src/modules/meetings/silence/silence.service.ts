import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, requireDelegation } from '../../../core/auth/caller.js';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { ConflictException, ForbiddenException, InvalidInputException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { enqueueOrLeaveToSweeper } from '../../../core/queue/enqueue-or-sweep.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { CouncilReferencesRepository } from '../../councils/council-references.repository.js';
import type { PositionResponse } from '../session/dto/position.response.js';
import type { StatePositionDto } from '../session/dto/state-position.dto.js';
import { decisionTextProblem } from '../session/decision-text.js';
import type { BreakSilenceDto } from './dto/break-silence.dto.js';
import type { CreateSilenceProcedureDto } from './dto/create-silence-procedure.dto.js';
import type { ListSilenceProceduresQuery } from './dto/list-silence-procedures.query.js';
import type { SilenceBreakResponse } from './dto/silence-break.response.js';
import type { SilenceProcedureListResponse, SilenceProcedureResponse } from './dto/silence-procedure.response.js';
import { SILENCE_BROKEN, SILENCE_CIRCULATED } from './silence-notices.js';
import { closeDelayMs, closeJobId, deadlineProblem } from './silence-rules.js';
import { SilenceRepository, type WrittenDecisionRow } from './silence.repository.js';
import {
  insertObjection as insertBreak,
  listObjections as listBreaks,
  upsertPosition,
  listPositions,
  objectionResponse as breakResponse,
  positionResponse,
} from '../session/decision-records.js';
import { iso } from '../../../core/http/iso.js';
import { procedureResponse } from './silence.responses.js';

/**
 * The silence procedure: the chair or the secretariat circulates a decision in
 * writing with a deadline; a delegate of an active member state may break
 * silence before it (and withdraw the break before it); delegations state
 * consultation positions. The closing is the worker's (SilenceCloser): a
 * delayed 'silence.close' job at the deadline, and the 'silence.sweep' for any
 * the queue lost. Each change is one transaction with its audit row and its
 * notices (outbox).
 */
@Injectable()
export class SilenceService {
  private readonly logger = new Logger('SilenceService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly silence: SilenceRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly council: CouncilReferencesRepository,
  ) {}

  async create(councilId: string, dto: CreateSilenceProcedureDto, caller: Caller): Promise<SilenceProcedureResponse> {
    const deadline = new Date(dto.deadline);
    const created = await this.db.transaction(async (em) => {
      const council = await this.silence.findCouncil(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);
      const problem = decisionTextProblem(dto.text, council.workingLanguages);
      if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
      const late = deadlineProblem(deadline, new Date(), this.config.silence.minNoticeSeconds);
      if (late) throw new InvalidInputException(late.field, late.rule, late.message);
      if (dto.bodyId !== undefined && !(await this.council.hasBody(councilId, dto.bodyId, em))) throw new NotFoundException('body', dto.bodyId);
      const text = Object.fromEntries(Object.entries(dto.text).map(([k, v]) => [k, v.trim()]));
      const id = await this.silence.insertWritten(em, councilId, text, deadline, dto.bodyId ?? null, caller.userId);
      const after = await this.current(em, councilId, id);
      await this.audit.record(em, { councilId, action: 'decision.circulated', entityType: 'decision', entityId: id, after });
      await this.outbox.notify(em, { councilId, kind: SILENCE_CIRCULATED, subjectType: 'decision', subjectId: id });
      return after;
    });
    // After the commit, and never failing the request: the job only triggers the close, and the sweeper closes what it misses.
    await this.enqueueClose(created.id, deadline);
    return created;
  }

  async list(councilId: string, query: ListSilenceProceduresQuery): Promise<SilenceProcedureListResponse> {
    if (!(await this.silence.findCouncil(this.db.manager, councilId))) throw new NotFoundException('council', councilId);
    const rows = await this.silence.listWritten(councilId, { status: query.status, outcome: query.outcome });
    const ids = rows.map((r) => r.id);
    const breaks = await listBreaks(this.db.manager, ids);
    const positions = await listPositions(this.db.manager, ids);
    return { items: rows.map((r) => procedureResponse(r, breaks, positions)) };
  }

  async get(councilId: string, decisionId: string): Promise<SilenceProcedureResponse> {
    const found = await this.silence.findWritten(this.db.manager, councilId, decisionId);
    if (!found) throw new NotFoundException('silence procedure', decisionId);
    return this.current(this.db.manager, councilId, decisionId);
  }

  /** A delegate of an active member state breaks silence for its delegation, before the deadline; the secretariat is told at once. */
  async breakSilence(councilId: string, decisionId: string, dto: BreakSilenceDto, caller: Caller): Promise<SilenceBreakResponse> {
    const delegationId = requireDelegation(caller);
    return this.db.transaction(async (em) => {
      await this.openProcedure(em, councilId, decisionId);
      const delegation = (await this.silence.findDelegation(em, councilId, delegationId))!;
      if (delegation.participantKind !== 'member_state') {
        throw new ConflictException(
          'BREAK_MEMBER_STATES_ONLY',
          'only member states decide, so only they break silence; a permanent participant states a consultation position instead (POST …/positions)',
          { participantKind: delegation.participantKind },
        );
      }
      if (delegation.participantStatus !== 'active') {
        throw new ConflictException('MEMBER_STATE_NOT_ACTIVE', `only an active member state breaks silence; this one is ${delegation.participantStatus}`, {
          participantStatus: delegation.participantStatus,
        });
      }
      if (await this.silence.hasStandingBreak(em, decisionId, delegationId)) {
        throw new ConflictException('SILENCE_ALREADY_BROKEN', 'your delegation has already broken silence on this decision (withdraw it first to restate)', {
          delegationId,
        });
      }
      const id = await insertBreak(em, councilId, decisionId, delegationId, dto.reason.trim(), caller.userId);
      const created = breakResponse((await listBreaks(em, [decisionId])).find((b) => b.id === id)!);
      await this.audit.record(em, { councilId, action: 'decision.silence_broken', entityType: 'decision', entityId: decisionId, after: created });
      await this.outbox.notify(em, {
        councilId,
        kind: SILENCE_BROKEN,
        subjectType: 'decision',
        subjectId: decisionId,
        occurrence: id,
        payload: { breakId: id },
      });
      return created;
    });
  }

  /** The delegation withdraws its standing break, before the deadline (404 when it has none). */
  async withdrawBreak(councilId: string, decisionId: string, caller: Caller): Promise<SilenceProcedureResponse> {
    const delegationId = requireDelegation(caller);
    return this.db.transaction(async (em) => {
      await this.openProcedure(em, councilId, decisionId);
      const id = await this.silence.withdrawBreak(em, councilId, decisionId, delegationId);
      if (!id) throw new NotFoundException('break of silence by your delegation on decision', decisionId);
      const after = (await listBreaks(em, [decisionId])).find((b) => b.id === id)!;
      await this.audit.record(em, {
        councilId,
        action: 'decision.silence_break_withdrawn',
        entityType: 'decision',
        entityId: decisionId,
        before: { ...breakResponse(after), withdrawnAt: null },
        after: breakResponse(after),
      });
      return this.current(em, councilId, decisionId);
    });
  }

  /** A consultation position (permanent participants, or member states standing aside): recorded, never blocking; before the deadline. */
  async statePosition(councilId: string, decisionId: string, dto: StatePositionDto, caller: Caller): Promise<PositionResponse> {
    const delegationId = requireDelegation(caller);
    return this.db.transaction(async (em) => {
      await this.openProcedure(em, councilId, decisionId);
      const delegation = (await this.silence.findDelegation(em, councilId, delegationId))!;
      if (delegation.participantKind === 'observer') {
        // The permission table already keeps observers out; this guards the rule itself.
        throw new ForbiddenException(null, 'observers take part in discussion, never in decisions');
      }
      const before = (await listPositions(em, [decisionId])).find((p) => p.delegationId === delegationId);
      const id = await upsertPosition(em, councilId, decisionId, delegationId, dto.position, dto.note?.trim() ?? null, caller.userId);
      const after = positionResponse((await listPositions(em, [decisionId])).find((p) => p.id === id)!);
      await this.audit.record(em, {
        councilId,
        action: 'decision.position_stated',
        entityType: 'decision',
        entityId: decisionId,
        before: before ? positionResponse(before) : undefined,
        after,
      });
      return after;
    });
  }

  /**
   * The procedure, share-locked (a close waits for this change, and this change waits for a close in progress),
   * if silence still runs: 404 when not a written decision of the council; 409 SILENCE_CLOSED once the deadline
   * has passed (by the database's clock) or it is closed.
   */
  private async openProcedure(em: EntityManager, councilId: string, decisionId: string): Promise<WrittenDecisionRow> {
    const d = await this.silence.findWritten(em, councilId, decisionId, 'share');
    if (!d) throw new NotFoundException('silence procedure', decisionId);
    if (d.status !== 'proposed' || !d.open) {
      throw new ConflictException(
        'SILENCE_CLOSED',
        d.status === 'closed'
          ? `the silence procedure is closed (${d.outcome}) as of its deadline ${iso(d.deadline)}`
          : `the silence deadline ${iso(d.deadline)} has passed: the procedure is being closed`,
        { deadline: iso(d.deadline), status: d.status, outcome: d.outcome },
      );
    }
    return d;
  }

  private async current(em: EntityManager, councilId: string, decisionId: string): Promise<SilenceProcedureResponse> {
    const d = (await this.silence.findWritten(em, councilId, decisionId))!;
    return procedureResponse(d, await listBreaks(em, [decisionId]), await listPositions(em, [decisionId]));
  }

  /** Adds the delayed close job (its id from the decision: adding it again is a no-op); a queue that fails or hangs only delays the close to the next sweep. */
  private async enqueueClose(decisionId: string, deadline: Date): Promise<void> {
    await enqueueOrLeaveToSweeper(this.queues.add('silence.close', { decisionId }, closeJobId(decisionId), closeDelayMs(deadline, new Date())), {
      logger: this.logger,
      context: { decisionId },
      job: 'silence close job',
      sweeper: 'close the procedure',
    });
  }
}
