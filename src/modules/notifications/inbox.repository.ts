import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface InboxRow {
  id: string;
  councilId: string | null;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The in-app inbox: every notification a user was sent, whatever the email preference. */
@Injectable()
export class InboxRepository {
  constructor(private readonly db: DataSource) {}

  /** Many notifications in one statement. */
  async addMany(
    em: EntityManager,
    rows: { userId: string; councilId: string | null; deliveryId: string; kind: string; subjectType: string; subjectId: string; title: string; body: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO notifications (user_id, council_id, delivery_id, kind, subject_type, subject_id, title, body)
       SELECT r."userId", r."councilId", r."deliveryId", r.kind, r."subjectType", r."subjectId", r.title, r.body
         FROM jsonb_to_recordset($1::jsonb) AS r("userId" uuid, "councilId" uuid, "deliveryId" bigint, kind text, "subjectType" text,
              "subjectId" text, title text, body text)`,
      [JSON.stringify(rows)],
    );
  }

  /** A page, newest first and keyset-paged by id, and the user's unread count, in one statement. */
  async pageWithUnreadCount(
    userId: string,
    opts: { unreadOnly: boolean; before: string | null; limit: number },
  ): Promise<{ rows: InboxRow[]; unreadCount: number }> {
    const rows = (await this.db.query(
      `WITH n AS (SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL)
       SELECT n.unread AS "unreadCount", p.* FROM n LEFT JOIN LATERAL (
         SELECT id::text AS id, council_id AS "councilId", kind, subject_type AS "subjectType", subject_id AS "subjectId",
                title, body, created_at AS "createdAt", read_at AS "readAt", id AS seq
           FROM notifications
          WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL) AND ($3::bigint IS NULL OR id < $3)
          ORDER BY id DESC LIMIT $4) p ON true
        ORDER BY p.seq DESC`,
      [userId, opts.unreadOnly, opts.before, opts.limit],
    )) as (InboxRow & { unreadCount: number; seq: unknown })[];
    return {
      unreadCount: rows[0]?.unreadCount ?? 0,
      rows: rows
        .filter((r) => r.id !== null)
        .map((r) => {
          const { unreadCount: _n, seq: _seq, ...row } = r;
          return row;
        }),
    };
  }

  /** Marks the user's notification read; false when it is not theirs. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const [, count] = (await this.db.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`, [id, userId])) as [
      unknown,
      number,
    ];
    return count > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const [, count] = (await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId])) as [unknown, number];
    return count;
  }
}
