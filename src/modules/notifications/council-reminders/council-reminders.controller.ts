import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Min } from 'class-validator';
import type { Caller } from '../../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { CouncilRemindersService } from './council-reminders.service.js';
import { CouncilReminderListResponse, CouncilReminderResponse, CreateCouncilReminderDto, UpdateCouncilReminderDto } from './dto/council-reminder.dto.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

export class VersionQuery {
  @ApiProperty({ minimum: 1, description: 'The version of the reminder you read' }) @Type(() => Number) @IsInt32() @Min(1) version: number;
}

@ApiTags('reminders')
@Controller('councils/:councilId/reminders')
export class CouncilRemindersController {
  constructor(private readonly reminders: CouncilRemindersService) {}

  @Post()
  @RequirePermission('reminder.manage')
  @ApiOperation({ summary: 'Schedule a reminder to delegations (and/or the secretariat), sent by email and to their inbox at sendAt' })
  @ApiCreatedResponse({ type: CouncilReminderResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateCouncilReminderDto, @CurrentCaller() caller: Caller): Promise<CouncilReminderResponse> {
    return this.reminders.create(councilId, dto, caller.userId);
  }

  @Get()
  @RequirePermission('reminder.manage')
  @ApiOperation({ summary: 'The council’s reminders, latest first' })
  @ApiOkResponse({ type: CouncilReminderListResponse })
  list(@UuidParam('councilId') councilId: string): Promise<CouncilReminderListResponse> {
    return this.reminders.list(councilId);
  }

  @Get(':reminderId')
  @RequirePermission('reminder.manage')
  @ApiOkResponse({ type: CouncilReminderResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('reminderId') id: string): Promise<CouncilReminderResponse> {
    return this.reminders.get(councilId, id);
  }

  @Patch(':reminderId')
  @RequirePermission('reminder.manage')
  @ApiOperation({ summary: 'Edit or move a scheduled reminder (requires version)' })
  @ApiOkResponse({ type: CouncilReminderResponse })
  update(
    @UuidParam('councilId') councilId: string,
    @UuidParam('reminderId') id: string,
    @Body() dto: UpdateCouncilReminderDto,
  ): Promise<CouncilReminderResponse> {
    return this.reminders.update(councilId, id, dto);
  }

  @Delete(':reminderId')
  @RequirePermission('reminder.manage')
  @ApiOperation({ summary: 'Cancel a scheduled reminder (?version=): nothing will be sent' })
  @ApiOkResponse({ type: CouncilReminderResponse })
  cancel(@UuidParam('councilId') councilId: string, @UuidParam('reminderId') id: string, @Query() q: VersionQuery): Promise<CouncilReminderResponse> {
    return this.reminders.cancel(councilId, id, q.version);
  }
}
