import { Module } from '@nestjs/common';
import { RecipientsRepository } from '../notifications/recipients.repository.js';
import { MeetingNoticeKinds } from './meeting-notice.kind.js';
import { MeetingReminderKind } from './meeting-reminder.kind.js';
import { MeetingRemindersRepository } from './meeting-reminders.repository.js';
import { MeetingsRepository } from './meetings.repository.js';

/** The worker side of meetings: the kinds that send meeting reminders and notices (registered with the notification kinds). */
@Module({
  providers: [MeetingReminderKind, MeetingNoticeKinds, MeetingRemindersRepository, MeetingsRepository, RecipientsRepository],
})
export class MeetingsWorkerModule {}
