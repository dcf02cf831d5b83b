import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateParticipantDto } from './dto/create-participant.dto.js';
import { ListParticipantsQuery } from './dto/list-participants.query.js';
import { ParticipantListResponse } from './dto/participant-list.response.js';
import { ParticipantResponse } from './dto/participant.response.js';
import { RotationOrderDto } from './dto/rotation-order.dto.js';
import { UpdateParticipantDto } from './dto/update-participant.dto.js';
import { ParticipantsService } from './participants.service.js';

@ApiTags('participants')
@Controller('councils/:councilId/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @RequirePermission('participant.manage')
  @ApiOperation({ summary: 'Add a participant (member state, permanent participant or observer); its delegation is created with it' })
  @ApiCreatedResponse({ type: ParticipantResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.create(councilId, dto);
  }

  @Get()
  @RequirePermission('participant.read')
  @ApiOperation({ summary: 'List the council’s participants (member states in rotation order first), optionally by kind and status' })
  @ApiOkResponse({ type: ParticipantListResponse })
  list(@UuidParam('councilId') councilId: string, @Query() query: ListParticipantsQuery): Promise<ParticipantListResponse> {
    return this.participants.list(councilId, query);
  }

  @Post('rotation-order')
  @RequirePermission('participant.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rewrite the member states’ rotation order (the list must hold every member state exactly once)' })
  @ApiOkResponse({ type: ParticipantListResponse })
  reorder(@UuidParam('councilId') councilId: string, @Body() dto: RotationOrderDto): Promise<ParticipantListResponse> {
    return this.participants.reorderRotation(councilId, dto);
  }

  @Get(':participantId')
  @RequirePermission('participant.read')
  @ApiOperation({ summary: 'One participant' })
  @ApiOkResponse({ type: ParticipantResponse })
  get(@UuidParam('councilId') councilId: string, @UuidParam('participantId') participantId: string): Promise<ParticipantResponse> {
    return this.participants.get(councilId, participantId);
  }

  @Patch(':participantId')
  @RequirePermission('participant.manage')
  @ApiOperation({ summary: 'Change a participant’s name, status, rotation position, time zone or (states) ISO code (requires version)' })
  @ApiOkResponse({ type: ParticipantResponse })
  update(
    @UuidParam('councilId') councilId: string,
    @UuidParam('participantId') participantId: string,
    @Body() dto: UpdateParticipantDto,
  ): Promise<ParticipantResponse> {
    return this.participants.update(councilId, participantId, dto);
  }
}
