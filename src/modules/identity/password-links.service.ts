import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import { requestContext } from '../../core/context/request-context.js';
import { InvalidInputException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { SetPasswordDto } from './dto/set-password.dto.js';
import { SetupLinkResponse } from './dto/setup-link.response.js';
import { PasswordHasher } from './password-hasher.service.js';
import { PasswordLinksRepository } from './password-links.repository.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import { UsersRepository } from './users.repository.js';

/**
 * One-time links to set a password: issued (older unused ones end), then used
 * once before they expire. Only the SHA-256 of the token is stored.
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
  ) {}

  /** A fresh link for the user, inside the caller's transaction (which records the audit row). */
  async issue(em: EntityManager, userId: string): Promise<SetupLinkResponse> {
    await this.links.invalidateUnused(em, userId);
    const token = newSecretToken();
    const row = await this.links.insert(em, { userId, tokenHash: hashSecretToken(token), ttlHours: this.config.auth.passwordLinkTtlHours });
    const link = new SetupLinkResponse();
    link.url = `${this.config.publicUrl}/set-password?token=${encodeURIComponent(token)}`;
    link.expiresAt = row.expires_at.toISOString();
    return link;
  }

  /**
   * Sets the password of the link's user, uses up every open link of theirs and
   * signs them out everywhere (all refresh tokens revoked).
   */
  async setPassword(dto: SetPasswordDto): Promise<void> {
    await this.db.transaction(async (em) => {
      const link = await this.links.findByHashForUpdate(em, hashSecretToken(dto.token));
      if (!link || link.used_at !== null || link.expires_at.getTime() <= Date.now() || link.user_disabled) {
        throw new InvalidInputException('token', 'valid_link', 'the link is unknown, expired or already used; ask the secretariat for a new one');
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
    });
  }
}
