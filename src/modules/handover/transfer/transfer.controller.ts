import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { HandoverDto } from './dto/handover.dto.js';
import { TransferResponse } from './dto/transfer.response.js';
import { TransferService } from './transfer.service.js';

@ApiTags('presidency')
@Controller('councils/:councilId/presidency')
export class TransferController {
  constructor(private readonly transfers: TransferService) {}

  @Post('handover')
  @RequirePermission('presidency.manage')
  @ApiOperation({
    summary: "Hand the presidency over before the term's end: early, by written procedure, or when the handover meeting has closed",
    description:
      'Moves the boundary of the current and the next term to `at` (default now) and transfers in the same transaction: items of the presidency carried over, dossier archived, everyone notified. ' +
      '409 NO_SUCCESSOR when none is known, MEETING_NOT_CLOSED, DECISION_NOT_ADOPTED, STALE_TERM.',
  })
  @ApiCreatedResponse({ type: TransferResponse })
  handover(@UuidParam('councilId') councilId: string, @Body() dto: HandoverDto): Promise<TransferResponse> {
    return this.transfers.handover(councilId, dto);
  }
}
