import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidInputException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateRecommendationDto } from './dto/create-recommendation.dto.js';
import type { ListRecommendationsQuery } from './dto/list-recommendations.query.js';
import { RecommendationResponse } from './dto/recommendation.response.js';
import type { UpdateRecommendationDto } from './dto/update-recommendation.dto.js';
import { FocusAreasRepository } from './focus-areas.repository.js';
import { RecommendationsRepository, type RecommendationValues } from './recommendations.repository.js';
import { recommendationResponse } from './recommendations.responses.js';

@Injectable()
export class RecommendationsService {
  constructor(
    private readonly db: DataSource,
    private readonly recommendations: RecommendationsRepository,
    private readonly focusAreas: FocusAreasRepository,
    private readonly audit: AuditService,
  ) {}

  async list(councilId: string, query: ListRecommendationsQuery): Promise<RecommendationResponse[]> {
    if (!(await this.focusAreas.councilExists(councilId))) throw new NotFoundException('council', councilId);
    const rows = await this.recommendations.listByCouncil(councilId, query.focusArea);
    return rows.map((r) => recommendationResponse(r));
  }

  async get(councilId: string, id: string): Promise<RecommendationResponse> {
    const row = await this.recommendations.findInCouncil(councilId, id);
    if (!row) throw new NotFoundException('recommendation', id);
    return recommendationResponse(row);
  }

  async create(councilId: string, dto: CreateRecommendationDto): Promise<RecommendationResponse> {
    return this.db.transaction(async (em) => {
      if (!(await this.focusAreas.councilExists(councilId, em))) throw new NotFoundException('council', councilId);
      await this.requireFocusArea(em, councilId, dto.focusAreaId);
      const id = await this.recommendations.insert(em, councilId, {
        focusAreaId: dto.focusAreaId,
        number: dto.number,
        title: dto.title.trim(),
        body: dto.body,
        whoShouldAct: dto.whoShouldAct ?? null,
      });
      const created = recommendationResponse((await this.recommendations.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, { councilId, action: 'recommendation.created', entityType: 'recommendation', entityId: id, after: created });
      return created;
    });
  }

  async update(councilId: string, id: string, dto: UpdateRecommendationDto): Promise<RecommendationResponse> {
    const { version, ...fields } = dto;
    if (Object.values(fields).every((v) => v === undefined)) {
      throw new InvalidInputException('recommendation', 'not_empty', 'nothing to change: give at least one of focusAreaId, number, title, body, whoShouldAct');
    }
    return this.db.transaction(async (em) => {
      const current = await this.recommendations.lockInCouncil(em, councilId, id);
      if (!current) throw new NotFoundException('recommendation', id);
      if (current.version !== version) throw new StaleVersionException('recommendation', id, version);
      if (fields.focusAreaId !== undefined && fields.focusAreaId !== current.focusAreaId) await this.requireFocusArea(em, councilId, fields.focusAreaId);
      const values: RecommendationValues = {
        focusAreaId: fields.focusAreaId ?? current.focusAreaId,
        number: fields.number ?? current.number,
        title: fields.title === undefined ? current.title : fields.title.trim(),
        body: fields.body ?? current.body,
        whoShouldAct: fields.whoShouldAct === undefined ? current.whoShouldAct : fields.whoShouldAct,
      };
      if (!(await this.recommendations.updateIfVersion(em, councilId, id, version, values))) throw new StaleVersionException('recommendation', id, version);
      const updated = recommendationResponse((await this.recommendations.findInCouncil(councilId, id, em))!);
      await this.audit.record(em, {
        councilId,
        action: 'recommendation.updated',
        entityType: 'recommendation',
        entityId: id,
        before: recommendationResponse(current),
        after: updated,
      });
      return updated;
    });
  }

  private async requireFocusArea(em: EntityManager, councilId: string, focusAreaId: string): Promise<void> {
    if (!(await this.focusAreas.findInCouncil(em, councilId, focusAreaId))) throw new NotFoundException('focus area', focusAreaId);
  }
}
