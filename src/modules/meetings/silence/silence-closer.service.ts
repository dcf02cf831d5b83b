import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { SILENCE_ADOPTED, SILENCE_NOT_ADOPTED } from './silence-notices.js';
import { silenceOutcome, writtenQuorum } from './silence-rules.js';
import { SilenceRepository } from './silence.repository.js';

export type CloseResult = 'closed' | 'skipped' | 'not_due';

/**
 * Closes a written decision at its deadline, exactly once, whoever asks (its
 * delayed job, the sweeper, both at once, twice): one transaction locks the
 * open decision FOR UPDATE (a second closer waits, then finds it closed:
 * 'skipped'), counts the breaks standing (after the lock, so a break accepted
 * before the deadline is never missed), closes it as of its deadline with the
 * figures, and writes its audit row and the result notice. The UPDATE's own
 * guards (still proposed, deadline passed) and the closed-is-final trigger
 * make a second close impossible even without the lock.
 */
@Injectable()
export class SilenceCloser {
  constructor(
    private readonly db: DataSource,
    private readonly silence: SilenceRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async close(decisionId: string, by: 'job' | 'sweep'): Promise<CloseResult> {
    return this.db.transaction(async (em) => {
      const row = await this.silence.lockForClosing(em, decisionId);
      if (!row) return 'skipped';
      if (!row.due) return 'not_due';
      const counts = await this.silence.closingCounts(em, row.councilId, decisionId);
      const outcome = silenceOutcome(counts.standing, counts.active);
      const figures = writtenQuorum(Number(row.quorumRatio), counts.active);
      if (!(await this.silence.closeWritten(em, decisionId, outcome, figures))) return 'skipped';
      await this.audit.record(em, {
        councilId: row.councilId,
        action: 'decision.closed',
        entityType: 'decision',
        entityId: decisionId,
        before: { status: 'proposed' },
        after: {
          procedure: 'written',
          status: 'closed',
          outcome,
          closedAt: new Date(row.deadline).toISOString(),
          quorum: figures,
          standingBreaks: counts.standing,
          closedBy: `system (silence.${by === 'job' ? 'close' : 'sweep'})`,
        },
      });
      await this.outbox.notify(em, {
        councilId: row.councilId,
        kind: outcome === 'adopted' ? SILENCE_ADOPTED : SILENCE_NOT_ADOPTED,
        subjectType: 'decision',
        subjectId: decisionId,
      });
      return 'closed';
    });
  }
}
