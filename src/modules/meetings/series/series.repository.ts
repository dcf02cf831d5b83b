import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import type { SeriesPosition } from '../list-cursors.js';
import { MEETING_SELECT, type MeetingRow } from '../meetings.repository.js';
import type { SeriesStatus } from './entities/meeting-series.entity.js';
import type { RecurrenceFrequency, Weekday } from './recurrence.js';

export interface SeriesRow {
  id: string;
  councilId: string;
  bodyId: string | null;
  kind: MeetingKind;
  title: string;
  /** HH:MM */
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  frequency: RecurrenceFrequency;
  repeatInterval: number;
  weekday: Weekday;
  weekOfMonth: number | null;
  firstDate: string;
  untilDate: string | null;
  occurrenceCount: number | null;
  status: SeriesStatus;
  endedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewSeries = Omit<SeriesRow, 'id' | 'councilId' | 'status' | 'endedAt' | 'version' | 'createdAt' | 'updatedAt'>;
/** What a PATCH of the series may change. */
export type SeriesValues = Pick<SeriesRow, 'title' | 'startTime' | 'durationMinutes' | 'timeZone' | 'venue' | 'onlineUrl'>;

const COLUMNS = `id, council_id AS "councilId", body_id AS "bodyId", kind, title, to_char(local_start_time, 'HH24:MI') AS "startTime",
  duration_minutes AS "durationMinutes", time_zone AS "timeZone", venue, online_url AS "onlineUrl", frequency, repeat_interval AS "repeatInterval",
  weekday, week_of_month AS "weekOfMonth", first_date::text AS "firstDate", until_date::text AS "untilDate", occurrence_count AS "occurrenceCount",
  status, ended_at AS "endedAt", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Meeting series, in plain SQL (their occurrences are meetings, read and written through the meetings module). */
@Injectable()
export class SeriesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, councilId: string, s: NewSeries): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO meeting_series (council_id, body_id, kind, title, local_start_time, duration_minutes, time_zone, venue, online_url,
                                   frequency, repeat_interval, weekday, week_of_month, first_date, until_date, occurrence_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        councilId,
        s.bodyId,
        s.kind,
        s.title,
        s.startTime,
        s.durationMinutes,
        s.timeZone,
        s.venue,
        s.onlineUrl,
        s.frequency,
        s.repeatInterval,
        s.weekday,
        s.weekOfMonth,
        s.firstDate,
        s.untilDate,
        s.occurrenceCount,
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async find(councilId: string, id: string, em: EntityManager = this.db.manager, lock = false): Promise<SeriesRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM meeting_series WHERE id = $1 AND council_id = $2${lock ? ' FOR UPDATE' : ''}`, [
      id,
      councilId,
    ])) as SeriesRow[];
    return rows[0];
  }

  /**
   * One keyset page by (first_date, id), each series with its occurrences (the meeting rows, chair included)
   * aggregated in the same query: one round trip whatever the page size. The occurrences come as JSON,
   * so their instants are strings.
   */
  async page(councilId: string, after: SeriesPosition | null, limit: number): Promise<(SeriesRow & { occurrences: MeetingRow[] })[]> {
    const params: unknown[] = [councilId, limit];
    if (after) params.push(after.firstDate, after.id);
    return this.db.query(
      `SELECT ${COLUMNS}, o.occurrences
         FROM meeting_series s
         CROSS JOIN LATERAL (
           SELECT coalesce(json_agg(x ORDER BY x."occurrenceDate", x.id), '[]'::json) AS occurrences
             FROM (${MEETING_SELECT} WHERE m.series_id = s.id AND m.council_id = s.council_id) x
         ) o
        WHERE s.council_id = $1${after ? ' AND (s.first_date, s.id) > ($3::date, $4::uuid)' : ''}
        ORDER BY s.first_date, s.id
        LIMIT $2`,
      params,
    );
  }

  /** Sets the values if the version is still current; false when no row matched. */
  async updateVersioned(em: EntityManager, councilId: string, id: string, version: number, v: SeriesValues): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE meeting_series SET title = $4, local_start_time = $5, duration_minutes = $6, time_zone = $7, venue = $8, online_url = $9,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [id, councilId, version, v.title, v.startTime, v.durationMinutes, v.timeZone, v.venue, v.onlineUrl],
    )) as [unknown, number];
    return count === 1;
  }

  async markEnded(em: EntityManager, councilId: string, id: string, version: number, at: Date): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE meeting_series SET status = 'ended', ended_at = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3 AND status = 'active'`,
      [id, councilId, version, at],
    )) as [unknown, number];
    return count === 1;
  }
}
