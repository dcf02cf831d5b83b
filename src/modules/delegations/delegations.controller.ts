import { Body, Controller, Get, Patch } from '@nestjs/common';
import { type Caller, delegationScope } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DelegationsService } from './delegations.service.js';
import { DelegationDetailResponse } from './dto/delegation-detail.response.js';
import { DelegationListResponse } from './dto/delegation-list.response.js';
import { DelegationResponse } from './dto/delegation.response.js';
import { UpdateDelegationDto } from './dto/update-delegation.dto.js';

@ApiTags('delegations')
@Controller('councils/:councilId/delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get()
  @RequirePermission('delegation.read')
  @ApiOperation({ summary: 'List the council’s delegations, each with its participant and head of delegation' })
  @ApiOkResponse({ type: DelegationListResponse })
  list(@UuidParam('councilId') councilId: string): Promise<DelegationListResponse> {
    return this.delegations.list(councilId);
  }

  @Get(':delegationId')
  @RequirePermission('delegation.read')
  @ApiOperation({ summary: 'One delegation with its delegates' })
  @ApiOkResponse({ type: DelegationDetailResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('delegationId') delegationId: string): Promise<DelegationDetailResponse> {
    return this.delegations.get(councilId, delegationId);
  }

  @Patch(':delegationId')
  @RequirePermission('delegation.update')
  @ApiOperation({ summary: 'Change a delegation’s name or contact email (requires version)' })
  @ApiOkResponse({ type: DelegationResponse })
  update(
    @UuidParam('councilId') councilId: string,
    @UuidParam('delegationId') delegationId: string,
    @Body() dto: UpdateDelegationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DelegationResponse> {
    return this.delegations.update(councilId, delegationId, dto, delegationScope(caller));
  }
}
