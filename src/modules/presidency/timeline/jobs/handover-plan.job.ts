import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobResult } from '../../../../core/queue/job-registry.js';
import { HandoverPlanner } from '../handover-planner.service.js';

/**
 * Periodic (HANDOVER_PLAN_INTERVAL_MS): (re)schedules the handover reminders of every term not ended yet, so a
 * term entered, extended or moved (by the API, the transfer, an extension) gets its timeline without the
 * presidency code knowing about it. Idempotent: unchanged reminders are left alone.
 */
@Injectable()
@HandlesJob('handover.plan')
export class HandoverPlanJob implements JobHandler<'handover.plan'> {
  private readonly logger = new Logger('HandoverPlanJob');

  constructor(
    private readonly db: DataSource,
    private readonly planner: HandoverPlanner,
  ) {}

  async handle(): Promise<JobResult> {
    const scheduled = await this.db.transaction((em) => this.planner.plan(em, new Date()));
    if (scheduled) this.logger.log({ scheduled }, 'handover reminders scheduled');
    return scheduled ? 'done' : 'skipped';
  }
}
