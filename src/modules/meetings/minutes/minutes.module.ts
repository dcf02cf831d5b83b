import { Module } from '@nestjs/common';
import { MinutesCommentsService } from './minutes-comments.service.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesNotifier } from './minutes-notifier.js';
import { MinutesRepository } from './minutes.repository.js';
import { MinutesService } from './minutes.service.js';
import { PublishedMinutesController } from './published-minutes.controller.js';
import { PublishedMinutesService } from './published-minutes.service.js';

/** The minutes of meetings: drafted, edited, circulated for comments with a deadline, approved; approved minutes published. */
@Module({
  controllers: [MinutesController, PublishedMinutesController],
  providers: [MinutesService, MinutesCommentsService, PublishedMinutesService, MinutesRepository, MinutesNotifier],
})
export class MinutesModule {}
