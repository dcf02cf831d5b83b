import { Module } from '@nestjs/common';
import { AgendaModule } from '../../meetings/agenda/agenda.module.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { ActionItemEscalationRepository } from './action-item-escalation.repository.js';
import { ActionItemEscalator } from './action-item-escalator.service.js';
import { ActionItemNoticeKinds } from './action-item-notice.kinds.js';
import { ActionItemNoticesRepository } from './action-item-notices.repository.js';
import { ActionItemRemindersRepository } from './action-item-reminders.repository.js';
import { ActionItemRemindersScheduler } from './action-item-reminders.scheduler.js';
import { ActionItemRulesController } from './action-item-rules.controller.js';
import { ActionItemRulesService } from './action-item-rules.service.js';
import { ActionItemsEscalateJob } from './jobs/action-items-escalate.job.js';

/**
 * Action-item reminders: the council's offsets (GET/PUT), the scheduler the action items service calls after each
 * change, the reminder kinds (acknowledge, due soon, overdue, escalated), and the periodic escalation onto the next
 * senior officials agenda (a job the worker runs, through the agenda service, whose rules it keeps).
 */
@Module({
  imports: [AgendaModule, NotificationsModule],
  controllers: [ActionItemRulesController],
  providers: [
    ActionItemRemindersRepository,
    ActionItemRemindersScheduler,
    ActionItemRulesService,
    ActionItemNoticeKinds,
    ActionItemNoticesRepository,
    ActionItemEscalationRepository,
    ActionItemEscalator,
    ActionItemsEscalateJob,
  ],
  exports: [ActionItemRemindersScheduler],
})
export class ActionItemRemindersModule {}
