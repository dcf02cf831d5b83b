import { Module } from '@nestjs/common';
import { AgendaModule } from '../meetings/agenda/agenda.module.js';
import { ProgressReportsController } from './progress-reports.controller.js';
import { ProgressReportsRepository } from './progress-reports.repository.js';
import { ProgressReportsService } from './progress-reports.service.js';
import { ProgressController } from './progress.controller.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';

/**
 * How action items serve the recommendations: roll-ups per recommendation and
 * focus area, and progress reports for meetings (attached to agendas).
 */
@Module({
  imports: [AgendaModule],
  controllers: [ProgressController, ProgressReportsController],
  providers: [ProgressService, ProgressRepository, ProgressReportsService, ProgressReportsRepository],
})
export class ProgressModule {}
