import { ApiProperty } from '@nestjs/swagger';
import { AUDIENCES, type AudienceCode, SCHEDULED_STATUSES, type ScheduledStatus } from '../scheduled-notification-kinds.js';

export class NotificationAudienceResponse {
  @ApiProperty({ enum: Object.keys(AUDIENCES) }) code: AudienceCode;
  @ApiProperty({ example: 'The heads of every delegation of the council' }) description: string;
}

/** The delivery ledger's rows of one notification, by state. */
export class NotificationDeliveryCountsResponse {
  @ApiProperty({ description: 'Messages made, one per recipient' }) total: number;
  @ApiProperty({ description: 'Emails accepted by the mail server' }) sent: number;
  @ApiProperty({ description: 'Emails waiting for, or being handed to, the mail server' }) pending: number;
  @ApiProperty({ description: 'Held for (or included in) the recipient’s daily digest' }) digest: number;
  @ApiProperty({ description: 'Refused for good by the mail server' }) failed: number;
  @ApiProperty({ description: 'Not emailed: the recipient switched this kind off (their inbox has it)' }) off: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last email went out' }) lastSentAt: string | null;
}

export class NotificationRecipientResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['es', 'en', 'fr', 'pt'] }) language: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed', 'held', 'digested', 'skipped'], description: 'The delivery’s state in the ledger' })
  status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

/** One notification of the subject: planned (a reminder under a stable key) or told at a change, with what became of it. */
export class ScheduledNotificationResponse {
  @ApiProperty({ description: 'The outbox row' }) id: string;
  @ApiProperty({ example: 'meeting.reminder', description: 'The notification kind; also the key of its label and of the recipients’ preference' }) kind: string;
  @ApiProperty({ type: String, nullable: true, example: '7d', description: 'Which one of the kind (e.g. 7d, 1d; due-14d; papers), from the occurrence' }) step:
    string | null;
  @ApiProperty({ example: 'Reminder 7 days before the meeting', description: 'In English; a client in another language translates by kind and step' })
  label: string;
  @ApiProperty({
    enum: ['meeting', 'meeting_minutes', 'action_item', 'presidency_term'],
    description: 'What it is about (a meeting’s minutes are listed with the meeting)',
  })
  subjectType: string;
  @ApiProperty({ description: 'True for a planned reminder (moved when its subject moves, cancelled with it); false for a notice told at a change' })
  scheduled: boolean;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it is (or was) due, UTC' }) dueAt: string;
  @ApiProperty({ example: '2026-12-09T10:00:00-06:00', description: 'The same instant in the subject’s zone (timeZone of the list)' }) dueAtLocal: string;
  @ApiProperty({
    enum: SCHEDULED_STATUSES,
    description:
      'pending: waiting for its time; queued: due, handed to the worker; sent: the worker made the messages (see deliveries); ' +
      'skipped: the worker found nothing to send (the subject had moved on, or nobody was to be told, or each recipient had it already); cancelled',
  })
  status: ScheduledStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'sent or skipped: when the worker handled it' }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: NotificationAudienceResponse }) audience: NotificationAudienceResponse;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'How many people it goes to: for a sent one, the messages made; for a pending or queued one, the people of a fixed audience now ' +
      '(null when the kind chooses them only when it fires, or for a cancelled or skipped one)',
  })
  recipientCount: number | null;
  @ApiProperty({ type: NotificationDeliveryCountsResponse, nullable: true, description: 'sent: the ledger’s counts; otherwise null' })
  deliveries: NotificationDeliveryCountsResponse | null;
  @ApiProperty({ type: [NotificationRecipientResponse], description: 'sent: who was told (the ledger), by email' }) recipients: NotificationRecipientResponse[];
}

export class ScheduledNotificationListResponse {
  @ApiProperty({ enum: ['meeting', 'action_item', 'presidency_term'] }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ example: 'America/Mexico_City', description: 'The zone of dueAtLocal: the meeting’s, else the council’s' }) timeZone: string;
  @ApiProperty({ type: [ScheduledNotificationResponse], description: 'Oldest due first' }) items: ScheduledNotificationResponse[];
}
