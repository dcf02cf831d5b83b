import { Module } from '@nestjs/common';
import { MeetingRemindersScheduler } from './meeting-reminders.scheduler.js';
import { MeetingWorkingHoursService } from './meeting-working-hours.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

/** Meetings of the council and its bodies: planning, lifecycle, deadlines, chair, and the working-hours check. */
@Module({
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository, MeetingWorkingHoursService, MeetingRemindersScheduler],
  // Meeting series create, move and cancel their occurrences through the meetings service.
  exports: [MeetingsService, MeetingsRepository],
})
export class MeetingsModule {}
