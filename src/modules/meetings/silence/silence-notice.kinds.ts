import { textIn } from '../../../core/text/localized-text.js';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defineNoticeKind, eachLive } from '../../../core/outbox/define-notice-kind.js';
import type { PreparedNotification, Recipient } from '../../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../../core/outbox/notification-kinds.registry.js';
import { isUuid } from '../../../core/validation/uuid.js';
import type { Audience } from '../../notifications/recipients.repository.js';
import { RecipientsRepository } from '../../notifications/recipients.repository.js';
import type { NoticeMessage as NoticeBody, NoticeRow } from '../../notifications/templates/message-kinds.js';
import { SILENCE_ADOPTED, SILENCE_BROKEN, SILENCE_CIRCULATED, SILENCE_NOT_ADOPTED, type SilenceKind } from './silence-notices.js';
import { SilenceRepository, type SilenceNoticeRow } from './silence.repository.js';

const HEADS: Audience = { roles: ['head'], delegationIds: [] };
const SECRETARIAT: Audience = { roles: ['secretariat'], delegationIds: [] };

/** The decision's text in the recipient's language, else in the first language it has. */
const textFor = (text: Record<string, string>, r: Recipient): string => textIn(text, r.language);

/**
 * The four notices of the silence procedure, each a NotificationKind whose
 * phrases live in silence.phrases.ts (message 'notice'). When a row is
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
    const load = async (em: EntityManager, ids: string[]) => {
      const found: SilenceNoticeRow[] = [];
      for (const id of ids) {
        const d = await this.silence.forNotice(em, id);
        if (d) found.push(d);
      }
      return found;
    };
    defineNoticeKind(this.registry, {
      kinds: [SILENCE_CIRCULATED, SILENCE_ADOPTED, SILENCE_NOT_ADOPTED] as const,
      load,
      prepare: (kind, em, live) => eachLive(live, (x) => this.prepare(kind, em, x.subject)),
    });
    defineNoticeKind(this.registry, {
      kinds: [SILENCE_BROKEN] as const,
      payload: { breakId: isUuid },
      load,
      prepare: (kind, em, live) => eachLive(live, (x) => this.broken(em, x.subject, x.payload.breakId)),
    });
  }

  private async prepare(kind: Exclude<SilenceKind, typeof SILENCE_BROKEN>, em: EntityManager, d: SilenceNoticeRow): Promise<PreparedNotification | null> {
    const deadline: NoticeRow = { label: 'deadline', at: d.deadline, zone: d.councilTimeZone };
    const reference: NoticeRow = { label: 'reference', text: d.id };
    const concerning: NoticeRow[] = d.bodyName ? [{ label: 'concerning', text: d.bodyName }] : [];
    if (kind === SILENCE_CIRCULATED) {
      if (d.status !== 'proposed') return null;
      return this.to(em, d, HEADS, (r) => this.notice(d, kind, { body: textFor(d.text, r), rows: [deadline, ...concerning, reference] }));
    }
    if (d.status !== 'closed' || (d.outcome === 'adopted') !== (kind === SILENCE_ADOPTED)) return null;
    const brokenBy: NoticeRow[] = kind === SILENCE_NOT_ADOPTED && d.brokenBy.length ? [{ label: 'brokenBy', text: d.brokenBy.join(', ') }] : [];
    return this.to(em, d, HEADS, (r) => this.notice(d, kind, { body: textFor(d.text, r), rows: [...brokenBy, deadline, ...concerning, reference] }));
  }

  /** A break of silence, to the secretariat at once, while it stands and the procedure is open. */
  private async broken(em: EntityManager, d: SilenceNoticeRow, breakId: string): Promise<PreparedNotification | null> {
    const standing = d.status === 'proposed' ? await this.silence.standingBreak(em, breakId) : undefined;
    if (!standing) return null;
    const deadline: NoticeRow = { label: 'deadline', at: d.deadline, zone: d.councilTimeZone };
    return this.to(em, d, SECRETARIAT, (r) =>
      this.notice(d, SILENCE_BROKEN, {
        vars: { delegationName: standing.delegationName },
        body: standing.reason,
        rows: [{ label: 'decision', text: textFor(d.text, r) }, deadline, { label: 'reference', text: d.id }],
      }),
    );
  }

  private async to(em: EntityManager, d: SilenceNoticeRow, audience: Audience, data: (r: Recipient) => NoticeBody): Promise<PreparedNotification> {
    const recipients = (await this.recipients.forAudiences(em, [{ key: d.id, councilId: d.councilId, audience }])).get(d.id) ?? [];
    return { recipients, messageKind: 'notice', message: (r) => ({ data: { ...data(r) } }) };
  }

  private notice(d: SilenceNoticeRow, notice: SilenceKind, parts: Pick<NoticeBody, 'body' | 'rows'> & { vars?: Record<string, string> }): NoticeBody {
    return { councilName: d.councilName, notice, vars: { ...parts.vars }, body: parts.body, rows: parts.rows };
  }
}
