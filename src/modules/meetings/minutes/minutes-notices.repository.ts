import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MinutesStatus } from './entities/minutes.entity.js';
import type { LanguageTexts } from './minutes-content.js';

/** What a minutes notice says, read when it fires. */
export interface NoticedMinutesRow {
  minutesId: string;
  meetingId: string;
  councilId: string;
  councilName: string;
  meetingTitle: string;
  meetingStartsAt: Date;
  meetingTimeZone: string;
  status: MinutesStatus;
  commentDeadline: Date | null;
  approvedAt: Date | null;
  /** The items' titles, in agenda order (from the minutes' content). */
  itemTitles: LanguageTexts[];
}

/** The worker side's reads for the minutes notices: a few queries for many outbox rows. */
@Injectable()
export class MinutesNoticesRepository {
  async findMany(em: EntityManager, meetingIds: string[]): Promise<NoticedMinutesRow[]> {
    if (meetingIds.length === 0) return [];
    return em.query(
      `SELECT n.id AS "minutesId", n.meeting_id AS "meetingId", n.council_id AS "councilId", c.name AS "councilName", m.title AS "meetingTitle",
              m.starts_at AS "meetingStartsAt", m.time_zone AS "meetingTimeZone", n.status, n.comment_deadline AS "commentDeadline",
              n.approved_at AS "approvedAt",
              coalesce((SELECT jsonb_agg(i->'title' ORDER BY (i->>'position')::int) FROM jsonb_array_elements(n.content->'items') i), '[]'::jsonb) AS "itemTitles"
         FROM minutes n JOIN meetings m ON m.id = n.meeting_id JOIN councils c ON c.id = n.council_id
        WHERE n.meeting_id = ANY($1::uuid[])`,
      [meetingIds],
    );
  }

  /** Per minutes: the delegations (of active participants) of its council that have not commented on them. */
  async delegationsWithoutComment(em: EntityManager, minutesIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(minutesIds.map((id) => [id, []]));
    if (minutesIds.length === 0) return out;
    const rows = (await em.query(
      `SELECT n.id AS "minutesId", d.id AS "delegationId"
         FROM minutes n
         JOIN delegations d ON d.council_id = n.council_id
         JOIN participants p ON p.id = d.participant_id AND p.status = 'active'
        WHERE n.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM minutes_comments x WHERE x.minutes_id = n.id AND x.delegation_id = d.id)
        ORDER BY d.id`,
      [minutesIds],
    )) as { minutesId: string; delegationId: string }[];
    for (const r of rows) out.get(r.minutesId)!.push(r.delegationId);
    return out;
  }
}
