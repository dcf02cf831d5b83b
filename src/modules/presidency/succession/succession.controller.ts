import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { CreateDesignationDto } from './dto/create-designation.dto.js';
import { CreateWaiverDto } from './dto/create-waiver.dto.js';
import { DesignationResponse } from './dto/designation.response.js';
import { SuccessorQueryDto } from './dto/successor-query.dto.js';
import { SuccessorResponse } from './dto/successor.response.js';
import { WaiverResponse } from './dto/waiver.response.js';
import { SuccessionService } from './succession.service.js';

@ApiTags('presidency')
@Controller('councils/:councilId/presidency')
export class SuccessionController {
  constructor(private readonly succession: SuccessionService) {}

  @Get('successor')
  @RequirePermission('presidency.read')
  @ApiOperation({
    summary: 'Who succeeds a term (default: the current one), on what basis — or why nobody does yet',
    description:
      "Basis 'entered' (the next term is recorded), 'rotation' (fixed order, skipping suspended, withdrawn and waiving states), 'designated' (a decision adopted in time), 'transferred' (already succeeded). With none, `reason` says why; the system never picks one silently.",
  })
  @ApiOkResponse({ type: SuccessorResponse })
  successor(@UuidParam('councilId') councilId: string, @Query() query: SuccessorQueryDto): Promise<SuccessorResponse> {
    return this.succession.successorOf(councilId, query.termId);
  }

  @Post('waivers')
  @RequirePermission('presidency.manage')
  @ApiOperation({ summary: 'Record that a member state waives its turn, by an adopted decision (409 DECISION_NOT_ADOPTED otherwise)' })
  @ApiCreatedResponse({ type: WaiverResponse })
  addWaiver(@UuidParam('councilId') councilId: string, @Body() dto: CreateWaiverDto): Promise<WaiverResponse> {
    return this.succession.addWaiver(councilId, dto);
  }

  @Post('designations')
  @RequirePermission('presidency.manage')
  @ApiOperation({
    summary: 'Record the successor designated by an adopted decision (designated policy)',
    description:
      "The decision must be adopted at least the council's lead (default 12 months) before the term ends: 409 DESIGNATION_TOO_LATE otherwise. One per term.",
  })
  @ApiCreatedResponse({ type: DesignationResponse })
  addDesignation(@UuidParam('councilId') councilId: string, @Body() dto: CreateDesignationDto): Promise<DesignationResponse> {
    return this.succession.addDesignation(councilId, dto);
  }
}
