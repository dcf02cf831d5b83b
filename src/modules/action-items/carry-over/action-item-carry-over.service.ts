import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../../../core/context/request-context.js';
import { AuditService } from '../../audit/audit.service.js';

/**
 * Carries a meeting's unfinished action items over to the next meeting, inside
 * the caller's transaction (the agenda carry-forward): each item sourced from
 * the meeting (or carried to it earlier) that is not done, verified or
 * cancelled keeps its meeting, status and history, gets a row in
 * action_item_carry_overs (so the next meeting lists it too), a 'carry_over'
 * update "carried over to <meeting>", and an audit row. Carrying twice to the
 * same meeting changes nothing.
 */
@Injectable()
export class ActionItemCarryOverService {
  constructor(private readonly audit: AuditService) {}

  async carryOver(em: EntityManager, councilId: string, fromMeetingId: string, toMeetingId: string): Promise<string[]> {
    const authorId = requestContext.current()?.actorId ?? null;
    const meetings = (await em.query(`SELECT title FROM meetings WHERE id = $1 AND council_id = $2`, [toMeetingId, councilId])) as { title: string }[];
    if (!meetings[0]) throw new Error(`carry-over to meeting ${toMeetingId}, which is not of council ${councilId}`);
    const to = { id: toMeetingId, title: meetings[0].title };
    const rows = (await em.query(
      `WITH carried AS (
         INSERT INTO action_item_carry_overs (council_id, action_item_id, from_meeting_id, to_meeting_id)
         SELECT a.council_id, a.id, $2, $3
           FROM action_items a
          WHERE a.council_id = $1 AND a.status NOT IN ('done','verified','cancelled') AND a.meeting_id IS DISTINCT FROM $3
            AND (a.meeting_id = $2 OR a.id IN (SELECT co.action_item_id FROM action_item_carry_overs co WHERE co.to_meeting_id = $2 AND co.council_id = $1))
          ORDER BY a.id
         ON CONFLICT (action_item_id, to_meeting_id) DO NOTHING
         RETURNING action_item_id)
       INSERT INTO action_item_updates (council_id, action_item_id, kind, text, author_id)
       SELECT $1, action_item_id, 'carry_over', $4, $5::uuid FROM carried
       RETURNING action_item_id AS id`,
      [councilId, fromMeetingId, to.id, `carried over to ${to.title}`, authorId],
    )) as { id: string }[];
    await this.audit.recordMany(
      em,
      rows.map((r) => ({
        councilId,
        action: 'action_item.carried_over',
        entityType: 'action_item',
        entityId: r.id,
        after: { fromMeetingId, toMeetingId: to.id },
      })),
    );
    return rows.map((r) => r.id);
  }
}
