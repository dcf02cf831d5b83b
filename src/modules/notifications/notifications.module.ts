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

/** The API side of notifications: reminders the secretariat schedules, the inbox and preferences. */
@Module({
  controllers: [CouncilRemindersController, InboxController, PreferencesController],
  providers: [CouncilRemindersService, CouncilRemindersRepository, InboxService, InboxRepository, PreferencesService, PreferencesRepository],
})
export class NotificationsModule {}
