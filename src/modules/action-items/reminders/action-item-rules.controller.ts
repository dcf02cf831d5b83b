import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { ActionItemRulesService } from './action-item-rules.service.js';
import { ActionItemRulesDto } from './dto/action-item-rules.dto.js';
import { ActionItemRulesResponse } from './dto/action-item-rules.response.js';

@ApiTags('action items')
@Controller('councils/:councilId/action-item-rules')
export class ActionItemRulesController {
  constructor(private readonly rules: ActionItemRulesService) {}

  @Get()
  @RequirePermission('council.read')
  @ApiOperation({ summary: 'The council’s action-item reminder and escalation offsets (days), or the defaults (7; 14 and 3; +1, +14, +30)' })
  @ApiOkResponse({ type: ActionItemRulesResponse })
  get(@UuidParam('councilId') councilId: string): Promise<ActionItemRulesResponse> {
    return this.rules.get(councilId);
  }

  @Put()
  @RequirePermission('council.update')
  @ApiOperation({ summary: 'Replace the council’s action-item offsets (requires the version read); re-plans the reminders of every open item' })
  @ApiOkResponse({ type: ActionItemRulesResponse })
  put(@UuidParam('councilId') councilId: string, @Body() dto: ActionItemRulesDto): Promise<ActionItemRulesResponse> {
    return this.rules.put(councilId, dto);
  }
}
