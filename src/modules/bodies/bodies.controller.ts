import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BodiesService } from './bodies.service.js';
import { BodyListResponse } from './dto/body-list.response.js';
import { BodyResponse } from './dto/body.response.js';
import { CreateBodyDto } from './dto/create-body.dto.js';
import { ListBodiesQuery } from './dto/list-bodies.query.js';
import { UpdateBodyDto } from './dto/update-body.dto.js';

@ApiTags('bodies')
@Controller('councils/:councilId/bodies')
export class BodiesController {
  constructor(private readonly bodies: BodiesService) {}

  @Get()
  @RequirePermission('body.read')
  @ApiOperation({ summary: "The council's working groups, task forces and thematic networks, each with its current leads" })
  async list(@UuidParam('councilId') councilId: string, @Query() query: ListBodiesQuery): Promise<BodyListResponse> {
    return { items: await this.bodies.list(councilId, query) };
  }

  @Get(':bodyId')
  @RequirePermission('body.read')
  @ApiOperation({ summary: 'One body with all its leads' })
  get(@UuidParam('councilId') councilId: string, @UuidParam('bodyId') bodyId: string): Promise<BodyResponse> {
    return this.bodies.get(councilId, bodyId);
  }

  @Post()
  @RequirePermission('body.manage')
  @ApiOperation({ summary: 'Create a body (a task force needs a mandate end date)' })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateBodyDto): Promise<BodyResponse> {
    return this.bodies.create(councilId, dto);
  }

  @Patch(':bodyId')
  @RequirePermission('body.manage')
  @ApiOperation({ summary: 'Change a body (name, description, mandate, status); requires the version read' })
  update(@UuidParam('councilId') councilId: string, @UuidParam('bodyId') bodyId: string, @Body() dto: UpdateBodyDto): Promise<BodyResponse> {
    return this.bodies.update(councilId, bodyId, dto);
  }
}
