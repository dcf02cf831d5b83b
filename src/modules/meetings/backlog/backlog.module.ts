import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { MeetingsModule } from '../meetings.module.js';
import { ActionItemsModule } from '../../action-items/action-items.module.js';
import { AgendaCarryForwardController } from './agenda-carry-forward.controller.js';
import { AgendaCarryForwardService } from './agenda-carry-forward.service.js';
import { BacklogController } from './backlog.controller.js';
import { BacklogRepository } from './backlog.repository.js';
import { BacklogService } from './backlog.service.js';

/** The backlog of proposed items per body, and carrying a meeting's leftover items forward in one call (through the agenda service). */
@Module({
  imports: [MeetingsModule, AgendaModule, ActionItemsModule],
  controllers: [BacklogController, AgendaCarryForwardController],
  providers: [BacklogService, BacklogRepository, AgendaCarryForwardService],
})
export class BacklogModule {}
