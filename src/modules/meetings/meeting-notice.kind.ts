import { textIn } from '../../core/text/localized-text.js';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import { defineNoticeKind, type LiveNotice } from '../../core/outbox/define-notice-kind.js';
import type { PreparedNotification, Recipient } from '../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../core/outbox/notification-kinds.registry.js';
import { DEFAULT_MEETING_RULES } from '../councils/council-defaults.js';
import { RecipientsRepository } from '../notifications/recipients.repository.js';
import type { CalendarAttachment } from '../notifications/templates/meeting-calendar.js';
import type { NoticeMessage, NoticeRow } from '../notifications/templates/message-kinds.js';
import { meetingDeadlines } from './deadlines.js';
import { meetingInvitation } from './meeting-invitation.js';
import { MEETING_NOTICE_KINDS, type MeetingNoticeKind, noticeStillDue } from './meeting-notices.js';
import { occurrenceStart } from './meeting-reminders.js';
import { MeetingRemindersRepository, type NoticedAgendaItemRow, type RemindedMeetingRow } from './meeting-reminders.repository.js';
import { MeetingsRepository } from './meetings.repository.js';

/**
 * The notices of a meeting's life, each a notification kind of its own (so each has its own preference):
 * - meeting.convened: to the heads of delegation, with the deadlines and the meeting as an invite.ics;
 * - meeting.agenda_circulated: to the heads of delegation, listing the items in the recipient's language;
 * - meeting.papers_due: PAPERS_REMINDER_DAYS before the papers deadline, to the heads of the delegations presenting items;
 * - meeting.cancelled: to the heads of delegation, when a convened meeting is called off.
 * Each reloads the meeting when it fires and says nothing when the meeting has moved on (noticeStillDue).
 * Phrases: meeting.phrases.ts.
 */
@Injectable()
export class MeetingNoticeKinds implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: NotificationKindsRegistry,
    private readonly meetings: MeetingRemindersRepository,
    private readonly rules: MeetingsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    defineNoticeKind(this.registry, {
      kinds: MEETING_NOTICE_KINDS,
      load: (em, ids) => this.meetings.findMany(em, ids),
      prepare: (kind, em, live) => this.prepareMany(kind, em, live),
    });
  }

  private async prepareMany(kind: MeetingNoticeKind, em: EntityManager, loaded: LiveNotice<RemindedMeetingRow>[]): Promise<Map<string, PreparedNotification>> {
    const live = loaded
      .filter((x) => noticeStillDue(kind, x.subject.status, occurrenceStart(x.row.occurrence), new Date(x.subject.startsAt)))
      .map(({ row, subject }) => ({ row, meeting: subject }));
    const items =
      kind === 'meeting.agenda_circulated' || kind === 'meeting.papers_due'
        ? await this.meetings.agendaItems(
            em,
            live.map((l) => l.meeting.id),
          )
        : [];
    // Papers: the reminder is about the items whose papers are missing (in some working language) only.
    const itemsOf = (meetingId: string) => items.filter((i) => i.meetingId === meetingId && (kind !== 'meeting.papers_due' || i.papersMissing));
    const audiences = live
      .map(({ row, meeting }) => {
        const presenters = [...new Set(itemsOf(meeting.id).flatMap((i) => (i.presenterDelegationId ? [i.presenterDelegationId] : [])))];
        // Papers: only the presenting delegations whose papers are missing; with none, nobody is reminded.
        if (kind === 'meeting.papers_due' && presenters.length === 0) return null;
        return {
          key: row.id,
          councilId: meeting.councilId,
          audience: { roles: ['head' as const], delegationIds: kind === 'meeting.papers_due' ? presenters : [] },
        };
      })
      .filter((a) => a !== null);
    const heads = await this.recipients.forAudiences(em, audiences);
    const out = new Map<string, PreparedNotification>();
    // The council's meeting rules, read once per council of the batch (only the notices that show deadlines ask).
    const rules = new Map<string, ReturnType<MeetingsRepository['rulesOf']>>();
    const rulesOf = (councilId: string) => rules.get(councilId) ?? rules.set(councilId, this.rules.rulesOf(councilId, em)).get(councilId)!;
    for (const { row, meeting } of live) {
      const recipients = heads.get(row.id);
      if (!recipients) continue;
      const message = await this.message(kind, em, meeting, itemsOf(meeting.id), rulesOf);
      out.set(row.id, { recipients, messageKind: 'notice', message });
    }
    return out;
  }

  private async message(
    kind: MeetingNoticeKind,
    em: EntityManager,
    meeting: RemindedMeetingRow,
    items: NoticedAgendaItemRow[],
    rulesOf: (councilId: string) => ReturnType<MeetingsRepository['rulesOf']>,
  ): Promise<(r: Recipient) => { data: NoticeMessage; attachments?: CalendarAttachment[] }> {
    const startsAt = new Date(meeting.startsAt);
    const base = { councilName: meeting.councilName, notice: kind, vars: { meetingTitle: meeting.title } as Record<string, string | number> };
    const when: NoticeRow = { label: 'common.whenMeetingTime', at: startsAt, zone: meeting.timeZone };
    const deadlines = async () =>
      meetingDeadlines(startsAt, (await rulesOf(meeting.councilId))[meeting.kind] ?? DEFAULT_MEETING_RULES[meeting.kind], meeting.timeZone);
    switch (kind) {
      case 'meeting.convened': {
        const rows: NoticeRow[] = [when];
        if (meeting.venue) rows.push({ label: 'venue', text: meeting.venue });
        if (meeting.onlineUrl) rows.push({ label: 'onlineLink', text: meeting.onlineUrl });
        const { agendaBy, papersBy } = await deadlines();
        rows.push({ label: 'agendaDeadline', at: agendaBy }, { label: 'papersDeadline', at: papersBy });
        const attachments = [meetingInvitation(meeting, this.config.publicUrl, new Date())];
        return () => ({ data: { ...base, rows }, attachments });
      }
      case 'meeting.agenda_circulated':
        return (r) => ({
          data: { ...base, vars: { ...base.vars, itemCount: items.length }, body: listOf(items, r.language), rows: [when] },
        });
      case 'meeting.papers_due': {
        const { papersBy } = await deadlines();
        return (r) => ({
          data: {
            ...base,
            rows: [
              { label: 'deadline', at: papersBy, zone: meeting.timeZone },
              {
                label: 'items',
                text: listOf(
                  items.filter((i) => i.presenterDelegationId !== null),
                  r.language,
                ),
              },
              when,
            ],
          },
        });
      }
      case 'meeting.cancelled':
        return () => ({ data: { ...base, rows: [when] } });
    }
  }
}

/** "1. Title" lines in the recipient's language (else the first language the item has). */
function listOf(items: NoticedAgendaItemRow[], language: string): string {
  return items.map((i, n) => `${n + 1}. ${textIn(i.title, language)}`).join('\n');
}
