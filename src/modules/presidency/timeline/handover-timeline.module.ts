import { Module } from '@nestjs/common';
import { MeetingsModule } from '../../meetings/meetings.module.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { PresidencyModule } from '../presidency.module.js';
import { HandoverNoticeKinds } from './handover-notice.kinds.js';
import { HandoverPlanner } from './handover-planner.service.js';
import { HandoverSettingsRepository } from './handover-settings.repository.js';
import { HandoverTermsRepository } from './handover-terms.repository.js';
import { HandoverTimelineController } from './handover-timeline.controller.js';
import { HandoverTimelineService } from './handover-timeline.service.js';
import { PresidencyCalendarService } from './presidency-calendar.service.js';
import { HandoverPlanJob } from './jobs/handover-plan.job.js';
import { TroikaService } from './troika.service.js';

/**
 * The handover timeline: settings, a term's reminder stages, the troika meeting, the public presidency calendar; the
 * planner job (run by the worker) and the reminder kinds. The dossier reads terms and the troika through it.
 */
@Module({
  imports: [MeetingsModule, PresidencyModule, NotificationsModule],
  controllers: [HandoverTimelineController],
  providers: [
    HandoverTimelineService,
    HandoverSettingsRepository,
    HandoverTermsRepository,
    HandoverPlanner,
    TroikaService,
    PresidencyCalendarService,
    HandoverPlanJob,
    HandoverNoticeKinds,
  ],
  exports: [HandoverTermsRepository, TroikaService],
})
export class HandoverTimelineModule {}
