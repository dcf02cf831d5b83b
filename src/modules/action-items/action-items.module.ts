import { Module } from '@nestjs/common';
import { ActionItemsController } from './action-items.controller.js';
import { ActionItemsRepository } from './action-items.repository.js';
import { ActionItemsService } from './action-items.service.js';
import { DecisionActionItemsController } from './decision-action-items.controller.js';
import { MyActionItemsController } from './my-action-items.controller.js';
import { ActionItemRemindersModule } from './reminders/action-item-reminders.module.js';

/** Action items: what delegations, bodies and the presidency must do — lists, counts, lifecycle, progress, reassignment; created also from adopted decisions. */
@Module({
  imports: [ActionItemRemindersModule],
  controllers: [ActionItemsController, MyActionItemsController, DecisionActionItemsController],
  providers: [ActionItemsService, ActionItemsRepository],
  exports: [ActionItemsRepository],
})
export class ActionItemsModule {}
