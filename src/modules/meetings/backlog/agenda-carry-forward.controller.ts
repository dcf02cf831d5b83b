import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { AgendaCarryForwardService } from './agenda-carry-forward.service.js';
import { CarryForwardAgendaDto } from './dto/carry-forward-agenda.dto.js';
import { CarryForwardAgendaResponse } from './dto/carry-forward-agenda.response.js';

@ApiTags('agenda')
@Controller('councils/:councilId/meetings/:meetingId/agenda')
export class AgendaCarryForwardController {
  constructor(private readonly carry: AgendaCarryForwardService) {}

  @Post('carry-forward')
  @HttpCode(200)
  @RequirePermission('agenda.manage')
  @ApiOperation({
    summary:
      'Carry every open item (no decision) and undecided item (decisions deferred or not closed) of a meeting in session or held to the next meeting of the same body (council meetings: the next council meeting of the same kind) that has not started and is not cancelled, in one transaction; returns what moved. None → 409 NO_NEXT_MEETING',
  })
  @ApiOkResponse({ type: CarryForwardAgendaResponse })
  carryForward(
    @UuidParam('councilId') councilId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body() dto: CarryForwardAgendaDto,
  ): Promise<CarryForwardAgendaResponse> {
    return this.carry.carryForward(councilId, meetingId, dto);
  }
}
