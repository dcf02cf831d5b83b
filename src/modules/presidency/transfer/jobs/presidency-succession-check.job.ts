import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobResult } from '../../../../core/queue/job-registry.js';
import { SuccessionCheck } from '../succession-check.service.js';

/** Periodic: alerts, once a month per term, when no successor is known by when one must be. */
@Injectable()
@HandlesJob('presidency.succession_check')
export class PresidencySuccessionCheckJob implements JobHandler<'presidency.succession_check'> {
  constructor(private readonly check: SuccessionCheck) {}

  async handle(): Promise<JobResult> {
    return (await this.check.run()) > 0 ? 'done' : 'skipped';
  }
}
