import { Body, Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { type Caller, delegationScope } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DelegatesService } from './delegates.service.js';
import { CreateDelegateDto } from './dto/create-delegate.dto.js';
import { DelegateListResponse } from './dto/delegate-list.response.js';
import { DelegateResponse } from './dto/delegate.response.js';
import { UpdateDelegateDto } from './dto/update-delegate.dto.js';

@ApiTags('delegations')
@Controller('councils/:councilId/delegations/:delegationId/delegates')
export class DelegatesController {
  constructor(private readonly delegates: DelegatesService) {}

  @Post()
  @RequirePermission('delegate.manage')
  @ApiOperation({ summary: 'Add a delegate (head, alternate or adviser) to a delegation' })
  @ApiCreatedResponse({ type: DelegateResponse })
  create(
    @UuidParam('councilId') councilId: string,
    @UuidParam('delegationId') delegationId: string,
    @Body() dto: CreateDelegateDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DelegateResponse> {
    return this.delegates.create(councilId, delegationId, dto, delegationScope(caller));
  }

  @Get()
  @RequirePermission('delegation.read')
  @ApiOperation({ summary: 'List a delegation’s delegates (active first, head first)' })
  @ApiOkResponse({ type: DelegateListResponse })
  list(@UuidParam('councilId') councilId: string, @UuidParam('delegationId') delegationId: string): Promise<DelegateListResponse> {
    return this.delegates.list(councilId, delegationId);
  }

  @Patch(':delegateId')
  @RequirePermission('delegate.manage')
  @ApiOperation({ summary: 'Change a delegate, including role and active (requires version)' })
  @ApiOkResponse({ type: DelegateResponse })
  update(
    @UuidParam('councilId') councilId: string,
    @UuidParam('delegationId') delegationId: string,
    @UuidParam('delegateId') delegateId: string,
    @Body() dto: UpdateDelegateDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DelegateResponse> {
    return this.delegates.update(councilId, delegationId, delegateId, dto, delegationScope(caller));
  }

  @Delete(':delegateId')
  @RequirePermission('delegate.manage')
  @ApiOperation({ summary: 'Deactivate a delegate (kept for the record; reactivate with PATCH active=true)' })
  @ApiOkResponse({ type: DelegateResponse })
  deactivate(
    @UuidParam('councilId') councilId: string,
    @UuidParam('delegationId') delegationId: string,
    @UuidParam('delegateId') delegateId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DelegateResponse> {
    return this.delegates.deactivate(councilId, delegationId, delegateId, delegationScope(caller));
  }
}
