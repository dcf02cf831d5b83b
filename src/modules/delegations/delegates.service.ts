import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, DomainException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { DelegatesRepository } from './delegates.repository.js';
import { DelegationsRepository } from './delegations.repository.js';
import type { CreateDelegateDto } from './dto/create-delegate.dto.js';
import { DelegateListResponse } from './dto/delegate-list.response.js';
import { DelegateResponse } from './dto/delegate.response.js';
import type { UpdateDelegateDto } from './dto/update-delegate.dto.js';
import { delegateResponse } from './delegations.responses.js';

@Injectable()
export class DelegatesService {
  constructor(
    private readonly db: DataSource,
    private readonly delegations: DelegationsRepository,
    private readonly delegates: DelegatesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(councilId: string, delegationId: string, dto: CreateDelegateDto, onlyDelegation: string | null): Promise<DelegateResponse> {
    return this.db.transaction(async (em) => {
      // Locking the delegation serialises its delegates' changes, so the one-head check below cannot race.
      if (!(await this.delegations.findInCouncilForUpdate(em, councilId, delegationId, onlyDelegation)))
        throw new NotFoundException('delegation', delegationId);
      if (dto.role === 'head') await this.assertNoOtherHead(em, delegationId, null);
      const row = await this.delegates.insert(em, {
        councilId,
        delegationId,
        fullName: dto.fullName.trim(),
        email: dto.email,
        role: dto.role,
        preferredLanguage: dto.preferredLanguage ?? 'en',
        timeZone: dto.timeZone ?? 'UTC',
      });
      const delegate = delegateResponse(row);
      await this.audit.record(em, { councilId, action: 'delegate.created', entityType: 'delegate', entityId: row.id, after: delegate });
      return delegate;
    });
  }

  async list(councilId: string, delegationId: string): Promise<DelegateListResponse> {
    if (!(await this.delegations.existsInCouncil(councilId, delegationId))) throw new NotFoundException('delegation', delegationId);
    const list = new DelegateListResponse();
    list.items = (await this.delegates.listByDelegation(councilId, delegationId)).map((r) => delegateResponse(r));
    return list;
  }

  async update(councilId: string, delegationId: string, delegateId: string, dto: UpdateDelegateDto, onlyDelegation: string | null): Promise<DelegateResponse> {
    return this.db.transaction(async (em) => {
      if (!(await this.delegations.findInCouncilForUpdate(em, councilId, delegationId, onlyDelegation)))
        throw new NotFoundException('delegation', delegationId);
      const current = await this.delegates.findInDelegationForUpdate(em, councilId, delegationId, delegateId);
      if (!current) throw new NotFoundException('delegate', delegateId);
      if (current.version !== dto.version) throw new StaleVersionException('delegate', delegateId, dto.version);
      const role = dto.role ?? current.role;
      const active = dto.active ?? current.active;
      // A seat the secretariat or the delegation closed gives access back only through the secretariat.
      if (onlyDelegation !== null && active && !current.active) {
        throw new DomainException('REACTIVATION_NEEDS_SECRETARIAT', 403, 'only the secretariat can reactivate a deactivated delegate', [
          { field: 'active', rule: 'secretariat_only', message: 'only the secretariat can reactivate a deactivated delegate' },
        ]);
      }
      if (role === 'head' && active && !(current.role === 'head' && current.active)) await this.assertNoOtherHead(em, delegationId, delegateId);

      const row = await this.delegates.updateVersioned(em, councilId, delegationId, delegateId, dto.version, {
        fullName: dto.fullName?.trim(),
        email: dto.email,
        role: dto.role,
        preferredLanguage: dto.preferredLanguage,
        timeZone: dto.timeZone,
        active: dto.active,
      });
      if (!row) throw new StaleVersionException('delegate', delegateId, dto.version);
      const before = delegateResponse(current);
      const after = delegateResponse(row);
      const action = current.active && !row.active ? 'delegate.deactivated' : !current.active && row.active ? 'delegate.reactivated' : 'delegate.updated';
      await this.audit.record(em, { councilId, action, entityType: 'delegate', entityId: delegateId, before, after });
      return after;
    });
  }

  /**
   * DELETE deactivates rather than erases: the delegate's past (audit trail,
   * attendance, action items they owned) keeps pointing at a real row, and the
   * email stays taken in the delegation (reactivate with PATCH active=true).
   * Deactivating an inactive delegate changes nothing and writes no audit row.
   */
  async deactivate(councilId: string, delegationId: string, delegateId: string, onlyDelegation: string | null): Promise<DelegateResponse> {
    return this.db.transaction(async (em) => {
      if (!(await this.delegations.findInCouncilForUpdate(em, councilId, delegationId, onlyDelegation)))
        throw new NotFoundException('delegation', delegationId);
      const current = await this.delegates.findInDelegationForUpdate(em, councilId, delegationId, delegateId);
      if (!current) throw new NotFoundException('delegate', delegateId);
      if (!current.active) return delegateResponse(current);
      const row = await this.delegates.updateVersioned(em, councilId, delegationId, delegateId, current.version, { active: false });
      if (!row) throw new StaleVersionException('delegate', delegateId, current.version);
      const before = delegateResponse(current);
      const after = delegateResponse(row);
      await this.audit.record(em, { councilId, action: 'delegate.deactivated', entityType: 'delegate', entityId: delegateId, before, after });
      return after;
    });
  }

  private async assertNoOtherHead(em: EntityManager, delegationId: string, selfId: string | null): Promise<void> {
    const head = await this.delegates.activeHeadOf(em, delegationId, selfId);
    if (head) {
      throw new ConflictException(
        'HEAD_OF_DELEGATION_EXISTS',
        'the delegation already has an active head of delegation; change or deactivate that delegate first',
        { headId: head },
        'role',
      );
    }
  }
}
