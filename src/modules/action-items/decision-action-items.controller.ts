import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ActionItemsService } from './action-items.service.js';
import { ActionItemListResponse } from './dto/action-item.response.js';
import { CreateDecisionActionItemsDto } from './dto/create-decision-action-items.dto.js';

@ApiTags('action items')
@Controller('councils/:councilId/decisions/:decisionId/action-items')
export class DecisionActionItemsController {
  constructor(private readonly items: ActionItemsService) {}

  @Post()
  @RequirePermission('action_item.create')
  @ApiOperation({
    summary:
      'Create the action items an adopted decision asks for (the chair or the secretariat), all in one transaction with an audit row each; source: the decision (and its meeting). Not adopted → 409 DECISION_NOT_ADOPTED',
  })
  @ApiCreatedResponse({ type: ActionItemListResponse })
  create(
    @UuidParam('councilId') councilId: string,
    @UuidParam('decisionId') decisionId: string,
    @Body() dto: CreateDecisionActionItemsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionItemListResponse> {
    return this.items.createFromDecision(councilId, decisionId, dto, caller);
  }
}
