import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { CreatePriorityDto } from './dto/create-priority.dto.js';
import { PriorityListResponse, PriorityResponse } from './dto/priority.response.js';
import { UpdatePriorityDto } from './dto/update-priority.dto.js';
import { PrioritiesService } from './priorities.service.js';

@ApiTags('handover')
@Controller('councils/:councilId/presidency/terms/:termId/priorities')
export class PrioritiesController {
  constructor(private readonly priorities: PrioritiesService) {}

  @Get()
  @RequirePermission('handover.read')
  @ApiOperation({ summary: "The term's priorities (the chair's), in the order entered" })
  @ApiOkResponse({ type: PriorityListResponse })
  list(@UuidParam('councilId') councilId: string, @UuidParam('termId') termId: string): Promise<PriorityListResponse> {
    return this.priorities.list(councilId, termId);
  }

  @Post()
  @RequirePermission('presidency.priorities')
  @ApiOperation({ summary: "Add a priority to the term (the term holder's delegates, or the secretariat), until the term ends" })
  @ApiCreatedResponse({ type: PriorityResponse })
  create(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @Body() dto: CreatePriorityDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PriorityResponse> {
    return this.priorities.create(councilId, termId, dto, caller);
  }

  @Patch(':priorityId')
  @RequirePermission('presidency.priorities')
  @ApiOperation({ summary: "Edit a priority's title, status or notes (with the version read)" })
  @ApiOkResponse({ type: PriorityResponse })
  update(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @UuidParam('priorityId') priorityId: string,
    @Body() dto: UpdatePriorityDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PriorityResponse> {
    return this.priorities.update(councilId, termId, priorityId, dto, caller);
  }

  @Delete(':priorityId')
  @HttpCode(204)
  @RequirePermission('presidency.priorities')
  @ApiOperation({ summary: 'Remove a priority' })
  @ApiNoContentResponse()
  remove(
    @UuidParam('councilId') councilId: string,
    @UuidParam('termId') termId: string,
    @UuidParam('priorityId') priorityId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.priorities.remove(councilId, termId, priorityId, caller);
  }
}
