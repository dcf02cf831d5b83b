import { Module } from '@nestjs/common';
import { AgendaRepository } from '../../meetings/agenda/agenda.repository.js';
import { AgendaService } from '../../meetings/agenda/agenda.service.js';
import { MeetingRemindersScheduler } from '../../meetings/meeting-reminders.scheduler.js';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import { ActionItemEscalationRepository } from './action-item-escalation.repository.js';
import { ActionItemEscalator } from './action-item-escalator.service.js';
import { ActionItemNoticeKinds } from './action-item-notice.kinds.js';
import { ActionItemNoticesRepository } from './action-item-notices.repository.js';
import { ActionItemsEscalateJob } from './jobs/action-items-escalate.job.js';

/**
 * The worker side of action items: the reminder kinds (acknowledge, due soon, overdue, escalated) and the
 * periodic escalation onto the next senior officials agenda (through the agenda service, whose rules it keeps).
 */
@Module({
  providers: [
    ActionItemNoticeKinds,
    ActionItemNoticesRepository,
    RecipientsRepository,
    ActionItemEscalationRepository,
    ActionItemEscalator,
    ActionItemsEscalateJob,
    AgendaService,
    AgendaRepository,
    MeetingRemindersScheduler,
  ],
})
export class ActionItemsWorkerModule {}
