import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import {
  commentDeadlineReminderKey,
  deadlineReminderDue,
  MINUTES_APPROVED_KIND,
  MINUTES_CIRCULATED_KIND,
  MINUTES_COMMENT_DEADLINE_KIND,
  minutesReminderPrefix,
} from './minutes-rules.js';

/**
 * The outbox side of minutes, called inside the transaction of the change:
 * notices to the heads of delegation when minutes are circulated and
 * approved, and the comment-deadline reminder (scheduled at circulation under
 * a stable key, cancelled at approval). The worker's kinds read the minutes
 * again when a row fires (see minutes-notice.kind.ts).
 */
@Injectable()
export class MinutesNotifier {
  constructor(private readonly outbox: OutboxService) {}

  /** The notice of circulation now, and the reminder 2 days before the deadline (none when that is not ahead). */
  async circulated(em: EntityManager, councilId: string, meetingId: string, deadline: Date, now: Date): Promise<void> {
    const occurrence = deadline.toISOString();
    await this.outbox.notify(em, { councilId, kind: MINUTES_CIRCULATED_KIND, subjectType: 'meeting_minutes', subjectId: meetingId, occurrence });
    const due = deadlineReminderDue(deadline, now);
    if (due === null) return;
    await this.outbox.schedule(em, commentDeadlineReminderKey(meetingId), due, {
      councilId,
      kind: MINUTES_COMMENT_DEADLINE_KIND,
      subjectType: 'meeting_minutes',
      subjectId: meetingId,
      occurrence,
    });
  }

  /** Cancels the pending deadline reminder and notifies the approval. */
  async approved(em: EntityManager, councilId: string, meetingId: string): Promise<void> {
    await this.outbox.cancel(em, minutesReminderPrefix(meetingId));
    await this.outbox.notify(em, { councilId, kind: MINUTES_APPROVED_KIND, subjectType: 'meeting_minutes', subjectId: meetingId });
  }
}
