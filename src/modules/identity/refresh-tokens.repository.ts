import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface RefreshTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  replaced_by: string | null;
  /** Whether the user is disabled (joined in, so one query decides). */
  user_disabled: boolean;
}

/** Refresh tokens, by the SHA-256 of the token (the token itself is never stored). */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, t: { userId: string; familyId: string; tokenHash: string; ttlDays: number }): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING id`,
      [t.userId, t.familyId, t.tokenHash, t.ttlDays],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** The token row, locked so two uses of one token cannot both rotate it. */
  async findByHashForUpdate(em: EntityManager, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const rows = (await em.query(
      `SELECT t.id, t.user_id, t.family_id, t.expires_at, t.revoked_at, t.replaced_by, u.disabled_at IS NOT NULL AS user_disabled
         FROM refresh_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1
          FOR UPDATE OF t`,
      [tokenHash],
    )) as RefreshTokenRow[];
    return rows[0];
  }

  async findFamilyByHash(tokenHash: string, em: EntityManager = this.db.manager): Promise<{ family_id: string; user_id: string } | undefined> {
    const rows = (await em.query(`SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1`, [tokenHash])) as {
      family_id: string;
      user_id: string;
    }[];
    return rows[0];
  }

  /** Marks the token used: revoked now, replaced by its successor. */
  async markReplaced(em: EntityManager, id: string, replacedBy: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET revoked_at = now(), replaced_by = $2 WHERE id = $1`, [id, replacedBy]);
  }

  /** Revokes every still-valid token of the family; returns how many. */
  async revokeFamily(em: EntityManager, familyId: string): Promise<number> {
    const [, count] = (await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId])) as [
      unknown,
      number,
    ];
    return count;
  }

  /** Revokes every still-valid token of the user (password set, account disabled); returns how many. */
  async revokeAllOfUser(em: EntityManager, userId: string): Promise<number> {
    const [, count] = (await em.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId])) as [unknown, number];
    return count;
  }
}
