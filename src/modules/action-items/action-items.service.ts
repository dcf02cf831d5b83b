import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ForbiddenException, settleCaller } from '../../core/auth/auth.guard.js';
import type { Caller, PendingCaller } from '../../core/auth/caller.js';
import { resolvedFromRow } from '../../core/auth/caller.repository.js';
import { scopeOf } from '../../core/auth/permissions.js';
import { ConflictException, DomainException, InvalidInputException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { DEFAULT_PAGE_SIZE } from '../../core/http/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { allowedNext, canTransition, isFinal, needsReason, permissionFor, PROGRESS_STATUSES } from './action-item-lifecycle.js';
import {
  type ActionItemFilterValues,
  type ActionItemRow,
  ActionItemsRepository,
  type CouncilInfo,
  type MineScope,
  type NewActionItem,
  type WriteScope,
} from './action-items.repository.js';
import type { ActionItemFilters, ActionItemsQuery, MyActionItemFilters, MyActionItemsQuery } from './dto/action-item-filters.query.js';
import type { ActionItemTransitionDto } from './dto/action-item-transition.dto.js';
import type { ActionItemUpdateListResponse, ProgressReportedResponse } from './dto/action-item-update.response.js';
import type { ActionItemCountsResponse, ActionItemListResponse, ActionItemPageResponse, ActionItemResponse } from './dto/action-item.response.js';
import type { ActionItemFieldsDto, CreateActionItemDto } from './dto/create-action-item.dto.js';
import type { CreateDecisionActionItemsDto } from './dto/create-decision-action-items.dto.js';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from './dto/owner-fields.js';
import type { ReassignActionItemDto } from './dto/reassign-action-item.dto.js';
import type { ReportProgressDto } from './dto/report-progress.dto.js';
import type { UpdateActionItemDto } from './dto/update-action-item.dto.js';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from './entities/action-item.entity.js';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';
import { ActionItemRemindersScheduler } from './reminders/action-item-reminders.scheduler.js';
import { ActionItemReferences, type ResolvedOwner, type ResolvedSource } from './action-item-references.js';
import { actionItemResponse, updateResponse } from './action-items.responses.js';
import { localizedTextProblem, trimmedTexts } from '../../core/text/localized-text.js';

/**
 * Action items: created by the secretariat or the chair (also from an adopted
 * decision), moved forward and reported on by their owner's delegates,
 * verified (or returned) by the secretariat or a body's lead, reassigned by
 * the chair or the secretariat, cancelled by the secretariat. Every change is
 * one transaction with its audit row; writes check the version they were given.
 */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly db: DataSource,
    private readonly items: ActionItemsRepository,
    private readonly audit: AuditService,
    private readonly reminders: ActionItemRemindersScheduler,
  ) {}

  /** The council's rows a new or changed item refers to (its source, its owner), checked. */
  private readonly refs = new ActionItemReferences(this.items);

  // ── reads ──

  async get(councilId: string, id: string): Promise<ActionItemResponse> {
    const row = await this.items.findInCouncil(councilId, id);
    if (!row) throw new NotFoundException('action item', id);
    return actionItemResponse(row);
  }

  async list(councilId: string, query: ActionItemsQuery): Promise<ActionItemPageResponse> {
    return this.page(councilId, query, null);
  }

  /**
   * One statement per page: the caller's roles are resolved by the page query itself (the route is
   * @ResolveCallerInQuery), then settled with the guard's own checks before anything is answered, in the
   * guard's order (401, 403), then this route's (403 for a non-delegate, 400 for a bad cursor, 404).
   */
  async listMine(councilId: string, query: MyActionItemsQuery, pending: PendingCaller): Promise<ActionItemPageResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const result = await this.items.pageForCaller(councilId, this.filters(query), pending, after, limit + 1);
    this.mine(settleCaller(pending, resolvedFromRow(result.caller)));
    if (query.cursor !== undefined && !after) throw new InvalidInputException('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
    if (result.today === null) throw new NotFoundException('council', councilId);
    return this.pageResponse(result.rows, limit);
  }

  async counts(councilId: string, query: ActionItemFilters): Promise<ActionItemCountsResponse> {
    return this.count(councilId, query, null);
  }

  async countsMine(councilId: string, query: MyActionItemFilters, caller: Caller): Promise<ActionItemCountsResponse> {
    return this.count(councilId, query, this.mine(caller));
  }

  async updates(councilId: string, id: string): Promise<ActionItemUpdateListResponse> {
    const updates = await this.items.updatesOfItem(councilId, id);
    if (!updates) throw new NotFoundException('action item', id);
    return { items: updates.map(updateResponse) };
  }

  // ── creation ──

  async create(councilId: string, dto: CreateActionItemDto, caller: Caller): Promise<ActionItemResponse> {
    return this.db.transaction(async (em) => {
      const council = await this.council(em, councilId);
      const source = await this.refs.source(em, councilId, dto);
      const id = await this.insertItem(em, councilId, council, dto, source, caller, '');
      const created = (await this.items.findInCouncil(councilId, id, em))!;
      await this.audit.record(em, { councilId, action: 'action_item.created', entityType: 'action_item', entityId: id, after: actionItemResponse(created) });
      await this.reminders.plan(em, councilId, id);
      return actionItemResponse(created);
    });
  }

  /** The items an adopted decision asks for, all or none, each audited. */
  async createFromDecision(councilId: string, decisionId: string, dto: CreateDecisionActionItemsDto, caller: Caller): Promise<ActionItemListResponse> {
    return this.db.transaction(async (em) => {
      const council = await this.council(em, councilId);
      const decision = await this.refs.adoptedDecision(em, councilId, decisionId, 'decisionId');
      const created: ActionItemResponse[] = [];
      for (const [i, item] of dto.items.entries()) {
        const source = { sourceKind: 'decision' as const, decisionId, meetingId: decision.meetingId, recommendationId: null };
        if (item.recommendationId && !(await this.items.recommendationInCouncil(em, councilId, item.recommendationId))) {
          throw new NotFoundException('recommendation', item.recommendationId);
        }
        const id = await this.insertItem(em, councilId, council, item, { ...source, recommendationId: item.recommendationId ?? null }, caller, `items.${i}.`);
        const row = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
        await this.audit.record(em, { councilId, action: 'action_item.created', entityType: 'action_item', entityId: id, after: row });
        await this.reminders.plan(em, councilId, id);
        created.push(row);
      }
      return { items: created };
    });
  }

  // ── changes ──

  async update(councilId: string, id: string, dto: UpdateActionItemDto): Promise<ActionItemResponse> {
    return this.db.transaction(async (em) => {
      const council = await this.council(em, councilId);
      const current = await this.items.lockInCouncil(em, councilId, id, { delegationId: null, participantId: null });
      if (!current) throw new NotFoundException('action item', id);
      if (current.version !== dto.version) throw new StaleVersionException('action item', id, dto.version);
      this.notFinal(current, 'edited');
      const title = dto.title === undefined ? current.title : this.texts('title', dto.title, council, TITLE_MAX_LENGTH);
      const description = dto.description === undefined ? current.description : dto.description === null ? null : this.texts('description', dto.description, council, DESCRIPTION_MAX_LENGTH);
      const targetValue = dto.targetValue === undefined ? current.targetValue : dto.targetValue;
      const targetUnit = dto.targetUnit === undefined ? current.targetUnit : dto.targetUnit === null ? null : dto.targetUnit.trim();
      this.targetShape(targetValue, targetUnit);
      const values = { title, description, priority: dto.priority ?? current.priority, targetValue, targetUnit };
      if (!(await this.items.updateDetails(em, councilId, id, dto.version, values))) throw new StaleVersionException('action item', id, dto.version);
      const after = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, { councilId, action: 'action_item.updated', entityType: 'action_item', entityId: id, before: actionItemResponse(current), after });
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
      const writeScope = this.writeScope(caller, scope, permission === 'action_item.verify' ? 'lead' : 'owner');
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
        throw new InvalidInputException('reason', 'required', `a reason is required to move a ${current.status.replace('_', ' ')} item to ${dto.to.replace('_', ' ')}`);
      }
      if (dto.decisionId !== undefined && dto.to !== 'cancelled') {
        throw new InvalidInputException('decisionId', 'cancel_only', "decisionId names the decision that cancels an item: only with to='cancelled'");
      }
      if (dto.decisionId !== undefined) await this.refs.adoptedDecision(em, councilId, dto.decisionId, 'decisionId');
      const moved = await this.items.transition(em, councilId, id, dto.version, current.status, dto.to, writeScope, {
        actorId: caller.userId,
        reason,
        cancelDecisionId: dto.decisionId ?? null,
      });
      if (!moved) throw new StaleVersionException('action item', id, dto.version);
      await this.items.insertUpdate(em, councilId, id, { kind: 'transition', text: reason, statusFrom: current.status, statusTo: dto.to, authorId: caller.userId });
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
      const writeScope = this.writeScope(caller, caller.scope, 'owner');
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
      if (!(await this.items.recordProgress(em, councilId, id, dto.version, writeScope, figures, PROGRESS_STATUSES))) {
        throw new StaleVersionException('action item', id, dto.version);
      }
      const updateId = await this.items.insertUpdate(em, councilId, id, {
        kind: 'progress',
        text: dto.text.trim(),
        percent: figures.percent,
        rag: figures.rag,
        attachmentUrl: dto.attachmentUrl ?? null,
        authorId: caller.userId,
      });
      const update = updateResponse((await this.items.listUpdates(councilId, id, em, updateId))[0]!);
      const item = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, { councilId, action: 'action_item.progress_reported', entityType: 'action_item', entityId: id, before: actionItemResponse(current), after: { item, update } });
      return { update, item };
    });
  }

  /** A new owner and/or due date, with a reason kept in the history and the audit trail. */
  async reassign(councilId: string, id: string, dto: ReassignActionItemDto, caller: Caller): Promise<ActionItemResponse> {
    return this.db.transaction(async (em) => {
      const council = await this.council(em, councilId);
      const current = await this.items.lockInCouncil(em, councilId, id, { delegationId: null, participantId: null });
      if (!current) throw new NotFoundException('action item', id);
      if (current.version !== dto.version) throw new StaleVersionException('action item', id, dto.version);
      this.notFinal(current, 'reassigned');
      if (dto.ownerKind === undefined && (dto.ownerDelegationId !== undefined || dto.ownerBodyId !== undefined)) {
        throw new InvalidInputException('ownerKind', 'required', 'ownerKind is required with ownerDelegationId or ownerBodyId');
      }
      const owner: ResolvedOwner =
        dto.ownerKind === undefined
          ? { ownerKind: current.ownerKind, ownerDelegationId: current.ownerDelegationId, ownerBodyId: current.ownerBodyId }
          : await this.refs.owner(em, councilId, dto, '');
      const ownerChanged = owner.ownerKind !== current.ownerKind || owner.ownerDelegationId !== current.ownerDelegationId || owner.ownerBodyId !== current.ownerBodyId;
      const ownerUserId = dto.ownerUserId !== undefined ? dto.ownerUserId : ownerChanged ? null : current.ownerUserId;
      if (ownerUserId !== null && (ownerUserId !== current.ownerUserId || ownerChanged)) await this.refs.ownerUser(em, councilId, ownerUserId, owner, 'ownerUserId');
      const dueDate = dto.dueDate ?? current.dueDate;
      if (dto.dueDate !== undefined) this.notPast(dto.dueDate, council, 'dueDate');
      if (!ownerChanged && ownerUserId === current.ownerUserId && dueDate === current.dueDate) {
        throw new InvalidInputException('ownerKind', 'nothing_to_change', 'a reassignment changes the owner, the person in charge or the due date: none of them differs');
      }
      if (!(await this.items.reassign(em, councilId, id, dto.version, { ...owner, ownerUserId, dueDate }))) throw new StaleVersionException('action item', id, dto.version);
      const reason = dto.reason.trim();
      await this.items.insertUpdate(em, councilId, id, { kind: 'reassignment', text: reason, authorId: caller.userId });
      const after = actionItemResponse((await this.items.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, { councilId, action: 'action_item.reassigned', entityType: 'action_item', entityId: id, before: actionItemResponse(current), after: { ...after, reason } });
      await this.reminders.plan(em, councilId, id);
      return after;
    });
  }

  // ── helpers ──

  private async page(councilId: string, query: ActionItemsQuery | MyActionItemsQuery, mine: MineScope | null): Promise<ActionItemPageResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw new InvalidInputException('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
    const result = await this.items.page(councilId, this.filters(query), mine, after, limit + 1);
    if (!result) throw new NotFoundException('council', councilId);
    return this.pageResponse(result.rows, limit);
  }

  /** `limit` of the rows (read one beyond), and the cursor of the next page when there is one. */
  private pageResponse(found: ActionItemRow[], limit: number): ActionItemPageResponse {
    const rows = found.length > limit ? found.slice(0, limit) : found;
    const last = rows[rows.length - 1];
    return { items: rows.map(actionItemResponse), nextCursor: found.length > limit && last ? encodeCursor({ dueDate: last.dueDate, id: last.id }) : null };
  }

  private async count(councilId: string, query: ActionItemFilters | MyActionItemFilters, mine: MineScope | null): Promise<ActionItemCountsResponse> {
    const result = await this.items.counts(councilId, this.filters(query), mine);
    if (!result) throw new NotFoundException('council', councilId);
    const byStatus = Object.fromEntries(ACTION_ITEM_STATUSES.map((s) => [s, 0])) as Record<ActionItemStatus, number>;
    let total = 0;
    let overdue = 0;
    for (const r of result.byStatus) {
      byStatus[r.status] = r.n;
      total += r.n;
      overdue += r.overdue;
    }
    return { total, overdue, byStatus, today: result.today };
  }

  private filters(q: ActionItemFilters | MyActionItemFilters): ActionItemFilterValues {
    const f: ActionItemFilterValues = {};
    if ('ownerDelegationId' in q && q.ownerDelegationId) f.ownerDelegationId = q.ownerDelegationId;
    if (q.bodyId) f.bodyId = q.bodyId;
    if (q.meetingId) f.meetingId = q.meetingId;
    if (q.decisionId) f.decisionId = q.decisionId;
    if (q.recommendationId) f.recommendationId = q.recommendationId;
    if (q.status) f.status = q.status;
    if (q.overdue !== undefined) f.overdue = q.overdue;
    if (q.dueBefore) f.dueBefore = q.dueBefore;
    if (q.source) f.source = q.source;
    return f;
  }

  private mine(caller: Caller): MineScope {
    if (!caller.delegationId) throw new DomainException('FORBIDDEN', 403, "only a delegate has a delegation's items; use the council's list (GET …/action-items)", [], { permission: 'action_item.read' });
    return { delegationId: caller.delegationId, participantId: caller.participantId };
  }

  /** Who may write, as a WHERE condition: council-wide, or the caller's delegation as owner (or lead, for verifying body items). */
  private writeScope(caller: Caller, scope: 'own' | 'council', own: 'owner' | 'lead'): WriteScope {
    if (scope === 'council') return { kind: 'council' };
    if (!caller.delegationId) throw new Error('an own-scoped permission was granted to a caller without a delegation');
    return own === 'lead' ? { kind: 'lead', participantId: caller.participantId } : { kind: 'owner', delegationId: caller.delegationId, participantId: caller.participantId };
  }

  private async council(em: EntityManager, councilId: string): Promise<CouncilInfo> {
    const council = await this.items.councilInfo(em, councilId);
    if (!council) throw new NotFoundException('council', councilId);
    return council;
  }

  private texts(field: string, text: Record<string, string>, council: CouncilInfo, maxLength: number): Record<string, string> {
    const problem = localizedTextProblem(field, text, council.workingLanguages, maxLength);
    if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
    return trimmedTexts(text);
  }

  private notPast(date: string, council: CouncilInfo, field: string): void {
    if (date < council.today) throw new InvalidInputException(field, 'not_past', `${field} must be today (${council.today}, the council's time zone) or later`);
  }

  private targetShape(value: number | null, unit: string | null): void {
    if (value !== null && unit === null) throw new InvalidInputException('targetUnit', 'required', 'targetUnit is required with targetValue (e.g. 50000 people)');
    if (value === null && unit !== null) throw new InvalidInputException('targetValue', 'required', 'targetValue is required with targetUnit');
  }

  private notFinal(item: ActionItemRow, what: string): void {
    if (isFinal(item.status)) {
      throw new ConflictException('ITEM_CLOSED', `a ${item.status} action item cannot be ${what} any more`, { status: item.status });
    }
  }

  private async insertItem(
    em: EntityManager,
    councilId: string,
    council: CouncilInfo,
    dto: ActionItemFieldsDto,
    source: ResolvedSource,
    caller: Caller,
    prefix: string,
  ): Promise<string> {
    const title = this.texts(`${prefix}title`, dto.title, council, TITLE_MAX_LENGTH);
    const description = dto.description === undefined ? null : this.texts(`${prefix}description`, dto.description, council, DESCRIPTION_MAX_LENGTH);
    this.notPast(dto.dueDate, council, `${prefix}dueDate`);
    const targetValue = dto.targetValue ?? null;
    const targetUnit = dto.targetUnit?.trim() ?? null;
    try {
      this.targetShape(targetValue, targetUnit);
    } catch (err) {
      if (err instanceof InvalidInputException && prefix) {
        const p = err.problems[0]!;
        throw new InvalidInputException(`${prefix}${p.field}`, p.rule, p.message);
      }
      throw err;
    }
    const owner = await this.refs.owner(em, councilId, dto, prefix);
    if (dto.ownerUserId) await this.refs.ownerUser(em, councilId, dto.ownerUserId, owner, `${prefix}ownerUserId`);
    const values: NewActionItem = {
      title,
      description,
      ...owner,
      ownerUserId: dto.ownerUserId ?? null,
      dueDate: dto.dueDate,
      priority: dto.priority ?? 'normal',
      ...source,
      targetValue,
      targetUnit,
      createdBy: caller.userId,
    };
    return this.items.insert(em, councilId, values);
  }
}

