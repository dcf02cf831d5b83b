import { Module } from '@nestjs/common';
import { ActionItemRemindersRepository } from './action-item-reminders.repository.js';
import { ActionItemRemindersScheduler } from './action-item-reminders.scheduler.js';
import { ActionItemRulesController } from './action-item-rules.controller.js';
import { ActionItemRulesService } from './action-item-rules.service.js';

/** The API side of action-item reminders: the council's offsets (GET/PUT) and the scheduler the action items service calls after each change. */
@Module({
  controllers: [ActionItemRulesController],
  providers: [ActionItemRemindersRepository, ActionItemRemindersScheduler, ActionItemRulesService],
  exports: [ActionItemRemindersScheduler],
})
export class ActionItemRemindersModule {}
