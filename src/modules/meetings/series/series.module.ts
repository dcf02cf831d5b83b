import { Module } from '@nestjs/common';
import { CouncilsModule } from '../../councils/councils.module.js';
import { MeetingsModule } from '../meetings.module.js';
import { SeriesController } from './series.controller.js';
import { SeriesRepository } from './series.repository.js';
import { SeriesService } from './series.service.js';

/** Recurring meeting series: their occurrences are meetings, created and changed through the meetings service. */
@Module({
  imports: [MeetingsModule, CouncilsModule],
  controllers: [SeriesController],
  providers: [SeriesService, SeriesRepository],
})
export class SeriesModule {}
