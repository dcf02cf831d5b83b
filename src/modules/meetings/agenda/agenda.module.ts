import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller.js';
import { AgendaRepository } from './agenda.repository.js';
import { AgendaService } from './agenda.service.js';
import { MeetingRemindersScheduler } from '../meeting-reminders.scheduler.js';

/** The agendas of meetings: items, order, circulation with supplementary items, adoption. */
@Module({
  controllers: [AgendaController],
  providers: [AgendaService, AgendaRepository, MeetingRemindersScheduler],
  // The backlog schedules items and carries agendas forward through the agenda service.
  exports: [AgendaService, AgendaRepository],
})
export class AgendaModule {}
