import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../../core/auth/caller.js';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { titleProblem, trimTitle } from '../agenda/agenda-rules.js';
import { AgendaService } from '../agenda/agenda.service.js';
import { MeetingsRepository } from '../meetings.repository.js';
import { type BacklogItemRow, type BacklogItemValues, BacklogRepository } from './backlog.repository.js';
import type { BacklogItemResponse } from './dto/backlog-item.response.js';
import type { BacklogListResponse } from './dto/backlog-list.response.js';
import type { BacklogVersionDto } from './dto/backlog-version.dto.js';
import type { CreateBacklogItemDto } from './dto/create-backlog-item.dto.js';
import type { ListBacklogQuery } from './dto/list-backlog.query.js';
import type { ScheduleBacklogItemDto } from './dto/schedule-backlog-item.dto.js';
import type { ScheduledBacklogItemResponse } from './dto/scheduled-backlog-item.response.js';
import type { UpdateBacklogItemDto } from './dto/update-backlog-item.dto.js';
import { backlogItemResponse } from './backlog.responses.js';

/**
 * The backlog of a body: items any delegation of the council (or the
 * secretariat) proposes for a future meeting; the proposing delegation (or
 * the secretariat) edits or withdraws them while proposed; the secretariat
 * schedules one onto the agenda of a meeting of the same body, through the
 * agenda service (same rules: supplementary after circulation, refused after
 * the supplementary deadline). Each change is one transaction with its audit row.
 */
@Injectable()
export class BacklogService {
  constructor(
    private readonly db: DataSource,
    private readonly backlog: BacklogRepository,
    private readonly agenda: AgendaService,
    private readonly meetings: MeetingsRepository,
    private readonly audit: AuditService,
  ) {}

  async propose(councilId: string, bodyId: string, dto: CreateBacklogItemDto, caller: Caller): Promise<BacklogItemResponse> {
    return this.db.transaction(async (em) => {
      const languages = await this.languagesOf(em, councilId, bodyId);
      const values: BacklogItemValues = { title: this.checkedTitle(dto.title, languages), purpose: dto.purpose, description: dto.description?.trim() ?? null };
      const id = await this.backlog.insert(em, councilId, bodyId, values, caller.userId, caller.delegationId);
      const created = backlogItemResponse((await this.backlog.find(em, councilId, bodyId, id))!);
      await this.audit.record(em, { councilId, action: 'backlog_item.proposed', entityType: 'backlog_item', entityId: id, after: created });
      return created;
    });
  }

  async list(councilId: string, bodyId: string, q: ListBacklogQuery): Promise<BacklogListResponse> {
    await this.languagesOf(this.db.manager, councilId, bodyId);
    return { items: (await this.backlog.list(councilId, bodyId, q.status)).map(backlogItemResponse) };
  }

  /** `scope`: the caller's delegation (only its own items are found), or null for the secretariat. */
  async update(councilId: string, bodyId: string, itemId: string, dto: UpdateBacklogItemDto, scope: string | null): Promise<BacklogItemResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.lockProposed(em, councilId, bodyId, itemId, dto.version, scope);
      const next: BacklogItemValues = {
        title: dto.title !== undefined ? this.checkedTitle(dto.title, await this.languagesOf(em, councilId, bodyId)) : current.title,
        purpose: dto.purpose ?? current.purpose,
        description: dto.description === undefined ? current.description : (dto.description?.trim() ?? null),
      };
      if (!(await this.backlog.updateVersioned(em, councilId, itemId, dto.version, next, scope)))
        throw new StaleVersionException('backlog item', itemId, dto.version);
      const after = backlogItemResponse((await this.backlog.find(em, councilId, bodyId, itemId))!);
      await this.audit.record(em, {
        councilId,
        action: 'backlog_item.updated',
        entityType: 'backlog_item',
        entityId: itemId,
        before: backlogItemResponse(current),
        after,
      });
      return after;
    });
  }

  async withdraw(councilId: string, bodyId: string, itemId: string, dto: BacklogVersionDto, scope: string | null): Promise<BacklogItemResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.lockProposed(em, councilId, bodyId, itemId, dto.version, scope);
      if (!(await this.backlog.withdraw(em, councilId, itemId, dto.version, scope))) throw new StaleVersionException('backlog item', itemId, dto.version);
      const after = backlogItemResponse((await this.backlog.find(em, councilId, bodyId, itemId))!);
      await this.audit.record(em, {
        councilId,
        action: 'backlog_item.withdrawn',
        entityType: 'backlog_item',
        entityId: itemId,
        before: backlogItemResponse(current),
        after,
      });
      return after;
    });
  }

  /**
   * Puts a proposed item on the agenda of a meeting of the same body, presented
   * by the participant whose delegation proposed it; the item becomes scheduled.
   */
  async schedule(
    councilId: string,
    bodyId: string,
    itemId: string,
    dto: ScheduleBacklogItemDto,
    caller: Caller,
    now: Date = new Date(),
  ): Promise<ScheduledBacklogItemResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.lockProposed(em, councilId, bodyId, itemId, dto.version, null);
      const meeting = await this.meetings.find(councilId, dto.meetingId, em);
      if (!meeting) throw new NotFoundException('meeting', dto.meetingId);
      if (meeting.bodyId !== bodyId) {
        throw new ConflictException(
          'MEETING_OF_OTHER_BODY',
          "a backlog item is scheduled on a meeting of its own body; this meeting is not the body's",
          {
            bodyId,
            meetingBodyId: meeting.bodyId,
          },
          'meetingId',
        );
      }
      const presenter = current.proposedByDelegationId ? await this.backlog.participantOfDelegation(em, councilId, current.proposedByDelegationId) : undefined;
      const agendaItem = await this.agenda.addItem(
        councilId,
        dto.meetingId,
        {
          title: current.title,
          purpose: current.purpose,
          ...(presenter ? { presenterParticipantId: presenter } : {}),
          ...(dto.minutesAllotted !== undefined ? { minutesAllotted: dto.minutesAllotted } : {}),
        },
        caller,
        now,
        em,
      );
      if (!(await this.backlog.markScheduled(em, councilId, itemId, dto.version, agendaItem.id)))
        throw new StaleVersionException('backlog item', itemId, dto.version);
      const after = backlogItemResponse((await this.backlog.find(em, councilId, bodyId, itemId))!);
      await this.audit.record(em, {
        councilId,
        action: 'backlog_item.scheduled',
        entityType: 'backlog_item',
        entityId: itemId,
        before: backlogItemResponse(current),
        after,
      });
      return { backlogItem: after, agendaItem };
    });
  }

  /** The item, locked, at the version read and still proposed; 404 outside the scope. */
  private async lockProposed(
    em: EntityManager,
    councilId: string,
    bodyId: string,
    itemId: string,
    version: number,
    scope: string | null,
  ): Promise<BacklogItemRow> {
    const current = await this.backlog.find(em, councilId, bodyId, itemId, scope, true);
    if (!current) throw new NotFoundException('backlog item', itemId);
    if (current.version !== version) throw new StaleVersionException('backlog item', itemId, version);
    if (current.status !== 'proposed') {
      throw new ConflictException(
        'BACKLOG_ITEM_NOT_PROPOSED',
        `a ${current.status} backlog item can no longer change${current.status === 'scheduled' ? ': withdraw the agenda item instead' : ''}`,
        {
          status: current.status,
          agendaItemId: current.agendaItemId,
        },
      );
    }
    return current;
  }

  private async languagesOf(em: EntityManager, councilId: string, bodyId: string): Promise<string[]> {
    const languages = await this.backlog.bodyLanguages(councilId, bodyId, em);
    if (!languages) throw new NotFoundException('body', bodyId);
    return languages;
  }

  private checkedTitle(title: Record<string, string>, languages: string[]): Record<string, string> {
    const problem = titleProblem(title, languages);
    if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
    return trimTitle(title);
  }
}
