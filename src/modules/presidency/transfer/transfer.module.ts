import { Module } from '@nestjs/common';
import { MeetingsModule } from '../../meetings/meetings.module.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { SuccessionModule } from '../succession/succession.module.js';
import { HandoverMeetingCloseListener } from './handover-meeting-close.listener.js';
import { HandoverMeetingController } from './handover-meeting.controller.js';
import { HandoverMeetingRepository } from './handover-meeting.repository.js';
import { HandoverMeetingService } from './handover-meeting.service.js';
import { PresidencySuccessionCheckJob } from './jobs/presidency-succession-check.job.js';
import { PresidencyTransferSweepJob } from './jobs/presidency-transfer-sweep.job.js';
import { PresidencyTransferJob } from './jobs/presidency-transfer.job.js';
import { PresidencyNoticeKinds } from './presidency-notice.kinds.js';
import { SuccessionCheck } from './succession-check.service.js';
import { TermSuccessionService } from './term-succession.service.js';
import { TransferController } from './transfer.controller.js';
import { TransferRepository } from './transfer.repository.js';
import { TransferService } from './transfer.service.js';

/**
 * The presidency transfer: the secretariat's handover (early, written, meeting), the transfer at the close of a
 * handover meeting (a listener to the meetings module's close), and the jobs the worker runs — the transfer at each
 * term's end, the sweeper (catch-up), the monthly no-successor check — with the notices' kinds.
 */
@Module({
  imports: [SuccessionModule, MeetingsModule, NotificationsModule],
  controllers: [TransferController, HandoverMeetingController],
  providers: [
    TransferRepository,
    TransferService,
    TermSuccessionService,
    HandoverMeetingRepository,
    HandoverMeetingService,
    HandoverMeetingCloseListener,
    SuccessionCheck,
    PresidencyTransferJob,
    PresidencyTransferSweepJob,
    PresidencySuccessionCheckJob,
    PresidencyNoticeKinds,
  ],
})
export class TransferModule {}
