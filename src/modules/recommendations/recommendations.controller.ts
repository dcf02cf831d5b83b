import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateRecommendationDto } from './dto/create-recommendation.dto.js';
import { ListRecommendationsQuery } from './dto/list-recommendations.query.js';
import { RecommendationListResponse } from './dto/recommendation-list.response.js';
import { RecommendationResponse } from './dto/recommendation.response.js';
import { UpdateRecommendationDto } from './dto/update-recommendation.dto.js';
import { RecommendationsService } from './recommendations.service.js';

@ApiTags('recommendations')
@Controller('councils/:councilId/recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get()
  @RequirePermission('recommendation.read')
  @ApiOperation({ summary: "The council's recommendations by number (optionally of one focus area, by code)" })
  async list(@UuidParam('councilId') councilId: string, @Query() query: ListRecommendationsQuery): Promise<RecommendationListResponse> {
    return { items: await this.recommendations.list(councilId, query) };
  }

  @Get(':recommendationId')
  @RequirePermission('recommendation.read')
  @ApiOperation({ summary: 'One recommendation' })
  get(@UuidParam('councilId') councilId: string, @UuidParam('recommendationId') id: string): Promise<RecommendationResponse> {
    return this.recommendations.get(councilId, id);
  }

  @Post()
  @RequirePermission('recommendation.manage')
  @ApiOperation({ summary: 'Create a recommendation in a focus area (number unique in the council)' })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateRecommendationDto): Promise<RecommendationResponse> {
    return this.recommendations.create(councilId, dto);
  }

  @Patch(':recommendationId')
  @RequirePermission('recommendation.manage')
  @ApiOperation({ summary: 'Change a recommendation; requires the version read' })
  update(
    @UuidParam('councilId') councilId: string,
    @UuidParam('recommendationId') id: string,
    @Body() dto: UpdateRecommendationDto,
  ): Promise<RecommendationResponse> {
    return this.recommendations.update(councilId, id, dto);
  }
}
