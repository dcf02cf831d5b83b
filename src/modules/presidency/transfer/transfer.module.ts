import { Module } from '@nestjs/common';
import { MeetingsModule } from '../../meetings/meetings.module.js';
import { SuccessionModule } from '../succession/succession.module.js';
import { HandoverMeetingCloseListener } from './handover-meeting-close.listener.js';
import { HandoverMeetingController } from './handover-meeting.controller.js';
import { HandoverMeetingRepository } from './handover-meeting.repository.js';
import { HandoverMeetingService } from './handover-meeting.service.js';
import { TransferController } from './transfer.controller.js';
import { TransferRepository } from './transfer.repository.js';
import { TransferService } from './transfer.service.js';

/**
 * The presidency transfer on the API side: the secretariat's handover (early, written, meeting), and the transfer at
 * the close of a handover meeting (a listener to the meetings module's close). The worker runs the scheduled ones
 * and the catch-up (TransferWorkerModule).
 */
@Module({
  imports: [SuccessionModule, MeetingsModule],
  controllers: [TransferController, HandoverMeetingController],
  providers: [TransferRepository, TransferService, HandoverMeetingRepository, HandoverMeetingService, HandoverMeetingCloseListener],
})
export class TransferModule {}
