import { Module } from '@nestjs/common';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import { SuccessionRepository } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import { PresidencySuccessionCheckJob } from './jobs/presidency-succession-check.job.js';
import { PresidencyTransferSweepJob } from './jobs/presidency-transfer-sweep.job.js';
import { PresidencyTransferJob } from './jobs/presidency-transfer.job.js';
import { PresidencyNoticeKinds } from './presidency-notice.kinds.js';
import { HandoverMeetingRepository } from './handover-meeting.repository.js';
import { SuccessionCheck } from './succession-check.service.js';
import { TransferRepository } from './transfer.repository.js';
import { TransferService } from './transfer.service.js';

/** The worker side of the presidency's succession: the transfer at each term's end, the sweeper (catch-up), the monthly no-successor check, and the notices' kinds. */
@Module({
  providers: [
    PresidencyTransferJob,
    PresidencyTransferSweepJob,
    PresidencySuccessionCheckJob,
    SuccessionCheck,
    TransferService,
    TransferRepository,
    HandoverMeetingRepository,
    SuccessionService,
    SuccessionRepository,
    PresidencyNoticeKinds,
    RecipientsRepository,
  ],
})
export class TransferWorkerModule {}
