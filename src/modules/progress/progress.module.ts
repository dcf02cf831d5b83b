import { Module } from '@nestjs/common';
import { AgendaModule } from '../meetings/agenda/agenda.module.js';
import { ActionItemCarryOverService } from '../action-items/carry-over/action-item-carry-over.service.js';
import { ProgressReportsController } from './progress-reports.controller.js';
import { ProgressReportsRepository } from './progress-reports.repository.js';
import { ProgressReportsService } from './progress-reports.service.js';
import { ProgressController } from './progress.controller.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';

/**
 * How action items serve the recommendations: roll-ups per recommendation and
 * focus area, progress reports for meetings (attached to agendas), and the
 * carry-over of a meeting's unfinished items (used by the agenda carry-forward).
 */
@Module({
  imports: [AgendaModule],
  controllers: [ProgressController, ProgressReportsController],
  providers: [ProgressService, ProgressRepository, ProgressReportsService, ProgressReportsRepository, ActionItemCarryOverService],
  exports: [ActionItemCarryOverService],
})
export class ProgressModule {}
