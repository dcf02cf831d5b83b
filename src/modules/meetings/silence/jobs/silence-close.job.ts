import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobPayloads, JobResult } from '../../../../core/queue/job-registry.js';
import { SilenceCloser } from '../silence-closer.service.js';

/**
 * Closes one written decision at its deadline (the job is added with a delay
 * up to it when the procedure is circulated, id silence-close-<decision>).
 * The job only triggers: the database decides, once (see SilenceCloser). Run
 * before the deadline by the database's clock (clocks apart), it fails and is
 * retried with backoff; the sweeper is there besides.
 */
@Injectable()
@HandlesJob('silence.close')
export class SilenceCloseJob implements JobHandler<'silence.close'> {
  constructor(private readonly closer: SilenceCloser) {}

  async handle({ decisionId }: JobPayloads['silence.close']): Promise<JobResult> {
    const result = await this.closer.close(decisionId, 'job');
    if (result === 'not_due') throw new Error(`silence procedure ${decisionId} is not due yet by the database's clock; retrying`);
    return result === 'closed' ? 'done' : 'skipped';
  }
}
