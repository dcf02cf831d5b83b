import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BodyLeadsService } from './body-leads.service.js';
import { BodyLeadResponse } from './dto/body-lead.response.js';
import { CreateBodyLeadDto } from './dto/create-body-lead.dto.js';

@ApiTags('bodies')
@Controller('councils/:councilId/bodies/:bodyId/leads')
export class BodyLeadsController {
  constructor(private readonly leads: BodyLeadsService) {}

  @Post()
  @RequirePermission('body.manage')
  @ApiOperation({ summary: 'A participant of the council leads the body over [from, until)' })
  add(@UuidParam('councilId') councilId: string, @UuidParam('bodyId') bodyId: string, @Body() dto: CreateBodyLeadDto): Promise<BodyLeadResponse> {
    return this.leads.add(councilId, bodyId, dto);
  }

  @Delete(':leadId')
  @RequirePermission('body.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a lead of the body' })
  @ApiNoContentResponse()
  async remove(@UuidParam('councilId') councilId: string, @UuidParam('bodyId') bodyId: string, @UuidParam('leadId') leadId: string): Promise<void> {
    await this.leads.remove(councilId, bodyId, leadId);
  }
}
