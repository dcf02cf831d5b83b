import { Module } from '@nestjs/common';
import { MeetingsModule } from '../../meetings/meetings.module.js';
import { PresidencyRepository } from '../presidency.repository.js';
import { HandoverPlanner } from './handover-planner.service.js';
import { HandoverSettingsRepository } from './handover-settings.repository.js';
import { HandoverTermsRepository } from './handover-terms.repository.js';
import { HandoverTimelineController } from './handover-timeline.controller.js';
import { HandoverTimelineService } from './handover-timeline.service.js';
import { PresidencyCalendarService } from './presidency-calendar.service.js';
import { TroikaService } from './troika.service.js';

/** The handover timeline (API): settings, a term's reminder stages, the troika meeting, and the public presidency calendar. */
@Module({
  imports: [MeetingsModule],
  controllers: [HandoverTimelineController],
  providers: [HandoverTimelineService, HandoverSettingsRepository, HandoverTermsRepository, HandoverPlanner, TroikaService, PresidencyRepository, PresidencyCalendarService],
})
export class HandoverTimelineModule {}
