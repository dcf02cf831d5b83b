import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MeetingStatus } from './entities/meeting.entity.js';

/** What a meeting reminder says about its meeting, as the meeting is when the reminder fires. */
export interface RemindedMeetingRow {
  id: string;
  councilId: string;
  councilName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  version: number;
}

/** The worker's read of meetings for their reminders (one query for a batch). */
@Injectable()
export class MeetingRemindersRepository {
  async findMany(em: EntityManager, ids: string[]): Promise<RemindedMeetingRow[]> {
    if (ids.length === 0) return [];
    return em.query(
      `SELECT m.id, m.council_id AS "councilId", c.name AS "councilName", m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
              m.time_zone AS "timeZone", m.venue, m.online_url AS "onlineUrl", m.status, m.version
         FROM meetings m JOIN councils c ON c.id = m.council_id
        WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
