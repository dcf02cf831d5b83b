import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PasswordLinkRow {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  user_disabled: boolean;
}

/** One-time password links (table password_setup_tokens), by the SHA-256 of the token. */
@Injectable()
export class PasswordLinksRepository {
  /** Ends every unused link of the user (a newer link replaces them, or the password was set). */
  async invalidateUnused(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE password_setup_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }

  async insert(em: EntityManager, l: { userId: string; tokenHash: string; ttlHours: number }): Promise<{ id: string; expires_at: Date }> {
    const rows = (await em.query(
      `INSERT INTO password_setup_tokens (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING id, expires_at`,
      [l.userId, l.tokenHash, l.ttlHours],
    )) as { id: string; expires_at: Date }[];
    return rows[0]!;
  }

  async findByHashForUpdate(em: EntityManager, tokenHash: string): Promise<PasswordLinkRow | undefined> {
    const rows = (await em.query(
      `SELECT l.id, l.user_id, l.expires_at, l.used_at, u.disabled_at IS NOT NULL AS user_disabled
         FROM password_setup_tokens l JOIN users u ON u.id = l.user_id
        WHERE l.token_hash = $1
          FOR UPDATE OF l`,
      [tokenHash],
    )) as PasswordLinkRow[];
    return rows[0];
  }

  async markUsed(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE password_setup_tokens SET used_at = now() WHERE id = $1`, [id]);
  }
}
