import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module.js';
import { ActionItemChangesService } from './action-item-changes.service.js';
import { ActionItemWritesRepository } from './action-item-writes.repository.js';
import { ActionItemsController } from './action-items.controller.js';
import { ActionItemsRepository } from './action-items.repository.js';
import { ActionItemsService } from './action-items.service.js';
import { ActionItemCarryOverService } from './carry-over/action-item-carry-over.service.js';
import { DecisionActionItemsController } from './decision-action-items.controller.js';
import { MyActionItemsController } from './my-action-items.controller.js';
import { ActionItemRemindersModule } from './reminders/action-item-reminders.module.js';

/**
 * Action items: what delegations, bodies and the presidency must do — lists, counts, lifecycle, progress, reassignment;
 * created also from adopted decisions; the carry-over of a meeting's unfinished items (used by the agenda carry-forward).
 */
@Module({
  imports: [ActionItemRemindersModule, CouncilsModule],
  controllers: [ActionItemsController, MyActionItemsController, DecisionActionItemsController],
  providers: [ActionItemsService, ActionItemChangesService, ActionItemsRepository, ActionItemWritesRepository, ActionItemCarryOverService],
  exports: [ActionItemsRepository, ActionItemCarryOverService],
})
export class ActionItemsModule {}
