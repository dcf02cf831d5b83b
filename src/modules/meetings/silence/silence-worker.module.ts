import { Module } from '@nestjs/common';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import { SilenceCloseJob } from './jobs/silence-close.job.js';
import { SilenceSweepJob } from './jobs/silence-sweep.job.js';
import { SilenceCloser } from './silence-closer.service.js';
import { SilenceNoticeKinds } from './silence-notice.kinds.js';
import { SilenceRepository } from './silence.repository.js';

/** The worker side of the silence procedure: the close job at each deadline, the sweeper, and the notices' kinds. */
@Module({
  providers: [SilenceCloseJob, SilenceSweepJob, SilenceCloser, SilenceRepository, SilenceNoticeKinds, RecipientsRepository],
})
export class SilenceWorkerModule {}
