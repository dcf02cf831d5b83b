import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in refresh tokens and one-time password links (256 bits). */
export const SECRET_TOKEN_BYTES = 32;

/** A new bearer secret: 32 random bytes, base64url (43 characters). */
export function newSecretToken(): string {
  return randomBytes(SECRET_TOKEN_BYTES).toString('base64url');
}

/** What the database stores instead of the secret: its SHA-256, hex. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
