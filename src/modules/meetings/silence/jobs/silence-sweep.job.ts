import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobResult } from '../../../../core/queue/job-registry.js';
import { SilenceCloser } from '../silence-closer.service.js';
import { SilenceRepository } from '../silence.repository.js';

const BATCH = 200;

/**
 * The queue may lose the delayed close jobs (Redis flushed, the API could not
 * reach it) and the worker may be down at a deadline: the database still
 * knows which procedures are open past their deadline. This periodic job
 * closes them (SILENCE_SWEEP_INTERVAL_MS), each exactly once like the close
 * job, so a lost job or a down worker only delays the close.
 */
@Injectable()
@HandlesJob('silence.sweep')
export class SilenceSweepJob implements JobHandler<'silence.sweep'> {
  private readonly logger = new Logger('SilenceSweepJob');

  constructor(
    private readonly db: DataSource,
    private readonly silence: SilenceRepository,
    private readonly closer: SilenceCloser,
  ) {}

  async handle(): Promise<JobResult> {
    let closed = 0;
    for (;;) {
      const ids = await this.silence.overdue(this.db.manager, BATCH);
      let closedNow = 0;
      for (const id of ids) if ((await this.closer.close(id, 'sweep')) === 'closed') closedNow++;
      closed += closedNow;
      // Another closer may hold some of them; they are closed by it, or found again next time.
      if (ids.length < BATCH || closedNow === 0) break;
    }
    if (closed) this.logger.log({ closed }, 'closed silence procedures past their deadline');
    return closed ? 'done' : 'skipped';
  }
}
