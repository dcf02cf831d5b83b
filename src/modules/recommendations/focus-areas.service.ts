import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateFocusAreaDto } from './dto/create-focus-area.dto.js';
import { FocusAreaResponse } from './dto/focus-area.response.js';
import { FocusAreasRepository } from './focus-areas.repository.js';
import { RecommendationsRepository } from './recommendations.repository.js';
import { focusAreaResponse, recommendationResponse } from './recommendations.responses.js';

@Injectable()
export class FocusAreasService {
  constructor(
    private readonly db: DataSource,
    private readonly focusAreas: FocusAreasRepository,
    private readonly recommendations: RecommendationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The council's focus areas by code, each with its recommendations by number. */
  async list(councilId: string): Promise<FocusAreaResponse[]> {
    if (!(await this.focusAreas.councilExists(councilId))) throw new NotFoundException('council', councilId);
    const [areas, recommendations] = await Promise.all([this.focusAreas.listByCouncil(councilId), this.recommendations.listByCouncil(councilId)]);
    return areas.map((a) =>
      focusAreaResponse(
        a,
        recommendations.filter((r) => r.focusAreaId === a.id).map((r) => recommendationResponse(r)),
      ),
    );
  }

  async create(councilId: string, dto: CreateFocusAreaDto): Promise<FocusAreaResponse> {
    return this.db.transaction(async (em) => {
      if (!(await this.focusAreas.councilExists(councilId, em))) throw new NotFoundException('council', councilId);
      const row = await this.focusAreas.insert(em, councilId, dto.code, dto.title.trim());
      const response = focusAreaResponse(row, []);
      await this.audit.record(em, {
        councilId,
        action: 'focus_area.created',
        entityType: 'focus_area',
        entityId: row.id,
        after: { id: row.id, code: row.code, title: row.title },
      });
      return response;
    });
  }
}
