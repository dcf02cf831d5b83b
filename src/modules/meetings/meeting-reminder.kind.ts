import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import { defineNoticeKind, type LiveNotice } from '../../core/outbox/define-notice-kind.js';
import type { PreparedNotification } from '../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../core/outbox/notification-kinds.registry.js';
import { RecipientsRepository } from '../notifications/recipients.repository.js';
import type { MeetingReminderData } from '../notifications/templates/message-kinds.js';
import { meetingInvitation } from './meeting-invitation.js';
import { calendarDaysUntil, MEETING_REMINDER_KIND, occurrenceStart, REMINDED_STATUSES } from './meeting-reminders.js';
import { MeetingRemindersRepository, type RemindedMeetingRow } from './meeting-reminders.repository.js';

/**
 * A meeting starts in N days: told to the heads of delegation of the council, with the meeting as an
 * invite.ics. Outbox row: subject ('meeting', id), occurrence '<offset>@<start ISO>' (see meeting-reminders.ts),
 * scheduled by MeetingsService. When it fires the meeting is read again: nothing is sent unless it is still
 * convened (or its agenda circulated) and still starts when the reminder was planned for.
 */
@Injectable()
export class MeetingReminderKind implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: NotificationKindsRegistry,
    private readonly meetings: MeetingRemindersRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    defineNoticeKind(this.registry, {
      kinds: [MEETING_REMINDER_KIND] as const,
      load: (em, ids) => this.meetings.findMany(em, ids),
      prepare: (_kind, em, live) => this.prepareMany(em, live),
    });
  }

  /** Reminders due together in two queries: the meetings, then the heads of every council concerned. */
  private async prepareMany(em: EntityManager, loaded: LiveNotice<RemindedMeetingRow>[]): Promise<Map<string, PreparedNotification>> {
    const live = loaded.filter((x) => this.stillDue(x.row.occurrence, x.subject)).map(({ row, subject }) => ({ row, meeting: subject }));
    const heads = await this.recipients.forAudiences(
      em,
      live.map(({ row, meeting }) => ({ key: row.id, councilId: meeting.councilId, audience: { roles: ['head'], delegationIds: [] } })),
    );
    const now = new Date();
    const out = new Map<string, PreparedNotification>();
    for (const { row, meeting } of live) {
      const startsAt = new Date(meeting.startsAt);
      const endsAt = new Date(meeting.endsAt);
      const attachments = [meetingInvitation(meeting, this.config.publicUrl, now)];
      const data: Omit<MeetingReminderData, 'recipientName' | 'recipientTimeZone'> = {
        councilName: meeting.councilName,
        meetingTitle: meeting.title,
        startsAt,
        endsAt,
        meetingTimeZone: meeting.timeZone,
        venue: meeting.venue,
        onlineLink: meeting.onlineUrl,
        daysBefore: 0,
      };
      out.set(row.id, {
        recipients: heads.get(row.id) ?? [],
        // "tomorrow" / "in 7 days" as the recipient's own calendar counts it.
        message: (r) => ({ data: { ...data, daysBefore: calendarDaysUntil(now, startsAt, r.timeZone) }, attachments }),
      });
    }
    return out;
  }

  /** Still convened (or its agenda circulated), and still starting when the reminder was planned for. */
  private stillDue(occurrence: string, meeting: RemindedMeetingRow): boolean {
    const plannedFor = occurrenceStart(occurrence);
    return REMINDED_STATUSES.includes(meeting.status) && plannedFor !== null && plannedFor.getTime() === new Date(meeting.startsAt).getTime();
  }
}
