import { Module } from '@nestjs/common';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import { HandoverNoticeKinds } from './handover-notice.kinds.js';
import { HandoverPlanner } from './handover-planner.service.js';
import { HandoverSettingsRepository } from './handover-settings.repository.js';
import { HandoverTermsRepository } from './handover-terms.repository.js';
import { HandoverPlanJob } from './jobs/handover-plan.job.js';

/** The worker side of the handover timeline: the planner job and the reminder kinds. */
@Module({
  providers: [HandoverPlanJob, HandoverPlanner, HandoverSettingsRepository, HandoverTermsRepository, HandoverNoticeKinds, RecipientsRepository],
})
export class HandoverTimelineWorkerModule {}
