import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, delegationScope } from '../../../core/auth/caller.js';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { localizedTextProblem, trimmedTexts } from '../../../core/text/localized-text.js';
import { AuditService } from '../../audit/audit.service.js';
import { type HandoverTermRow, HandoverTermsRepository } from '../timeline/handover-terms.repository.js';
import type { CreatePriorityDto } from './dto/create-priority.dto.js';
import type { PriorityListResponse, PriorityResponse } from './dto/priority.response.js';
import type { UpdatePriorityDto } from './dto/update-priority.dto.js';
import { PrioritiesRepository } from './priorities.repository.js';
import { priorityResponse } from './priorities.responses.js';

const TITLE_MAX = 300;

/**
 * A chair's priorities for its term (part of the handover dossier). Written by the delegates of the term's holder
 * (own scope: another delegation finds no such term of theirs → 404) or the secretariat, while the term has not ended.
 */
@Injectable()
export class PrioritiesService {
  constructor(
    private readonly db: DataSource,
    private readonly terms: HandoverTermsRepository,
    private readonly priorities: PrioritiesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(councilId: string, termId: string): Promise<PriorityListResponse> {
    if (!(await this.terms.findInCouncil(councilId, termId))) throw new NotFoundException('presidency term', termId);
    return { items: (await this.priorities.listByTerm(councilId, termId)).map(priorityResponse) };
  }

  async create(councilId: string, termId: string, dto: CreatePriorityDto, caller: Caller): Promise<PriorityResponse> {
    return this.db.transaction(async (em) => {
      const term = await this.writableTerm(em, councilId, termId, caller);
      const title = this.checkTitle(dto.title, term);
      const row = await this.priorities.insert(em, { councilId, termId, title, status: dto.status ?? 'planned', notes: dto.notes?.trim() ?? null });
      const after = priorityResponse(row);
      await this.audit.record(em, { councilId, action: 'presidency_priority.created', entityType: 'presidency_priority', entityId: row.id, after });
      return after;
    });
  }

  async update(councilId: string, termId: string, id: string, dto: UpdatePriorityDto, caller: Caller): Promise<PriorityResponse> {
    return this.db.transaction(async (em) => {
      const term = await this.writableTerm(em, councilId, termId, caller);
      const current = await this.priorities.find(em, councilId, termId, id);
      if (!current) throw new NotFoundException('presidency priority', id);
      const values = {
        title: dto.title !== undefined ? this.checkTitle(dto.title, term) : current.title,
        status: dto.status ?? current.status,
        notes: dto.notes === undefined ? current.notes : dto.notes === null ? null : dto.notes.trim(),
      };
      const row = await this.priorities.update(em, councilId, termId, id, dto.version, values);
      if (!row) throw new StaleVersionException('presidency priority', id, dto.version);
      const after = priorityResponse(row);
      await this.audit.record(em, {
        councilId,
        action: 'presidency_priority.updated',
        entityType: 'presidency_priority',
        entityId: id,
        before: priorityResponse(current),
        after,
      });
      return after;
    });
  }

  async remove(councilId: string, termId: string, id: string, caller: Caller): Promise<void> {
    await this.db.transaction(async (em) => {
      await this.writableTerm(em, councilId, termId, caller);
      const current = await this.priorities.find(em, councilId, termId, id);
      if (!current) throw new NotFoundException('presidency priority', id);
      await this.priorities.delete(em, councilId, termId, id);
      await this.audit.record(em, {
        councilId,
        action: 'presidency_priority.deleted',
        entityType: 'presidency_priority',
        entityId: id,
        before: priorityResponse(current),
      });
    });
  }

  /** The term, held by the caller's delegation (own scope) or any (secretariat), and not ended. */
  private async writableTerm(em: EntityManager, councilId: string, termId: string, caller: Caller): Promise<HandoverTermRow> {
    const term = await this.terms.findInCouncil(councilId, termId, em, delegationScope(caller));
    if (!term) throw new NotFoundException('presidency term', termId);
    if (term.endsAt.getTime() <= Date.now()) {
      throw new ConflictException('PRESIDENCY_TERM_ENDED', 'the priorities of a term that has ended are part of its history and cannot change', {
        endsAt: term.endsAt.toISOString(),
      });
    }
    return term;
  }

  private checkTitle(title: Record<string, string>, term: HandoverTermRow): Record<string, string> {
    const problem = localizedTextProblem('title', title, term.workingLanguages, TITLE_MAX);
    if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
    return trimmedTexts(title);
  }
}
