import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobResult } from '../../../../core/queue/job-registry.js';
import { ActionItemEscalator } from '../action-item-escalator.service.js';

/** Periodic (ACTION_ITEM_ESCALATE_INTERVAL_MS): puts items overdue by the council's agendaDays on the next senior officials agenda. */
@Injectable()
@HandlesJob('action_items.escalate')
export class ActionItemsEscalateJob implements JobHandler<'action_items.escalate'> {
  constructor(private readonly escalator: ActionItemEscalator) {}

  async handle(): Promise<JobResult> {
    return (await this.escalator.runAll()) > 0 ? 'done' : 'skipped';
  }
}
