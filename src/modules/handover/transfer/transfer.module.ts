import { Module } from '@nestjs/common';
import { SuccessionModule } from '../succession/succession.module.js';
import { HandoverMeetingController } from './handover-meeting.controller.js';
import { HandoverMeetingRepository } from './handover-meeting.repository.js';
import { HandoverMeetingService } from './handover-meeting.service.js';
import { TransferController } from './transfer.controller.js';
import { TransferRepository } from './transfer.repository.js';
import { TransferService } from './transfer.service.js';

/** The presidency transfer on the API side: the secretariat's handover (early, written, meeting). The worker runs the scheduled ones (TransferWorkerModule). */
@Module({
  imports: [SuccessionModule],
  controllers: [TransferController, HandoverMeetingController],
  providers: [TransferRepository, TransferService, HandoverMeetingRepository, HandoverMeetingService],
})
export class TransferModule {}
