import { Module } from '@nestjs/common';
import { CouncilRemindersController } from './council-reminders/council-reminders.controller.js';
import { CouncilRemindersRepository } from './council-reminders/council-reminders.repository.js';
import { CouncilRemindersService } from './council-reminders/council-reminders.service.js';
import { InboxController } from './inbox.controller.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxService } from './inbox.service.js';
import { PreferencesController } from './preferences.controller.js';
import { PreferencesRepository } from './preferences.repository.js';
import { PreferencesService } from './preferences.service.js';
import { RecipientsRepository } from './recipients.repository.js';
import { ScheduledNotificationsController } from './scheduled/scheduled-notifications.controller.js';
import { ScheduledNotificationsRepository } from './scheduled/scheduled-notifications.repository.js';
import { ScheduledNotificationsService } from './scheduled/scheduled-notifications.service.js';

/** The API side of notifications: reminders the secretariat schedules, the inbox and preferences, and what a subject's notifications are. */
@Module({
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
  ],
})
export class NotificationsModule {}
