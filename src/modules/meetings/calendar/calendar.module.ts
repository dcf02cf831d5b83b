import { Module } from '@nestjs/common';
import { CouncilsModule } from '../../councils/councils.module.js';
import { CalendarFeedPublicController } from './calendar-feed-public.controller.js';
import { CalendarFeedsController } from './calendar-feeds.controller.js';
import { CalendarFeedsRepository } from './calendar-feeds.repository.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';

/** iCalendar subscription feeds of meetings, per person (their council and its bodies) or per body, at secret revocable URLs. */
@Module({
  imports: [CouncilsModule],
  controllers: [CalendarFeedsController, CalendarFeedPublicController],
  providers: [CalendarFeedsService, CalendarFeedsRepository],
})
export class CalendarModule {}
