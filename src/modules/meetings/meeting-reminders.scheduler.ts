import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../core/outbox/outbox.service.js';
import { papersReminderDue, papersReminderKey } from './meeting-notices.js';
import { MEETING_REMINDER_KIND, meetingReminderOccurrence, meetingReminderPrefix, plannedReminders } from './meeting-reminders.js';

/**
 * The outbox side of meeting reminders, called by MeetingsService inside the transaction of the change:
 * plan (on convening, and on a move of a convened meeting: scheduling a key again moves it) and cancel
 * (cancelled, postponed, started). The kind (MeetingReminderKind, on the worker) checks the meeting again
 * when a reminder fires.
 */
@Injectable()
export class MeetingRemindersScheduler {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * Schedules (or moves) each reminder still ahead of `now` — the 7- and 1-day reminders and the papers reminder
   * (PAPERS_REMINDER_DAYS before the papers deadline) — and cancels the ones whose time has passed.
   */
  async plan(em: EntityManager, councilId: string, meetingId: string, startsAt: Date, timeZone: string, papersDays: number, now: Date): Promise<void> {
    const papersDue = papersReminderDue(startsAt, papersDays, timeZone, now);
    if (papersDue === null) await this.outbox.cancel(em, papersReminderKey(meetingId));
    else {
      await this.outbox.schedule(em, papersReminderKey(meetingId), papersDue, {
        councilId,
        kind: 'meeting.papers_due',
        subjectType: 'meeting',
        subjectId: meetingId,
        occurrence: meetingReminderOccurrence('papers', startsAt),
      });
    }
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

  /** The convening notice, now: for the meeting's start, so a meeting postponed and convened again at a new time is announced again. */
  async convened(em: EntityManager, councilId: string, meetingId: string, startsAt: Date): Promise<void> {
    await this.outbox.notify(em, {
      councilId,
      kind: 'meeting.convened',
      subjectType: 'meeting',
      subjectId: meetingId,
      occurrence: meetingReminderOccurrence('convened', startsAt),
    });
  }

  /** The agenda went out: told now, once per circulation. */
  async agendaCirculated(em: EntityManager, councilId: string, meetingId: string, circulatedAt: Date): Promise<void> {
    await this.outbox.notify(em, {
      councilId,
      kind: 'meeting.agenda_circulated',
      subjectType: 'meeting',
      subjectId: meetingId,
      occurrence: `agenda@${circulatedAt.toISOString()}`,
    });
  }

  /** A meeting that had been announced is called off: its reminders are dropped and the cancellation is told. */
  async cancelled(em: EntityManager, councilId: string, meetingId: string): Promise<void> {
    await this.cancelAll(em, meetingId);
    await this.outbox.notify(em, { councilId, kind: 'meeting.cancelled', subjectType: 'meeting', subjectId: meetingId, occurrence: 'cancelled' });
  }

  /** Cancels every reminder of the meeting that has not gone out yet; returns how many. */
  async cancelAll(em: EntityManager, meetingId: string): Promise<number> {
    return this.outbox.cancel(em, meetingReminderPrefix(meetingId));
  }
}
