import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { BodiesRepository, type BodyChanges, type BodyRow } from './bodies.repository.js';
import { BodyLeadsRepository } from './body-leads.repository.js';
import type { CreateBodyDto } from './dto/create-body.dto.js';
import { BodyResponse } from './dto/body.response.js';
import type { ListBodiesQuery } from './dto/list-bodies.query.js';
import type { UpdateBodyDto } from './dto/update-body.dto.js';
import { bodyResponse } from './bodies.responses.js';

@Injectable()
export class BodiesService {
  constructor(
    private readonly db: DataSource,
    private readonly bodies: BodiesRepository,
    private readonly leads: BodyLeadsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The council's bodies, each with its current leads. */
  async list(councilId: string, query: ListBodiesQuery): Promise<BodyResponse[]> {
    await this.requireCouncil(councilId);
    const rows = await this.bodies.listByCouncil(councilId, { kind: query.kind, status: query.status });
    const leads = await this.leads.listCurrentForBodies(
      councilId,
      rows.map((b) => b.id),
    );
    return rows.map((b) =>
      bodyResponse(
        b,
        leads.filter((l) => l.bodyId === b.id),
      ),
    );
  }

  /** One body with all its leads, past, current and future. */
  async get(councilId: string, bodyId: string): Promise<BodyResponse> {
    const body = await this.bodies.findInCouncil(councilId, bodyId);
    if (!body) throw new NotFoundException('body', bodyId);
    return bodyResponse(body, await this.leads.listForBody(councilId, bodyId));
  }

  async create(councilId: string, dto: CreateBodyDto): Promise<BodyResponse> {
    const values = {
      kind: dto.kind,
      name: dto.name.trim(),
      description: dto.description ?? null,
      mandateStart: dto.mandateStart ?? null,
      mandateEnd: dto.mandateEnd ?? null,
    };
    checkMandate(values.kind, values.mandateStart, values.mandateEnd);
    return this.db.transaction(async (em) => {
      if (!(await this.bodies.councilExists(councilId, em))) throw new NotFoundException('council', councilId);
      const row = await this.bodies.insert(em, councilId, values);
      const response = bodyResponse(row, []);
      await this.audit.record(em, { councilId, action: 'body.created', entityType: 'body', entityId: row.id, after: response });
      return response;
    });
  }

  async update(councilId: string, bodyId: string, dto: UpdateBodyDto): Promise<BodyResponse> {
    const { version, ...fields } = dto;
    if (Object.values(fields).every((v) => v === undefined)) {
      throw new InvalidInputException('body', 'not_empty', 'nothing to change: give at least one of name, description, mandateStart, mandateEnd, status');
    }
    return this.db.transaction(async (em) => {
      const current = await this.bodies.lockInCouncil(em, councilId, bodyId);
      if (!current) throw new NotFoundException('body', bodyId);
      if (current.version !== version) throw new StaleVersionException('body', bodyId, version);
      const changes: BodyChanges = {
        name: fields.name === undefined ? current.name : fields.name.trim(),
        description: fields.description === undefined ? current.description : fields.description,
        mandateStart: fields.mandateStart === undefined ? current.mandateStart : fields.mandateStart,
        mandateEnd: fields.mandateEnd === undefined ? current.mandateEnd : fields.mandateEnd,
        status: fields.status ?? current.status,
      };
      checkMandate(current.kind, changes.mandateStart, changes.mandateEnd);
      const updated = await this.bodies.updateIfVersion(em, councilId, bodyId, version, changes);
      if (!updated) throw new StaleVersionException('body', bodyId, version);
      const leads = await this.leads.listForBody(councilId, bodyId, em);
      const before = bodyResponse(current, leads);
      const after = bodyResponse(updated, leads);
      await this.audit.record(em, {
        councilId,
        action: 'body.updated',
        entityType: 'body',
        entityId: bodyId,
        before: withoutLeads(before),
        after: withoutLeads(after),
      });
      return after;
    });
  }

  private async requireCouncil(councilId: string): Promise<void> {
    if (!(await this.bodies.councilExists(councilId))) throw new NotFoundException('council', councilId);
  }
}

function checkMandate(kind: BodyRow['kind'], mandateStart: string | null, mandateEnd: string | null): void {
  if (kind === 'task_force' && mandateEnd === null) {
    throw new InvalidInputException('mandateEnd', 'required_for_task_force', 'mandateEnd is required for a task force (its mandate is time-limited)');
  }
  if (mandateStart !== null && mandateEnd !== null && mandateStart >= mandateEnd) {
    throw new InvalidInputException('mandateEnd', 'after_mandate_start', 'mandateEnd must be after mandateStart');
  }
}

function withoutLeads(body: BodyResponse): Omit<BodyResponse, 'leads'> {
  const { leads: _leads, ...rest } = body;
  return rest;
}
