import { Module } from '@nestjs/common';
import { RecipientsRepository } from '../notifications/recipients.repository.js';
import { MeetingReminderKind } from './meeting-reminder.kind.js';
import { MeetingRemindersRepository } from './meeting-reminders.repository.js';

/** The worker side of meetings: the kind that sends meeting reminders (registered with the notification kinds). */
@Module({
  providers: [MeetingReminderKind, MeetingRemindersRepository, RecipientsRepository],
})
export class MeetingsWorkerModule {}
