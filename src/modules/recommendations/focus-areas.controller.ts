import { Body, Controller, Get, Post } from '@nestjs/common';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateFocusAreaDto } from './dto/create-focus-area.dto.js';
import { FocusAreaListResponse } from './dto/focus-area-list.response.js';
import { FocusAreaResponse } from './dto/focus-area.response.js';
import { FocusAreasService } from './focus-areas.service.js';

@ApiTags('recommendations')
@Controller('councils/:councilId/focus-areas')
export class FocusAreasController {
  constructor(private readonly focusAreas: FocusAreasService) {}

  @Get()
  @RequirePermission('recommendation.read')
  @ApiOperation({ summary: "The council's focus areas, each with its recommendations" })
  async list(@UuidParam('councilId') councilId: string): Promise<FocusAreaListResponse> {
    return { items: await this.focusAreas.list(councilId) };
  }

  @Post()
  @RequirePermission('recommendation.manage')
  @ApiOperation({ summary: 'Create a focus area (code unique in the council)' })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateFocusAreaDto): Promise<FocusAreaResponse> {
    return this.focusAreas.create(councilId, dto);
  }
}
