import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { MinutesCommentsService } from './minutes-comments.service.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesNoticeKinds } from './minutes-notice.kind.js';
import { MinutesNoticesRepository } from './minutes-notices.repository.js';
import { MinutesNotifier } from './minutes-notifier.js';
import { MinutesRepository } from './minutes.repository.js';
import { MinutesService } from './minutes.service.js';
import { PublishedMinutesController } from './published-minutes.controller.js';
import { PublishedMinutesService } from './published-minutes.service.js';

/** The minutes of meetings: drafted, edited, circulated for comments with a deadline, approved; approved minutes published; the kinds that send the minutes notices. */
@Module({
  imports: [NotificationsModule],
  controllers: [MinutesController, PublishedMinutesController],
  providers: [
    MinutesService,
    MinutesCommentsService,
    PublishedMinutesService,
    MinutesRepository,
    MinutesNotifier,
    MinutesNoticeKinds,
    MinutesNoticesRepository,
  ],
})
export class MinutesModule {}
