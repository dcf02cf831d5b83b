import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiNoContentResponse, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreatePresidencyTermDto } from './dto/create-presidency-term.dto.js';
import { PresidencyAtQueryDto } from './dto/presidency-at-query.dto.js';
import { PresidencyScheduleQueryDto } from './dto/presidency-schedule-query.dto.js';
import { PresidencyScheduleResponse } from './dto/presidency-schedule.response.js';
import { PresidencyTermListResponse } from './dto/presidency-term-list.response.js';
import { PresidencyTermResponse } from './dto/presidency-term.response.js';
import { PresidencyTroikaResponse } from './dto/presidency-troika.response.js';
import { PresidencyService } from './presidency.service.js';

@ApiTags('presidency')
@Controller('councils/:councilId/presidency')
export class PresidencyController {
  constructor(private readonly presidency: PresidencyService) {}

  @Get('terms')
  @RequirePermission('presidency.read')
  @ApiOperation({ summary: 'All presidency terms of the council, in time order' })
  @ApiOkResponse({ type: PresidencyTermListResponse })
  list(@UuidParam('councilId') councilId: string): Promise<PresidencyTermListResponse> {
    return this.presidency.list(councilId);
  }

  @Post('terms')
  @RequirePermission('presidency.manage')
  @ApiOperation({
    summary: 'Record a presidency term',
    description:
      'Appended at the end of the last term (startsAt defaults to it) or prepended before the first (to enter history). ' +
      'A gap is refused (409 PRESIDENCY_GAP), an overlap too (409 OVERLAP). New rotation/designated terms go to active member states only.',
  })
  @ApiCreatedResponse({ type: PresidencyTermResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreatePresidencyTermDto): Promise<PresidencyTermResponse> {
    return this.presidency.create(councilId, dto);
  }

  @Delete('terms/:termId')
  @RequirePermission('presidency.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the last term, if it has not started yet' })
  @ApiNoContentResponse()
  remove(@UuidParam('councilId') councilId: string, @UuidParam('termId') termId: string): Promise<void> {
    return this.presidency.remove(councilId, termId);
  }

  @Get('current')
  @RequirePermission('presidency.read')
  @ApiOperation({ summary: 'The term covering an instant (default now); 404 NO_PRESIDENCY if none' })
  @ApiOkResponse({ type: PresidencyTermResponse })
  current(@UuidParam('councilId') councilId: string, @Query() query: PresidencyAtQueryDto): Promise<PresidencyTermResponse> {
    return this.presidency.current(councilId, query.at);
  }

  @Get('troika')
  @RequirePermission('presidency.read')
  @ApiOperation({ summary: 'Previous, current and next presidency at an instant (default now); next may be projected' })
  @ApiOkResponse({ type: PresidencyTroikaResponse })
  troika(@UuidParam('councilId') councilId: string, @Query() query: PresidencyAtQueryDto): Promise<PresidencyTroikaResponse> {
    return this.presidency.troika(councilId, query.at);
  }

  @Get('schedule')
  @RequirePermission('presidency.read')
  @ApiOperation({ summary: 'Recorded terms not yet ended, then projected ones under the rotation policy, up to count entries' })
  @ApiOkResponse({ type: PresidencyScheduleResponse })
  schedule(@UuidParam('councilId') councilId: string, @Query() query: PresidencyScheduleQueryDto): Promise<PresidencyScheduleResponse> {
    return this.presidency.schedule(councilId, query.count, query.at);
  }
}
