import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessTokenService } from '../../core/auth/access-token.service.js';
import { UnauthenticatedException } from '../../core/auth/auth.guard.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import type { LoginDto } from './dto/login.dto.js';
import { TokenResponse } from './dto/token.response.js';
import { PasswordHasher } from './password-hasher.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import { UsersRepository } from './users.repository.js';

const BAD_CREDENTIALS = 'the email or password is wrong';
const BAD_REFRESH = 'the refresh token is invalid, expired or already used; sign in again';

type RefreshOutcome = { refused: true } | { refused: false; userId: string; refreshToken: string };

/**
 * Sign-in, refresh-token rotation and sign-out. A session is a family of
 * refresh tokens: each use replaces the token by a new one of the same family;
 * presenting a used token again means it was copied, so the family ends.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  /** The same refusal for an unknown email, a wrong password, no password yet and a disabled account. */
  async login(dto: LoginDto): Promise<TokenResponse> {
    const user = await this.users.credentialsByEmail(dto.email.trim().toLowerCase());
    if (!user?.password_hash) {
      await this.hasher.verifyDummy(dto.password);
      throw new UnauthenticatedException(BAD_CREDENTIALS);
    }
    const valid = await this.hasher.verify(user.password_hash, dto.password);
    if (!valid || user.disabled) throw new UnauthenticatedException(BAD_CREDENTIALS);
    const refreshToken = await this.db.transaction((em) => this.start(em, user.id));
    return this.tokens(user.id, refreshToken);
  }

  /**
   * A new session for the user inside the caller's transaction, audited
   * ('session.started'): returns the first refresh token of the new family.
   * `via`: how the person proved who they are, when not by email and password.
   */
  async start(em: EntityManager, userId: string, via?: 'password_link'): Promise<string> {
    const familyId = randomUUID();
    const token = await this.storeRefreshToken(em, userId, familyId);
    await this.audit.record(em, {
      councilId: null,
      action: 'session.started',
      entityType: 'user',
      entityId: userId,
      after: via ? { familyId, via } : { familyId },
    });
    return token;
  }

  /** The token response of a session: a new access token with the session's current refresh token. */
  async tokens(userId: string, refreshToken: string): Promise<TokenResponse> {
    const r = new TokenResponse();
    r.accessToken = await this.accessTokens.issue(userId);
    r.tokenType = 'Bearer';
    r.expiresIn = this.accessTokens.ttlSeconds;
    r.refreshToken = refreshToken;
    return r;
  }

  async refresh(presented: string): Promise<TokenResponse> {
    // Refusals that revoke must commit: the transaction returns them rather than throwing.
    const outcome = await this.db.transaction(async (em): Promise<RefreshOutcome> => {
      const row = await this.refreshTokens.findByHashForUpdate(em, hashSecretToken(presented));
      if (!row) return { refused: true };
      if (row.revoked_at !== null) {
        const revoked = await this.refreshTokens.revokeFamily(em, row.family_id);
        if (row.replaced_by !== null) {
          await this.audit.record(em, {
            councilId: null,
            action: 'session.refresh_token_reused',
            entityType: 'user',
            entityId: row.user_id,
            after: { familyId: row.family_id, refreshTokensRevoked: revoked },
          });
        }
        return { refused: true };
      }
      if (row.expires_at.getTime() <= Date.now()) return { refused: true };
      if (row.user_disabled) {
        await this.refreshTokens.revokeFamily(em, row.family_id);
        return { refused: true };
      }
      const refreshToken = newSecretToken();
      const nextId = await this.refreshTokens.insert(em, {
        userId: row.user_id,
        familyId: row.family_id,
        tokenHash: hashSecretToken(refreshToken),
        ttlDays: this.config.auth.refreshTokenTtlDays,
      });
      await this.refreshTokens.markReplaced(em, row.id, nextId);
      return { refused: false, userId: row.user_id, refreshToken };
    });
    if (outcome.refused) throw new UnauthenticatedException(BAD_REFRESH);
    return this.tokens(outcome.userId, outcome.refreshToken);
  }

  /** Ends the session the token belongs to (its whole family). Unknown tokens are ignored: signing out twice is fine. */
  async logout(presented: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const token = await this.refreshTokens.findFamilyByHash(hashSecretToken(presented), em);
      if (!token) return;
      const revoked = await this.refreshTokens.revokeFamily(em, token.family_id);
      if (revoked > 0) {
        await this.audit.record(em, {
          councilId: null,
          action: 'session.ended',
          entityType: 'user',
          entityId: token.user_id,
          after: { familyId: token.family_id },
        });
      }
    });
  }

  private async storeRefreshToken(em: EntityManager, userId: string, familyId: string): Promise<string> {
    const token = newSecretToken();
    await this.refreshTokens.insert(em, { userId, familyId, tokenHash: hashSecretToken(token), ttlDays: this.config.auth.refreshTokenTtlDays });
    return token;
  }
}
