import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail/mail.module.js';
import { CouncilReminderKind } from './council-reminders/council-reminder.kind.js';
import { CouncilRemindersController } from './council-reminders/council-reminders.controller.js';
import { CouncilRemindersRepository } from './council-reminders/council-reminders.repository.js';
import { CouncilRemindersService } from './council-reminders/council-reminders.service.js';
import { DeliveriesRepository } from './deliveries.repository.js';
import { InboxController } from './inbox.controller.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxService } from './inbox.service.js';
import { DigestJob } from './jobs/digest.job.js';
import { DispatchJob } from './jobs/dispatch.job.js';
import { OutboxRelayJob } from './jobs/outbox-relay.job.js';
import { OutboxSweepJob } from './jobs/outbox-sweep.job.js';
import { SendMailJob } from './jobs/send-mail.job.js';
import { OutboxQueueRepository } from './outbox-queue.repository.js';
import { PreferencesController } from './preferences.controller.js';
import { PreferencesRepository } from './preferences.repository.js';
import { PreferencesService } from './preferences.service.js';
import { RecipientsRepository } from './recipients.repository.js';
import { ScheduledNotificationsController } from './scheduled/scheduled-notifications.controller.js';
import { ScheduledNotificationsRepository } from './scheduled/scheduled-notifications.repository.js';
import { ScheduledNotificationsService } from './scheduled/scheduled-notifications.service.js';

/**
 * Notifications: reminders the secretariat schedules, the inbox and preferences, what a subject's notifications are;
 * and the jobs the worker runs — relay, sweeper, dispatch (notify), send (the only user of the mail transport), digest.
 * Other modules' notification kinds name their recipients through the exported RecipientsRepository.
 */
@Module({
  imports: [MailModule],
  controllers: [CouncilRemindersController, InboxController, PreferencesController, ScheduledNotificationsController],
  providers: [
    CouncilRemindersService,
    CouncilRemindersRepository,
    InboxService,
    InboxRepository,
    PreferencesService,
    PreferencesRepository,
    ScheduledNotificationsService,
    ScheduledNotificationsRepository,
    RecipientsRepository,
    CouncilReminderKind,
    OutboxQueueRepository,
    DeliveriesRepository,
    OutboxRelayJob,
    OutboxSweepJob,
    DispatchJob,
    SendMailJob,
    DigestJob,
  ],
  exports: [RecipientsRepository],
})
export class NotificationsModule {}
