import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller.js';
import { AgendaRepository } from './agenda.repository.js';
import { AgendaService } from './agenda.service.js';
import { AgendaItemCarryForwardService } from './agenda-item-carry-forward.service.js';
import { MeetingsModule } from '../meetings.module.js';
import { CouncilsModule } from '../../councils/councils.module.js';

/** The agendas of meetings: items, order, circulation with supplementary items, adoption. */
@Module({
  imports: [MeetingsModule, CouncilsModule],
  controllers: [AgendaController],
  providers: [AgendaService, AgendaItemCarryForwardService, AgendaRepository],
  // The backlog schedules items and carries agendas forward, and overdue action items are escalated, through the agenda
  // service; progress reports read the agenda they are attached to (AgendaRepository).
  exports: [AgendaService, AgendaItemCarryForwardService, AgendaRepository],
})
export class AgendaModule {}
