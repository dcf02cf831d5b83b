import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export const TOKEN_ISSUER = 'protempore';
export const TOKEN_AUDIENCE = 'protempore-api';
const ALGORITHM = 'HS256';

export class InvalidTokenError extends Error {}

/** How many verified tokens are remembered (each until its own expiry). */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Short-lived signed access tokens: HS256 only (the algorithm is pinned, so
 * `alg: none` and key-confusion tokens fail), issuer, audience and expiry checked.
 */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens already verified, by their exact text, each kept until its own expiry: a token's signature, issuer,
   * audience and subject cannot change, so checking them again on every request only costs CPU. Whether the user is
   * still enabled is not cached (the guard reads the account on every request).
   */
  private readonly verified = new LRUCache<string, string>({ max: VERIFIED_CACHE_SIZE });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
  }

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  async issue(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.key);
  }

  /** The user id of a valid token; InvalidTokenError for anything else. */
  async verify(token: string): Promise<string> {
    const known = this.verified.get(token);
    if (known !== undefined) return known;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      });
      if (typeof payload.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(payload.sub)) throw new InvalidTokenError('bad subject');
      // Remembered until it expires (exp is required above), never past it.
      const ttl = payload.exp! * 1000 - Date.now();
      if (ttl > 0) this.verified.set(token, payload.sub, { ttl });
      return payload.sub;
    } catch (err) {
      if (err instanceof InvalidTokenError) throw err;
      if (err instanceof errors.JOSEError || err instanceof TypeError) throw new InvalidTokenError(err.message);
      throw err;
    }
  }
}
