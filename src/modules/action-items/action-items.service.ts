import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { settleCaller } from '../../core/auth/auth.guard.js';
import { type Caller, type PendingCaller, requireDelegation } from '../../core/auth/caller.js';
import { resolvedFromRow } from '../../core/auth/caller.repository.js';
import { InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { DEFAULT_PAGE_SIZE } from '../../core/http/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilReferencesRepository } from '../councils/council-references.repository.js';
import { councilOf, councilTexts, notPast, targetShape } from './action-item-checks.js';
import { ActionItemReferences, type ResolvedSource } from './action-item-references.js';
import { ActionItemWritesRepository } from './action-item-writes.repository.js';
import {
  type ActionItemFilterValues,
  type ActionItemRow,
  ActionItemsRepository,
  type CouncilInfo,
  type MineScope,
  type NewActionItem,
} from './action-items.repository.js';
import { actionItemResponse, updateResponse } from './action-items.responses.js';
import type { ActionItemFilters, ActionItemsQuery, MyActionItemFilters, MyActionItemsQuery } from './dto/action-item-filters.query.js';
import type { ActionItemUpdateListResponse } from './dto/action-item-update.response.js';
import type { ActionItemCountsResponse, ActionItemListResponse, ActionItemPageResponse, ActionItemResponse } from './dto/action-item.response.js';
import type { ActionItemFieldsDto, CreateActionItemDto } from './dto/create-action-item.dto.js';
import type { CreateDecisionActionItemsDto } from './dto/create-decision-action-items.dto.js';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from './dto/owner-fields.js';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from './entities/action-item.entity.js';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';
import { ActionItemRemindersScheduler } from './reminders/action-item-reminders.scheduler.js';

/**
 * Action items read and created: lists (keyset-paged, "mine"), counts, one item and its history; new items,
 * by the secretariat or the chair, also from an adopted decision. Each creation is one transaction with its
 * audit row, and plans the item's reminders. What happens to an item afterwards is ActionItemChangesService.
 */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly db: DataSource,
    private readonly items: ActionItemsRepository,
    private readonly writes: ActionItemWritesRepository,
    private readonly audit: AuditService,
    private readonly reminders: ActionItemRemindersScheduler,
    private readonly council: CouncilReferencesRepository,
  ) {}

  /** The council's rows a new item refers to (its source, its owner), checked. */
  private readonly refs = new ActionItemReferences(this.council);

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
      const council = await councilOf(this.items, em, councilId);
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
      const council = await councilOf(this.items, em, councilId);
      const decision = await this.refs.adoptedDecision(em, councilId, decisionId, 'decisionId');
      const created: ActionItemResponse[] = [];
      for (const [i, item] of dto.items.entries()) {
        const source = { sourceKind: 'decision' as const, decisionId, meetingId: decision.meetingId, recommendationId: null };
        if (item.recommendationId && !(await this.council.hasRecommendation(councilId, item.recommendationId, em))) {
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
    const delegationId = requireDelegation(caller, "only a delegate has a delegation's items; use the council's list (GET …/action-items)", 'action_item.read');
    return { delegationId, participantId: caller.participantId };
  }

  /** Who may write, as a WHERE condition: council-wide, or the caller's delegation as owner (or lead, for verifying body items). */
  private async insertItem(
    em: EntityManager,
    councilId: string,
    council: CouncilInfo,
    dto: ActionItemFieldsDto,
    source: ResolvedSource,
    caller: Caller,
    prefix: string,
  ): Promise<string> {
    const title = councilTexts(`${prefix}title`, dto.title, council, TITLE_MAX_LENGTH);
    const description = dto.description === undefined ? null : councilTexts(`${prefix}description`, dto.description, council, DESCRIPTION_MAX_LENGTH);
    notPast(dto.dueDate, council, `${prefix}dueDate`);
    const targetValue = dto.targetValue ?? null;
    const targetUnit = dto.targetUnit?.trim() ?? null;
    try {
      targetShape(targetValue, targetUnit);
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
    return this.writes.insert(em, councilId, values);
  }
}
