import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobPayloads, JobResult } from '../../../../core/queue/job-registry.js';
import { TransferService } from '../transfer.service.js';

/**
 * Passes the presidency at a term's end (added with a delay up to it, id per term and end). The job only
 * triggers: the database decides, once. Run before the end by the database's clock, or while an earlier
 * term still awaits its succession, it fails and is retried; the sweeper is there besides.
 */
@Injectable()
@HandlesJob('presidency.transfer')
export class PresidencyTransferJob implements JobHandler<'presidency.transfer'> {
  constructor(private readonly transfers: TransferService) {}

  async handle({ termId }: JobPayloads['presidency.transfer']): Promise<JobResult> {
    const outcome = await this.transfers.runScheduled(termId);
    if (outcome === 'not_due' || outcome === 'blocked') throw new Error(`presidency term ${termId} cannot be transferred yet (${outcome}); retrying`);
    return outcome === 'skipped' ? 'skipped' : 'done';
  }
}
