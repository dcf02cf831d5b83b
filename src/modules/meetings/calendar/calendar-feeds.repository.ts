import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { CalendarFeedScope } from './entities/calendar-feed.entity.js';
import type { FeedMeeting } from './calendar-feed.js';

export interface CalendarFeedRow {
  id: string;
  userId: string;
  councilId: string;
  scope: CalendarFeedScope;
  bodyId: string | null;
  hideTitles: boolean;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface LiveFeedRow extends CalendarFeedRow {
  councilName: string;
  bodyName: string | null;
}

const FEED_COLUMNS = `f.id, f.user_id AS "userId", f.council_id AS "councilId", f.scope, f.body_id AS "bodyId",
  f.hide_titles AS "hideTitles", f.created_at AS "createdAt", f.revoked_at AS "revokedAt"`;

/**
 * A role in the council, as the auth guard counts it: secretariat, or a delegate whose seat is active.
 * The account must not be disabled.
 */
const HOLDS_ROLE = `EXISTS (
  SELECT 1 FROM users u JOIN council_roles cr ON cr.user_id = u.id
    LEFT JOIN delegates d ON d.id = cr.delegate_id AND d.active
   WHERE u.id = $USER AND u.disabled_at IS NULL AND cr.council_id = $COUNCIL
     AND (cr.role = 'secretariat' OR (cr.role = 'delegate' AND d.id IS NOT NULL)))`;

/** Meetings whose end is older than this stay out of feeds (they would only grow them). */
export const FEED_HISTORY_DAYS = 366;
/** At most this many meetings per feed (the nearest first from the history bound). */
export const FEED_MAX_MEETINGS = 2000;

@Injectable()
export class CalendarFeedsRepository {
  constructor(private readonly db: DataSource) {}

  /** Whether the council exists, and whether the user holds a role in it. */
  async membership(userId: string, councilId: string): Promise<{ councilExists: boolean; holdsRole: boolean }> {
    const rows = (await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM councils WHERE id = $2) AS "councilExists",
              ${HOLDS_ROLE.replace('$USER', '$1').replace('$COUNCIL', '$2')} AS "holdsRole"`,
      [userId, councilId],
    )) as { councilExists: boolean; holdsRole: boolean }[];
    return rows[0]!;
  }

  async insert(
    em: EntityManager,
    feed: { userId: string; councilId: string; scope: CalendarFeedScope; bodyId: string | null; tokenHash: string; hideTitles: boolean },
  ): Promise<CalendarFeedRow> {
    const rows = (await em.query(
      `INSERT INTO calendar_feeds AS f (user_id, council_id, scope, body_id, token_hash, hide_titles)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${FEED_COLUMNS}`,
      [feed.userId, feed.councilId, feed.scope, feed.bodyId, feed.tokenHash, feed.hideTitles],
    )) as CalendarFeedRow[];
    return rows[0]!;
  }

  /** The user's feeds, newest first, revoked ones included. */
  async listByUser(userId: string): Promise<CalendarFeedRow[]> {
    return (await this.db.query(`SELECT ${FEED_COLUMNS} FROM calendar_feeds f WHERE f.user_id = $1 ORDER BY f.created_at DESC, f.id`, [
      userId,
    ])) as CalendarFeedRow[];
  }

  /** The user's own feed, locked for the revocation; null when it is not theirs (or does not exist). */
  async lockOwn(em: EntityManager, userId: string, feedId: string): Promise<CalendarFeedRow | null> {
    const rows = (await em.query(`SELECT ${FEED_COLUMNS} FROM calendar_feeds f WHERE f.id = $1 AND f.user_id = $2 FOR UPDATE`, [
      feedId,
      userId,
    ])) as CalendarFeedRow[];
    return rows[0] ?? null;
  }

  async revoke(em: EntityManager, feedId: string): Promise<CalendarFeedRow> {
    const rows = (await em.query(`UPDATE calendar_feeds f SET revoked_at = now() WHERE f.id = $1 RETURNING ${FEED_COLUMNS}`, [feedId])) as [
      CalendarFeedRow[],
      number,
    ];
    return rows[0][0]!;
  }

  /**
   * The feed behind a token hash, only while it is usable: not revoked, and its owner still enabled and
   * still holding a role in the council (a delegate who lost their seat loses their feeds with it).
   */
  async findLive(tokenHash: string): Promise<LiveFeedRow | null> {
    const rows = (await this.db.query(
      `SELECT ${FEED_COLUMNS}, c.name AS "councilName", b.name AS "bodyName"
         FROM calendar_feeds f
         JOIN councils c ON c.id = f.council_id
         LEFT JOIN bodies b ON b.id = f.body_id AND b.council_id = f.council_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL
          AND ${HOLDS_ROLE.replace('$USER', 'f.user_id').replace('$COUNCIL', 'f.council_id')}`,
      [tokenHash],
    )) as LiveFeedRow[];
    return rows[0] ?? null;
  }

  /** Meetings a feed shows: not drafts, not ended more than FEED_HISTORY_DAYS ago; one body's when bodyId is given. */
  async meetingsOf(councilId: string, bodyId: string | null): Promise<FeedMeeting[]> {
    const byBody = bodyId !== null;
    return (await this.db.query(
      `SELECT m.id, m.kind, m.title, m.status, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.time_zone AS "timeZone",
              m.venue, m.online_url AS "onlineUrl", m.version, b.name AS "bodyName"
         FROM meetings m
         LEFT JOIN bodies b ON b.id = m.body_id AND b.council_id = m.council_id
        WHERE m.council_id = $1 AND m.status <> 'draft' AND m.ends_at > now() - make_interval(days => $2::int)
          ${byBody ? 'AND m.body_id = $4' : ''}
        ORDER BY m.starts_at, m.id
        LIMIT $3`,
      byBody ? [councilId, FEED_HISTORY_DAYS, FEED_MAX_MEETINGS, bodyId] : [councilId, FEED_HISTORY_DAYS, FEED_MAX_MEETINGS],
    )) as FeedMeeting[];
  }
}
