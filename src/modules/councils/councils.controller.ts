import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CouncilsService } from './councils.service.js';
import { CouncilListResponse } from './dto/council-list.response.js';
import { CouncilResponse } from './dto/council.response.js';
import { CreateCouncilDto } from './dto/create-council.dto.js';
import { UpdateCouncilDto } from './dto/update-council.dto.js';

@ApiTags('councils')
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Post()
  @RequirePermission('council.create')
  @ApiOperation({ summary: 'Create a council, with its meeting rules (defaults unless overridden per kind)' })
  @ApiCreatedResponse({ type: CouncilResponse })
  create(@Body() dto: CreateCouncilDto): Promise<CouncilResponse> {
    return this.councils.create(dto);
  }

  @Get()
  @RequirePermission('council.read')
  @ApiOperation({ summary: 'List the councils' })
  @ApiOkResponse({ type: CouncilListResponse })
  list(): Promise<CouncilListResponse> {
    return this.councils.list();
  }

  @Get(':councilId')
  @RequirePermission('council.read')
  @ApiOperation({ summary: 'One council, with its meeting rules keyed by meeting kind' })
  @ApiOkResponse({ type: CouncilResponse })
  get(@UuidParam('councilId') councilId: string): Promise<CouncilResponse> {
    return this.councils.get(councilId);
  }

  @Patch(':councilId')
  @RequirePermission('council.update')
  @ApiOperation({ summary: 'Change any subset of a council’s settings, including meeting rules per kind (requires version)' })
  @ApiOkResponse({ type: CouncilResponse })
  update(@UuidParam('councilId') councilId: string, @Body() dto: UpdateCouncilDto): Promise<CouncilResponse> {
    return this.councils.update(councilId, dto);
  }
}
