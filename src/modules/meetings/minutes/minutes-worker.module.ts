import { Module } from '@nestjs/common';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import { MinutesNoticeKinds } from './minutes-notice.kind.js';
import { MinutesNoticesRepository } from './minutes-notices.repository.js';

/** The worker side of minutes: the kinds that send the minutes notices (registered with the notification kinds). */
@Module({
  providers: [MinutesNoticeKinds, MinutesNoticesRepository, RecipientsRepository],
})
export class MinutesWorkerModule {}
