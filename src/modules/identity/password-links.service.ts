import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import { requestContext } from '../../core/context/request-context.js';
import { InvalidInputException } from '../../core/errors/domain.exception.js';
import { OutboxService } from '../../core/outbox/outbox.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { SetPasswordDto } from './dto/set-password.dto.js';
import type { TokenResponse } from './dto/token.response.js';
import { PASSWORD_LINK_KIND } from './password-link.kind.js';
import { PasswordHasher } from './password-hasher.service.js';
import { PasswordLinksRepository } from './password-links.repository.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionsService } from './sessions.service.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import { UsersRepository } from './users.repository.js';

/** A link that was issued and will be emailed to its user. */
export interface IssuedLink {
  linkId: string;
  email: string;
  expiresAt: string;
}

/**
 * One-time links to set a password: issued (older unused ones end), emailed to
 * the person, then used once before they expire. Only the SHA-256 of the token
 * is stored, and the token itself exists only from the moment the email is
 * made (see PasswordLinkKind): nobody — not the secretariat, not the API
 * response, not the outbox — ever sees it but the recipient.
 */
@Injectable()
export class PasswordLinksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly links: PasswordLinksRepository,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * A fresh link for the user, inside the caller's transaction (which records
   * the audit row): older unused links end, the new link row is written SEALED
   * (its hash is that of a random token thrown away at once, so it cannot be
   * used), and an outbox notification asks the worker to email it. The worker
   * gives the row its real token when it makes the email (PasswordLinkKind).
   * `councilId`: the council whose secretariat issued it (null: the administrator).
   */
  async issue(em: EntityManager, userId: string, councilId: string | null): Promise<IssuedLink> {
    await this.links.invalidateUnused(em, userId);
    const row = await this.links.insert(em, { userId, tokenHash: hashSecretToken(newSecretToken()), ttlHours: this.config.auth.passwordLinkTtlHours });
    await this.outbox.notify(em, { councilId, kind: PASSWORD_LINK_KIND, subjectType: 'user', subjectId: userId, occurrence: row.id });
    const user = await this.users.findById(userId, em);
    return { linkId: row.id, email: user!.email, expiresAt: row.expires_at.toISOString() };
  }

  /**
   * Sets the password of the link's user, uses up every open link of theirs,
   * signs them out everywhere (all refresh tokens revoked) and signs them in
   * here: a new session, as POST /auth/login would start, in the same
   * transaction. A refused link names why in its rule: 'link_expired',
   * 'link_used' (used, or replaced by a newer link), else 'valid_link'
   * (unknown, or its account disabled: nothing more is said about those).
   */
  async setPassword(dto: SetPasswordDto): Promise<TokenResponse> {
    const session = await this.db.transaction(async (em) => {
      const link = await this.links.findByHashForUpdate(em, hashSecretToken(dto.token));
      if (!link || link.user_disabled) {
        throw new InvalidInputException('token', 'valid_link', 'the link is unknown, expired or already used; ask the secretariat for a new one');
      }
      if (link.used_at !== null) {
        throw new InvalidInputException('token', 'link_used', 'the link was already used, or replaced by a newer one; ask the secretariat for a new one');
      }
      if (link.expires_at.getTime() <= Date.now()) {
        throw new InvalidInputException('token', 'link_expired', 'the link has expired; ask the secretariat for a new one');
      }
      const passwordHash = await this.hasher.hash(dto.password);
      const before = await this.users.findByIdForUpdate(em, link.user_id);
      await this.users.setPasswordHash(em, link.user_id, passwordHash);
      await this.links.invalidateUnused(em, link.user_id);
      const revoked = await this.refreshTokens.revokeAllOfUser(em, link.user_id);
      // Whoever holds the link acts as its user.
      const ctx = requestContext.current();
      if (ctx) ctx.actorId = link.user_id;
      await this.audit.record(em, {
        councilId: null,
        action: 'user.password_set',
        entityType: 'user',
        entityId: link.user_id,
        before: { hasPassword: before?.has_password ?? false },
        after: { hasPassword: true, via: 'one_time_link', refreshTokensRevoked: revoked },
      });
      return { userId: link.user_id, refreshToken: await this.sessions.start(em, link.user_id, 'password_link') };
    });
    return this.sessions.tokens(session.userId, session.refreshToken);
  }
}
