import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilsRepository } from '../councils/councils.repository.js';
import { DelegatesRepository } from './delegates.repository.js';
import { DelegationsRepository } from './delegations.repository.js';
import { DelegationDetailResponse } from './dto/delegation-detail.response.js';
import { DelegationListResponse } from './dto/delegation-list.response.js';
import { DelegationResponse } from './dto/delegation.response.js';
import type { UpdateDelegationDto } from './dto/update-delegation.dto.js';
import { delegationDetailResponse, delegationResponse } from './delegations.responses.js';

/** Delegations are created with their participant (ParticipantsService); here they are read and edited. */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly db: DataSource,
    private readonly delegations: DelegationsRepository,
    private readonly delegates: DelegatesRepository,
    private readonly councils: CouncilsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(councilId: string): Promise<DelegationListResponse> {
    const rows = await this.delegations.listByCouncil(councilId);
    if (rows.length === 0 && !(await this.councils.exists(councilId))) throw new NotFoundException('council', councilId);
    const list = new DelegationListResponse();
    list.items = rows.map((r) => delegationResponse(r));
    return list;
  }

  async get(councilId: string, delegationId: string): Promise<DelegationDetailResponse> {
    const row = await this.delegations.findViewInCouncil(councilId, delegationId);
    if (!row) throw new NotFoundException('delegation', delegationId);
    const delegates = await this.delegates.listByDelegation(councilId, delegationId);
    return delegationDetailResponse(row, delegates);
  }

  async update(councilId: string, delegationId: string, dto: UpdateDelegationDto, onlyDelegation: string | null): Promise<DelegationResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.delegations.findInCouncilForUpdate(em, councilId, delegationId, onlyDelegation);
      if (!current) throw new NotFoundException('delegation', delegationId);
      if (current.version !== dto.version) throw new StaleVersionException('delegation', delegationId, dto.version);
      const before = delegationResponse((await this.delegations.findViewInCouncil(councilId, delegationId, em))!);
      const row = await this.delegations.updateVersioned(em, councilId, delegationId, dto.version, { name: dto.name?.trim(), contactEmail: dto.contactEmail });
      if (!row) throw new StaleVersionException('delegation', delegationId, dto.version);
      const after = delegationResponse((await this.delegations.findViewInCouncil(councilId, delegationId, em))!);
      await this.audit.record(em, { councilId, action: 'delegation.updated', entityType: 'delegation', entityId: delegationId, before, after });
      return after;
    });
  }
}
