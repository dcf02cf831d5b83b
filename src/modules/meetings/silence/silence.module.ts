import { Module } from '@nestjs/common';
import { CouncilsModule } from '../../councils/councils.module.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { SilenceCloseJob } from './jobs/silence-close.job.js';
import { SilenceSweepJob } from './jobs/silence-sweep.job.js';
import { SilenceCloser } from './silence-closer.service.js';
import { SilenceNoticeKinds } from './silence-notice.kinds.js';
import { SilenceController } from './silence.controller.js';
import { SilenceRepository } from './silence.repository.js';
import { SilenceService } from './silence.service.js';

/**
 * Decisions taken in writing between meetings (the silence procedure): circulating, breaking silence, positions; the
 * close job at each deadline and the sweeper (run by the worker), and the notices' kinds.
 */
@Module({
  imports: [NotificationsModule, CouncilsModule],
  controllers: [SilenceController],
  providers: [SilenceService, SilenceRepository, SilenceCloser, SilenceCloseJob, SilenceSweepJob, SilenceNoticeKinds],
})
export class SilenceModule {}
