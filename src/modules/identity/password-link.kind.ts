import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import type { NotificationKind, OutboxRow, Recipient } from '../../core/outbox/notification-kind.js';
import { NotificationKindsRegistry } from '../../core/outbox/notification-kinds.registry.js';
import { SET_PASSWORD_PAGE_PATH } from '../../web/set-password/set-password-page.paths.js';
import { PasswordLinksRepository } from './password-links.repository.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';

export const PASSWORD_LINK_KIND = 'account.password_link';

/**
 * What stands in for the token in every copy of the message kept after sending
 * (the delivery ledger, the inbox): see SendMailJob.
 */
export const REDACTED_TOKEN = '[redacted]';

/** Where the link leads: the set-password page of the web console, in the language of the email. */
export function setPasswordUrl(publicUrl: string, token: string, language: string): string {
  return `${publicUrl}${SET_PASSWORD_PAGE_PATH}?token=${encodeURIComponent(token)}&lang=${encodeURIComponent(language)}`;
}

/**
 * The one-time password link, emailed to its user. Outbox row: subject ('user',
 * userId), occurrence = the password_setup_tokens row's id, council = the
 * council whose secretariat issued it (null: the administrator).
 *
 * The secret is made HERE, at send time, in the dispatch transaction: a new
 * token, whose hash replaces the sealed one the API wrote. So the token never
 * sits in the outbox or the queue, and if the dispatch rolls back, so does the
 * hash. Nothing is sent when the link was replaced, used or expired, or the
 * account disabled, in the meantime.
 */
@Injectable()
export class PasswordLinkKind implements NotificationKind, OnModuleInit {
  readonly kind = PASSWORD_LINK_KIND;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: NotificationKindsRegistry,
    private readonly links: PasswordLinksRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async prepare(em: EntityManager, row: OutboxRow) {
    const token = newSecretToken();
    const link = await this.links.arm(em, row.occurrence, hashSecretToken(token));
    if (!link || link.user_id !== row.subjectId) return null;
    const person = await this.links.recipient(em, link.user_id, row.councilId);
    if (!person) return null;
    const recipient: Recipient = {
      userId: link.user_id,
      email: person.email,
      fullName: person.full_name,
      language: person.language,
      timeZone: person.time_zone,
    };
    const data = {
      fullName: person.full_name,
      url: setPasswordUrl(this.config.publicUrl, token, person.language),
      expiresAt: link.expires_at,
      councilName: person.council_name,
    };
    return { recipients: [recipient], message: () => ({ data }) };
  }
}
