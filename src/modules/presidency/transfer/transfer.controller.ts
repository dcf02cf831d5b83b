import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
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
      'A decision (or a meeting) hands the presidency over once: the same request again answers 200 with the transfer it made, changing nothing; another request citing it → 409 DECISION_ALREADY_USED / MEETING_ALREADY_USED. ' +
      '`at` must lie within the current term (409 HANDOVER_BEFORE_TERM), not before the decision was adopted (409 HANDOVER_BEFORE_DECISION) nor the meeting began (409 HANDOVER_BEFORE_MEETING), ' +
      'not in the future (400 HANDOVER_IN_FUTURE) nor in the past by more than PRESIDENCY_HANDOVER_TOLERANCE_SECONDS (400 HANDOVER_IN_PAST). ' +
      '409 NO_SUCCESSOR when none is known, MEETING_NOT_CLOSED, DECISION_NOT_ADOPTED, STALE_TERM.',
  })
  @ApiCreatedResponse({ type: TransferResponse, description: 'The presidency passed' })
  @ApiOkResponse({ type: TransferResponse, description: 'A retry: the transfer this decision (or meeting) made before; nothing changed' })
  async handover(
    @UuidParam('councilId') councilId: string,
    @Body() dto: HandoverDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransferResponse> {
    const { transfer, replayed } = await this.transfers.handover(councilId, dto);
    if (replayed) reply.status(200);
    return transfer;
  }
}
