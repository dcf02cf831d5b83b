import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../core/config/app-config.js';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobResult } from '../../../../core/queue/job-registry.js';
import { HandoverMeetingRepository } from '../handover-meeting.repository.js';
import { TransferRepository } from '../transfer.repository.js';
import { TransferService } from '../transfer.service.js';

/**
 * The backstop of the transfer jobs: the queue may lose them and the worker may be down at a term's end.
 * Succeeds every ended term not succeeded yet, council by council, in order (so after an outage over
 * several boundaries each term passes once, oldest first), and queues the jobs of the ends coming within
 * the next two sweep intervals (terms recorded by the API have none yet). First, the terms whose designated
 * handover meeting has closed pass at the instant it closed (mode 'meeting') — normally done by the close itself
 * (HandoverMeetingCloseListener); here only a close that could not transfer then (an earlier term awaiting its
 * succession, a close no listener saw). Idempotent: once per from_term (UNIQUE).
 */
@Injectable()
@HandlesJob('presidency.transfer_sweep')
export class PresidencyTransferSweepJob implements JobHandler<'presidency.transfer_sweep'> {
  private readonly logger = new Logger('PresidencyTransferSweepJob');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly repo: TransferRepository,
    private readonly transfers: TransferService,
    private readonly handoverMeetings: HandoverMeetingRepository,
  ) {}

  async handle(): Promise<JobResult> {
    let succeeded = 0;
    for (const h of await this.handoverMeetings.closedPending(this.db.manager)) {
      const outcome = await this.transfers.transferAtMeetingClose(h.termId);
      if (outcome === 'transferred' || outcome === 'extended') succeeded++;
    }
    for (const councilId of await this.repo.councilsWithDueTerms(this.db.manager)) {
      const outcomes = await this.transfers.catchUp(councilId);
      succeeded += outcomes.filter((o) => o === 'transferred' || o === 'extended').length;
    }
    const horizon = Math.max(2 * this.config.presidency.transferSweepIntervalMs, 60_000);
    for (const t of await this.repo.endingSoon(this.db.manager, horizon)) await this.transfers.enqueue(t.id, t.endsAt);
    if (succeeded) this.logger.log({ succeeded }, 'caught up presidency terms past their end');
    return succeeded ? 'done' : 'skipped';
  }
}
