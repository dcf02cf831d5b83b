import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../core/outbox/outbox.service.js';
import { MEETING_REMINDER_KIND, meetingReminderPrefix, plannedReminders } from './meeting-reminders.js';

/**
 * The outbox side of meeting reminders, called by MeetingsService inside the transaction of the change:
 * plan (on convening, and on a move of a convened meeting: scheduling a key again moves it) and cancel
 * (cancelled, postponed, started). The kind (MeetingReminderKind, on the worker) checks the meeting again
 * when a reminder fires.
 */
@Injectable()
export class MeetingRemindersScheduler {
  constructor(private readonly outbox: OutboxService) {}

  /** Schedules (or moves) each reminder still ahead of `now`; cancels the ones whose time has passed. */
  async plan(em: EntityManager, councilId: string, meetingId: string, startsAt: Date, timeZone: string, now: Date): Promise<void> {
    for (const r of plannedReminders(meetingId, startsAt, timeZone, now)) {
      if (r.dueAt === null) await this.outbox.cancel(em, r.key);
      else {
        await this.outbox.schedule(em, r.key, r.dueAt, {
          councilId,
          kind: MEETING_REMINDER_KIND,
          subjectType: 'meeting',
          subjectId: meetingId,
          occurrence: r.occurrence,
        });
      }
    }
  }

  /** Cancels every reminder of the meeting that has not gone out yet; returns how many. */
  async cancelAll(em: EntityManager, meetingId: string): Promise<number> {
    return this.outbox.cancel(em, meetingReminderPrefix(meetingId));
  }
}
