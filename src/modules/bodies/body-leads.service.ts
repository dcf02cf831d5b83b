import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilReferencesRepository } from '../councils/council-references.repository.js';
import { BodiesRepository } from './bodies.repository.js';
import { BodyLeadsRepository } from './body-leads.repository.js';
import type { CreateBodyLeadDto } from './dto/create-body-lead.dto.js';
import { BodyLeadResponse } from './dto/body-lead.response.js';
import { isOrderedPeriod, toDateRangeLiteral } from './lead-period.js';
import { bodyLeadResponse } from './bodies.responses.js';

@Injectable()
export class BodyLeadsService {
  constructor(
    private readonly db: DataSource,
    private readonly bodies: BodiesRepository,
    private readonly leads: BodyLeadsRepository,
    private readonly audit: AuditService,
    private readonly council: CouncilReferencesRepository,
  ) {}

  /** A participant of the council leads the body from `from` until `until` (exclusive; open-ended when absent). */
  async add(councilId: string, bodyId: string, dto: CreateBodyLeadDto): Promise<BodyLeadResponse> {
    const period = { from: dto.from, until: dto.until ?? null };
    if (!isOrderedPeriod(period)) throw new InvalidInputException('until', 'after_from', 'until must be after from');
    return this.db.transaction(async (em) => {
      // Locks the body so a lead is never added to a body being changed or closed concurrently.
      const body = await this.bodies.lockInCouncil(em, councilId, bodyId);
      if (!body) throw new NotFoundException('body', bodyId);
      if (!(await this.council.hasParticipant(councilId, dto.participantId, em))) throw new NotFoundException('participant', dto.participantId);
      const id = await this.leads.insert(em, councilId, bodyId, dto.participantId, toDateRangeLiteral(period));
      const lead = bodyLeadResponse((await this.leads.findInBody(em, councilId, bodyId, id))!);
      await this.audit.record(em, { councilId, action: 'body_lead.added', entityType: 'body_lead', entityId: id, after: lead });
      return lead;
    });
  }

  async remove(councilId: string, bodyId: string, leadId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const lead = await this.leads.findInBody(em, councilId, bodyId, leadId);
      if (!lead || !(await this.leads.delete(em, councilId, bodyId, leadId))) throw new NotFoundException('body lead', leadId);
      await this.audit.record(em, { councilId, action: 'body_lead.removed', entityType: 'body_lead', entityId: leadId, before: bodyLeadResponse(lead) });
    });
  }
}
