import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { ConflictException, NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { SetupLinkResponse } from './dto/setup-link.response.js';
import { UserResponse } from './dto/user.response.js';
import { PasswordLinksService } from './password-links.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { UsersRepository } from './users.repository.js';
import { setupLinkResponse, userResponse } from './identity.responses.js';

/** What the system administrator does to accounts, across councils. */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly links: PasswordLinksService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Disables the account: refresh tokens revoked now, and access tokens refused
   * from the next request (the guard reads disabled_at on each). Idempotent.
   */
  async disable(caller: Caller, userId: string): Promise<UserResponse> {
    if (caller.userId === userId) throw new ConflictException('CANNOT_DISABLE_SELF', 'administrators cannot disable their own account', { userId });
    return this.setDisabled(userId, true);
  }

  async enable(userId: string): Promise<UserResponse> {
    return this.setDisabled(userId, false);
  }

  /** A one-time link, emailed to any account that is not disabled; also the way to reset a forgotten password. */
  async newSetupLink(userId: string): Promise<SetupLinkResponse> {
    return this.db.transaction(async (em) => {
      const user = await this.users.findByIdForUpdate(em, userId);
      if (!user) throw new NotFoundException('user', userId);
      if (user.disabled_at !== null) throw new ConflictException('USER_DISABLED', 'the account is disabled', { userId });
      const link = await this.links.issue(em, userId, null);
      await this.audit.record(em, {
        councilId: null,
        action: 'user.setup_link_issued',
        entityType: 'user',
        entityId: userId,
        after: { expiresAt: link.expiresAt, emailedTo: link.email },
      });
      return setupLinkResponse(link);
    });
  }

  private async setDisabled(userId: string, disabled: boolean): Promise<UserResponse> {
    return this.db.transaction(async (em) => {
      const before = await this.users.findByIdForUpdate(em, userId);
      if (!before) throw new NotFoundException('user', userId);
      const row = await this.users.setDisabled(em, userId, disabled);
      if (!row) return userResponse(before);
      const revoked = disabled ? await this.refreshTokens.revokeAllOfUser(em, userId) : 0;
      await this.audit.record(em, {
        councilId: null,
        action: disabled ? 'user.disabled' : 'user.enabled',
        entityType: 'user',
        entityId: userId,
        before: userResponse(before),
        after: { ...userResponse(row), ...(disabled ? { refreshTokensRevoked: revoked } : {}) },
      });
      return userResponse(row);
    });
  }
}
