import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { COUNCIL_DEFAULTS, DEFAULT_MEETING_RULES } from './council-defaults.js';
import { type CouncilValues, CouncilsRepository } from './councils.repository.js';
import { CouncilListResponse } from './dto/council-list.response.js';
import { CouncilResponse } from './dto/council.response.js';
import type { CreateCouncilDto } from './dto/create-council.dto.js';
import type { UpdateCouncilDto } from './dto/update-council.dto.js';
import { changedKinds, meetingRulesProblem, mergeMeetingRules } from './meeting-rules.js';
import { councilResponse } from './councils.responses.js';

@Injectable()
export class CouncilsService {
  constructor(
    private readonly db: DataSource,
    private readonly councils: CouncilsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateCouncilDto): Promise<CouncilResponse> {
    const rules = mergeMeetingRules(DEFAULT_MEETING_RULES, dto.meetingRules);
    const problem = meetingRulesProblem(rules);
    if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
    return this.db.transaction(async (em) => {
      const row = await this.councils.insert(em, {
        slug: dto.slug,
        name: dto.name.trim(),
        workingLanguages: dto.workingLanguages,
        termMonths: dto.termMonths ?? COUNCIL_DEFAULTS.termMonths,
        rotationPolicy: dto.rotationPolicy ?? COUNCIL_DEFAULTS.rotationPolicy,
        quorumRatio: dto.quorumRatio ?? COUNCIL_DEFAULTS.quorumRatio,
        timeZone: dto.timeZone,
      });
      await this.councils.saveMeetingRules(em, row.id, rules);
      const council = councilResponse(row, rules);
      await this.audit.record(em, { councilId: row.id, action: 'council.created', entityType: 'council', entityId: row.id, after: council });
      return council;
    });
  }

  async list(): Promise<CouncilListResponse> {
    const rows = await this.councils.list();
    const rules = await this.councils.meetingRulesOfAll(rows.map((r) => r.id));
    const list = new CouncilListResponse();
    list.items = rows.map((row) => councilResponse(row, mergeMeetingRules(DEFAULT_MEETING_RULES, rules.get(row.id))));
    return list;
  }

  async get(councilId: string): Promise<CouncilResponse> {
    const row = await this.councils.findById(councilId);
    if (!row) throw new NotFoundException('council', councilId);
    // Every council gets all four kinds on create; the defaults only fill a kind that is somehow missing.
    const rules = mergeMeetingRules(DEFAULT_MEETING_RULES, await this.councils.meetingRulesOf(councilId));
    return councilResponse(row, rules);
  }

  async update(councilId: string, dto: UpdateCouncilDto): Promise<CouncilResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.councils.findForUpdate(em, councilId);
      if (!current) throw new NotFoundException('council', councilId);
      if (current.version !== dto.version) throw new StaleVersionException('council', councilId, dto.version);
      const currentRules = mergeMeetingRules(DEFAULT_MEETING_RULES, await this.councils.meetingRulesOf(councilId, em));
      const rules = mergeMeetingRules(currentRules, dto.meetingRules);
      const problem = meetingRulesProblem(rules);
      if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);

      const changes: Partial<CouncilValues> = {
        slug: dto.slug,
        name: dto.name?.trim(),
        workingLanguages: dto.workingLanguages,
        termMonths: dto.termMonths,
        rotationPolicy: dto.rotationPolicy,
        quorumRatio: dto.quorumRatio,
        timeZone: dto.timeZone,
      };
      const row = await this.councils.updateVersioned(em, councilId, dto.version, changes);
      if (!row) throw new StaleVersionException('council', councilId, dto.version);
      const changed = changedKinds(currentRules, rules);
      if (changed.length > 0) await this.councils.saveMeetingRules(em, councilId, Object.fromEntries(changed.map((k) => [k, rules[k]])));

      const before = councilResponse(current, currentRules);
      const after = councilResponse(row, rules);
      await this.audit.record(em, { councilId, action: 'council.updated', entityType: 'council', entityId: councilId, before, after });
      return after;
    });
  }
}
