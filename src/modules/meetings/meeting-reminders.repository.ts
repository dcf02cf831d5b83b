import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MeetingKind } from '../councils/entities/council-meeting-rule.entity.js';
import type { MeetingStatus } from './entities/meeting.entity.js';

/** What a meeting reminder says about its meeting, as the meeting is when the reminder fires. */
export interface RemindedMeetingRow {
  id: string;
  councilId: string;
  councilName: string;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  version: number;
}

/** An agenda item as a notice lists it. */
export interface NoticedAgendaItemRow {
  meetingId: string;
  position: number;
  title: Record<string, string>;
  presenterDelegationId: string | null;
  /** Some working language of the council has no paper (document) on the item yet. */
  papersMissing: boolean;
}

/** The worker's read of meetings for their reminders (one query for a batch). */
@Injectable()
export class MeetingRemindersRepository {
  async findMany(em: EntityManager, ids: string[]): Promise<RemindedMeetingRow[]> {
    if (ids.length === 0) return [];
    return em.query(
      `SELECT m.id, m.council_id AS "councilId", c.name AS "councilName", m.kind, m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
              m.time_zone AS "timeZone", m.venue, m.online_url AS "onlineUrl", m.status, m.version
         FROM meetings m JOIN councils c ON c.id = m.council_id
        WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The scheduled (not withdrawn) items of the meetings, in order, with the delegation of their presenter. */
  async agendaItems(em: EntityManager, meetingIds: string[]): Promise<NoticedAgendaItemRow[]> {
    if (meetingIds.length === 0) return [];
    return em.query(
      `SELECT ai.meeting_id AS "meetingId", ai.position, ai.title, d.id AS "presenterDelegationId",
              NOT (c.working_languages <@ COALESCE((SELECT array_agg(p.language) FROM documents p WHERE p.agenda_item_id = ai.id), '{}'::text[])) AS "papersMissing"
         FROM agenda_items ai LEFT JOIN delegations d ON d.participant_id = ai.presenter_participant_id AND d.council_id = ai.council_id
         JOIN councils c ON c.id = ai.council_id
        WHERE ai.meeting_id = ANY($1::uuid[]) AND ai.status = 'scheduled'
        ORDER BY ai.meeting_id, ai.position`,
      [meetingIds],
    );
  }
}
