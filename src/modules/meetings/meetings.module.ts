import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { MeetingCloseListeners } from './meeting-close-listeners.js';
import { MeetingNoticeKinds } from './meeting-notice.kind.js';
import { MeetingReminderKind } from './meeting-reminder.kind.js';
import { MeetingRemindersRepository } from './meeting-reminders.repository.js';
import { MeetingRemindersScheduler } from './meeting-reminders.scheduler.js';
import { MeetingWorkingHoursService } from './meeting-working-hours.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

/** Meetings of the council and its bodies: planning, lifecycle, deadlines, chair, the working-hours check, and the kinds that send meeting reminders and notices. */
@Module({
  imports: [NotificationsModule, CouncilsModule],
  controllers: [MeetingsController],
  providers: [
    MeetingsService,
    MeetingsRepository,
    MeetingWorkingHoursService,
    MeetingRemindersScheduler,
    MeetingCloseListeners,
    MeetingRemindersRepository,
    MeetingReminderKind,
    MeetingNoticeKinds,
  ],
  // Meeting series create, move and cancel their occurrences through the meetings service; other modules listen to a meeting's close;
  // the agenda plans a meeting's reminders again when its items change.
  exports: [MeetingsService, MeetingsRepository, MeetingCloseListeners, MeetingRemindersScheduler],
})
export class MeetingsModule {}
