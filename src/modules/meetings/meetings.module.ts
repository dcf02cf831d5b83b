import { Module } from '@nestjs/common';
import { MeetingCloseListeners } from './meeting-close-listeners.js';
import { MeetingRemindersScheduler } from './meeting-reminders.scheduler.js';
import { MeetingWorkingHoursService } from './meeting-working-hours.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

/** Meetings of the council and its bodies: planning, lifecycle, deadlines, chair, and the working-hours check. */
@Module({
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository, MeetingWorkingHoursService, MeetingRemindersScheduler, MeetingCloseListeners],
  // Meeting series create, move and cancel their occurrences through the meetings service; other modules listen to a meeting's close.
  exports: [MeetingsService, MeetingsRepository, MeetingCloseListeners],
})
export class MeetingsModule {}
