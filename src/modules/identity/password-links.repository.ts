import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PasswordLinkRow {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  user_disabled: boolean;
}

export interface ArmedLinkRow {
  id: string;
  user_id: string;
  expires_at: Date;
}

export interface LinkRecipientRow {
  email: string;
  full_name: string;
  language: 'es' | 'en' | 'fr' | 'pt';
  time_zone: string;
  council_name: string | null;
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

  /**
   * At send time: gives the (still open) link its real token hash, and returns
   * what the email needs. Undefined when the link was replaced, used, expired
   * or its account disabled in the meantime: nothing is to be sent then.
   */
  async arm(em: EntityManager, id: string, tokenHash: string): Promise<ArmedLinkRow | undefined> {
    const rows = (await em.query(
      `UPDATE password_setup_tokens l SET token_hash = $2
         FROM users u
        WHERE l.id = $1 AND u.id = l.user_id AND l.used_at IS NULL AND l.expires_at > now() AND u.disabled_at IS NULL
        RETURNING l.id, l.user_id, l.expires_at`,
      [id, tokenHash],
    )) as [ArmedLinkRow[], number];
    return rows[0][0];
  }

  /**
   * Who receives the link, and in which language and zone: through the
   * council that issued it (the person's delegate seat there, else their own
   * language, kept only when the council works in it — else the council's first
   * working language); without a council (the administrator issued it), their
   * first active seat's language, else their own.
   */
  async recipient(em: EntityManager, userId: string, councilId: string | null): Promise<LinkRecipientRow | undefined> {
    const rows = (await em.query(
      `SELECT u.email, u.full_name,
              CASE WHEN c.id IS NULL THEN coalesce(d.preferred_language, u.preferred_language)
                   WHEN coalesce(d.preferred_language, u.preferred_language) = ANY(c.working_languages) THEN coalesce(d.preferred_language, u.preferred_language)
                   ELSE c.working_languages[1] END AS language,
              coalesce(d.time_zone, u.time_zone) AS time_zone,
              c.name AS council_name
         FROM users u
         LEFT JOIN councils c ON c.id = $2::uuid
         LEFT JOIN LATERAL (
           SELECT dl.preferred_language, dl.time_zone FROM council_roles cr JOIN delegates dl ON dl.id = cr.delegate_id AND dl.active
            WHERE cr.user_id = u.id AND ($2::uuid IS NULL OR cr.council_id = $2::uuid)
            ORDER BY cr.created_at LIMIT 1) d ON true
        WHERE u.id = $1`,
      [userId, councilId],
    )) as LinkRecipientRow[];
    return rows[0];
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
