import { textIn } from '../../../core/text/localized-text.js';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind, OutboxRow, PreparedNotification, Recipient } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import type { Audience } from '../../notifications/recipients.repository.js';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeData, NoticeRow } from '../../notifications/templates/message-kinds.js';
import { SILENCE_ADOPTED, SILENCE_BROKEN, SILENCE_CIRCULATED, SILENCE_NOT_ADOPTED, type SilenceKind } from './silence-notices.js';
import { SilenceRepository, type SilenceNoticeRow } from './silence.repository.js';

type NoticeBody = Omit<NoticeData, 'recipientName' | 'recipientTimeZone'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEADS: Audience = { roles: ['head'], delegationIds: [] };
const SECRETARIAT: Audience = { roles: ['secretariat'], delegationIds: [] };

/** The decision's text in the recipient's language, else in the first language it has. */
const textFor = (text: Record<string, string>, r: Recipient): string => textIn(text, r.language);

/**
 * The four notices of the silence procedure, each a NotificationKind whose
 * phrases live in notices/silence.notices.ts (message 'notice'). When a row is
 * dispatched the decision is read again, and nothing is sent when the notice no
 * longer applies: 'circulated' once the procedure is closed; 'broken' once that
 * break is withdrawn; a result whose outcome is not the decision's.
 * - silence.circulated → heads of delegation: the text and the deadline;
 * - silence.broken → the secretariat, at once: who, why, the deadline;
 * - silence.adopted / silence.not_adopted → heads of delegation (and who broke silence).
 */
@Injectable()
export class SilenceNoticeKinds implements OnModuleInit {
  constructor(
    private readonly registry: NotificationKindsRegistry,
    private readonly silence: SilenceRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  onModuleInit(): void {
    for (const kind of [SILENCE_CIRCULATED, SILENCE_BROKEN, SILENCE_ADOPTED, SILENCE_NOT_ADOPTED] as const) {
      const notificationKind: NotificationKind = { kind, prepare: (em, row) => this.prepare(kind, em, row) };
      this.registry.register(notificationKind);
    }
  }

  async prepare(kind: SilenceKind, em: EntityManager, row: OutboxRow): Promise<PreparedNotification | null> {
    if (!UUID.test(row.subjectId)) return null;
    const d = await this.silence.forNotice(em, row.subjectId);
    if (!d || d.councilId !== row.councilId) return null;
    const deadline: NoticeRow = { label: 'deadline', at: d.deadline, zone: d.councilTimeZone };
    const reference: NoticeRow = { label: 'reference', text: d.id };
    const concerning: NoticeRow[] = d.bodyName ? [{ label: 'concerning', text: d.bodyName }] : [];
    switch (kind) {
      case SILENCE_CIRCULATED:
        if (d.status !== 'proposed') return null;
        return this.to(em, d, HEADS, (r) => this.notice(d, kind, { body: textFor(d.text, r), rows: [deadline, ...concerning, reference] }));
      case SILENCE_BROKEN: {
        const breakId = typeof row.payload.breakId === 'string' ? row.payload.breakId : '';
        const standing = UUID.test(breakId) && d.status === 'proposed' ? await this.silence.standingBreak(em, breakId) : undefined;
        if (!standing) return null;
        return this.to(em, d, SECRETARIAT, (r) =>
          this.notice(d, kind, {
            vars: { delegationName: standing.delegationName },
            body: standing.reason,
            rows: [{ label: 'decision', text: textFor(d.text, r) }, deadline, reference],
          }),
        );
      }
      case SILENCE_ADOPTED:
      case SILENCE_NOT_ADOPTED: {
        if (d.status !== 'closed' || (d.outcome === 'adopted') !== (kind === SILENCE_ADOPTED)) return null;
        const brokenBy: NoticeRow[] = kind === SILENCE_NOT_ADOPTED && d.brokenBy.length ? [{ label: 'brokenBy', text: d.brokenBy.join(', ') }] : [];
        return this.to(em, d, HEADS, (r) => this.notice(d, kind, { body: textFor(d.text, r), rows: [...brokenBy, deadline, ...concerning, reference] }));
      }
    }
  }

  private async to(em: EntityManager, d: SilenceNoticeRow, audience: Audience, data: (r: Recipient) => NoticeBody): Promise<PreparedNotification> {
    const recipients = (await this.recipients.forAudiences(em, [{ key: d.id, councilId: d.councilId, audience }])).get(d.id) ?? [];
    return { recipients, messageKind: 'notice', message: (r) => ({ data: { ...data(r) } }) };
  }

  private notice(d: SilenceNoticeRow, notice: SilenceKind, parts: Pick<NoticeBody, 'body' | 'rows'> & { vars?: Record<string, string> }): NoticeBody {
    return { councilName: d.councilName, notice, vars: { ...parts.vars }, body: parts.body, rows: parts.rows };
  }
}
