import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenException } from '../../core/auth/auth.guard.js';
import type { Caller } from '../../core/auth/caller.js';
import { scopeOf } from '../../core/auth/permissions.js';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilReferencesRepository } from '../councils/council-references.repository.js';
import { councilOf, councilTexts, notFinal, notPast, targetShape, writeScopeOf } from './action-item-checks.js';
import { allowedNext, canTransition, needsReason, permissionFor, PROGRESS_STATUSES } from './action-item-lifecycle.js';
import { ActionItemReferences, type ResolvedOwner } from './action-item-references.js';
import { ActionItemWritesRepository } from './action-item-writes.repository.js';
import { ActionItemsRepository } from './action-items.repository.js';
import { actionItemResponse, updateResponse } from './action-items.responses.js';
import type { ActionItemTransitionDto } from './dto/action-item-transition.dto.js';
import type { ProgressReportedResponse } from './dto/action-item-update.response.js';
import type { ActionItemResponse } from './dto/action-item.response.js';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from './dto/owner-fields.js';
import type { ReassignActionItemDto } from './dto/reassign-action-item.dto.js';
import type { ReportProgressDto } from './dto/report-progress.dto.js';
import type { UpdateActionItemDto } from './dto/update-action-item.dto.js';
import { ActionItemRemindersScheduler } from './reminders/action-item-reminders.scheduler.js';

/**
 * The life of an existing action item: edited and reassigned by the secretariat or the chair, moved
 * forward and reported on by its owner's delegates, verified (or returned) by the secretariat or a
 * body's lead, cancelled by the secretariat. Every change locks the item, checks the version it was
 * given, and is one transaction with its history row (where it has one) and its audit row.
 */
@Injectable()
export class ActionItemChangesService {
  constructor(
    private readonly db: DataSource,
    private readonly items: ActionItemsRepository,
    private readonly writes: ActionItemWritesRepository,
    private readonly audit: AuditService,
    private readonly reminders: ActionItemRemindersScheduler,
    private readonly council: CouncilReferencesRepository,
  ) {}

  /** The council's rows a changed item refers to (a cancelling decision, a new owner), checked. */
  private readonly refs = new ActionItemReferences(this.council);

  async update(councilId: string, id: string, dto: UpdateActionItemDto): Promise<ActionItemResponse> {
    return this.db.transaction(async (em) => {
      const council = await councilOf(this.items, em, councilId);
      const current = await this.items.lockInCouncil(em, councilId, id, { delegationId: null, participantId: null });
      if (!current) throw new NotFoundException('action item', id);
      if (current.version !== dto.version) throw new StaleVersionException('action item', id, dto.version);
      notFinal(current, 'edited');
      const title = dto.title === undefined ? current.title : councilTexts('title', dto.title, council, TITLE_MAX_LENGTH);
      const description =
        dto.description === undefined
          ? current.description
          : dto.description === null
            ? null
            : councilTexts('description', dto.description, council, DESCRIPTION_MAX_LENGTH);
      const targetValue = dto.targetValue === undefined ? current.targetValue : dto.targetValue;
      const targetUnit = dto.targetUnit === undefined ? current.targetUnit : dto.targetUnit === null ? null : dto.targetUnit.trim();
      targetShape(targetValue, targetUnit);
      const values = { title, description, priority: dto.priority ?? current.priority, targetValue, targetUnit };
      if (!(await this.writes.updateDetails(em, councilId, id, dto.version, values))) throw new StaleVersionException('action item', id, dto.version);
      const after = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, {
        councilId,
        action: 'action_item.updated',
        entityType: 'action_item',
        entityId: id,
        before: actionItemResponse(current),
        after,
      });
      return after;
    });
  }

  /**
   * Moves the item. The move decides the permission needed (forward: progress,
   * by the owner's delegates; verify or return: verify; cancel: cancel); with
   * an own scope, an item the caller neither owns nor leads is not found.
   */
  async transition(councilId: string, id: string, dto: ActionItemTransitionDto, caller: Caller): Promise<ActionItemResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.items.lockInCouncil(em, councilId, id, caller);
      if (!current) throw new NotFoundException('action item', id);
      const permission = permissionFor(current.status, dto.to);
      const scope = scopeOf(caller.roles, permission);
      if (!scope) throw new ForbiddenException(permission);
      const writeScope = writeScopeOf(caller, scope, permission === 'action_item.verify' ? 'lead' : 'owner');
      if (writeScope.kind === 'owner' && !current.callerOwns) throw new NotFoundException('action item', id);
      if (writeScope.kind === 'lead' && !current.callerLeads) throw new NotFoundException('action item', id);
      if (current.version !== dto.version) throw new StaleVersionException('action item', id, dto.version);
      if (!canTransition(current.status, dto.to)) {
        const allowed = allowedNext(current.status);
        throw new ConflictException(
          'ILLEGAL_TRANSITION',
          `a ${current.status.replace('_', ' ')} action item cannot become ${dto.to.replace('_', ' ')}; ${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it cannot change any more'}`,
          { from: current.status, to: dto.to, allowed },
        );
      }
      const reason = dto.reason?.trim() || null;
      if (needsReason(current.status, dto.to) && !reason) {
        throw new InvalidInputException(
          'reason',
          'required',
          `a reason is required to move a ${current.status.replace('_', ' ')} item to ${dto.to.replace('_', ' ')}`,
        );
      }
      if (dto.decisionId !== undefined && dto.to !== 'cancelled') {
        throw new InvalidInputException('decisionId', 'cancel_only', "decisionId names the decision that cancels an item: only with to='cancelled'");
      }
      if (dto.decisionId !== undefined) await this.refs.adoptedDecision(em, councilId, dto.decisionId, 'decisionId');
      const moved = await this.writes.transition(em, councilId, id, dto.version, current.status, dto.to, writeScope, {
        actorId: caller.userId,
        reason,
        cancelDecisionId: dto.decisionId ?? null,
      });
      if (!moved) throw new StaleVersionException('action item', id, dto.version);
      await this.writes.insertUpdate(em, councilId, id, {
        kind: 'transition',
        text: reason,
        statusFrom: current.status,
        statusTo: dto.to,
        authorId: caller.userId,
      });
      const after = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, {
        councilId,
        action: `action_item.${dto.to}`,
        entityType: 'action_item',
        entityId: id,
        before: actionItemResponse(current),
        after: { ...after, reason, decisionId: dto.decisionId ?? null },
      });
      await this.reminders.plan(em, councilId, id);
      return after;
    });
  }

  /** A progress report by the owner's delegates, while the item is acknowledged, in progress or blocked. */
  async reportProgress(councilId: string, id: string, dto: ReportProgressDto, caller: Caller): Promise<ProgressReportedResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.items.lockInCouncil(em, councilId, id, caller);
      if (!current) throw new NotFoundException('action item', id);
      const writeScope = writeScopeOf(caller, caller.scope, 'owner');
      if (writeScope.kind === 'owner' && !current.callerOwns) throw new NotFoundException('action item', id);
      if (current.version !== dto.version) throw new StaleVersionException('action item', id, dto.version);
      if (!PROGRESS_STATUSES.includes(current.status)) {
        throw new ConflictException(
          'ITEM_NOT_IN_PROGRESS',
          `progress is reported while the item is ${PROGRESS_STATUSES.join(', ').replace('_', ' ')}; it is ${current.status.replace('_', ' ')}${current.status === 'open' ? ' (acknowledge it first)' : ''}`,
          { status: current.status, allowedStatuses: PROGRESS_STATUSES },
        );
      }
      const figures = { percent: dto.percent ?? null, rag: dto.rag ?? null };
      if (!(await this.writes.recordProgress(em, councilId, id, dto.version, writeScope, figures, PROGRESS_STATUSES))) {
        throw new StaleVersionException('action item', id, dto.version);
      }
      const updateId = await this.writes.insertUpdate(em, councilId, id, {
        kind: 'progress',
        text: dto.text.trim(),
        percent: figures.percent,
        rag: figures.rag,
        attachmentUrl: dto.attachmentUrl ?? null,
        authorId: caller.userId,
      });
      const update = updateResponse((await this.items.listUpdates(councilId, id, em, updateId))[0]!);
      const item = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, {
        councilId,
        action: 'action_item.progress_reported',
        entityType: 'action_item',
        entityId: id,
        before: actionItemResponse(current),
        after: { item, update },
      });
      return { update, item };
    });
  }

  /** A new owner and/or due date, with a reason kept in the history and the audit trail. */
  async reassign(councilId: string, id: string, dto: ReassignActionItemDto, caller: Caller): Promise<ActionItemResponse> {
    return this.db.transaction(async (em) => {
      const council = await councilOf(this.items, em, councilId);
      const current = await this.items.lockInCouncil(em, councilId, id, { delegationId: null, participantId: null });
      if (!current) throw new NotFoundException('action item', id);
      if (current.version !== dto.version) throw new StaleVersionException('action item', id, dto.version);
      notFinal(current, 'reassigned');
      if (dto.ownerKind === undefined && (dto.ownerDelegationId !== undefined || dto.ownerBodyId !== undefined)) {
        throw new InvalidInputException('ownerKind', 'required', 'ownerKind is required with ownerDelegationId or ownerBodyId');
      }
      const owner: ResolvedOwner =
        dto.ownerKind === undefined
          ? { ownerKind: current.ownerKind, ownerDelegationId: current.ownerDelegationId, ownerBodyId: current.ownerBodyId }
          : await this.refs.owner(em, councilId, dto, '');
      const ownerChanged =
        owner.ownerKind !== current.ownerKind || owner.ownerDelegationId !== current.ownerDelegationId || owner.ownerBodyId !== current.ownerBodyId;
      const ownerUserId = dto.ownerUserId !== undefined ? dto.ownerUserId : ownerChanged ? null : current.ownerUserId;
      if (ownerUserId !== null && (ownerUserId !== current.ownerUserId || ownerChanged))
        await this.refs.ownerUser(em, councilId, ownerUserId, owner, 'ownerUserId');
      const dueDate = dto.dueDate ?? current.dueDate;
      if (dto.dueDate !== undefined) notPast(dto.dueDate, council, 'dueDate');
      if (!ownerChanged && ownerUserId === current.ownerUserId && dueDate === current.dueDate) {
        throw new InvalidInputException(
          'ownerKind',
          'nothing_to_change',
          'a reassignment changes the owner, the person in charge or the due date: none of them differs',
        );
      }
      if (!(await this.writes.reassign(em, councilId, id, dto.version, { ...owner, ownerUserId, dueDate })))
        throw new StaleVersionException('action item', id, dto.version);
      const reason = dto.reason.trim();
      await this.writes.insertUpdate(em, councilId, id, { kind: 'reassignment', text: reason, authorId: caller.userId });
      const after = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, {
        councilId,
        action: 'action_item.reassigned',
        entityType: 'action_item',
        entityId: id,
        before: actionItemResponse(current),
        after: { ...after, reason },
      });
      await this.reminders.plan(em, councilId, id);
      return after;
    });
  }
}
