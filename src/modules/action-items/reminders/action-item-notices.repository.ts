import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Recipient } from '../../../core/outbox/notification-kind.js';
import { bodyLeadsOnSql, presidingDelegationSql } from '../../councils/council-references.repository.js';
import type { ActionItemStatus, OwnerKind } from '../entities/action-item.entity.js';

/** The delegations (of the item's council) of the participants leading the body `bodySql` on the item's today. */
const leadDelegations = (bodySql: string): string =>
  `SELECT dl.id FROM delegations dl WHERE dl.council_id = i.council_id AND dl.participant_id IN (${bodyLeadsOnSql(bodySql, 'i.today')})`;

/** An item as its reminders need it, reloaded when one fires. */
export interface NoticedActionItemRow {
  id: string;
  councilId: string;
  councilName: string;
  timeZone: string;
  title: Record<string, string>;
  status: ActionItemStatus;
  dueDate: string;
  ownerKind: OwnerKind;
  ownerDelegationId: string | null;
  ownerBodyId: string | null;
  ownerUserId: string | null;
  /** The delegation's or the body's name. */
  ownerName: string;
  /** The body concerned: the owner body, else the body of the source meeting (null for a council meeting or none). */
  bodyId: string | null;
  /** Delegations that own it: the owner delegation, or those of the participants leading the owner body today. */
  ownerDelegationIds: string[];
  /** Delegations of the participants leading `bodyId` today. */
  bodyLeadDelegationIds: string[];
  /** The delegation of the member state holding the presidency now. */
  chairDelegationId: string | null;
}

/** The worker side's reads for action-item notices. */
@Injectable()
export class ActionItemNoticesRepository {
  async findMany(em: EntityManager, ids: string[]): Promise<NoticedActionItemRow[]> {
    if (ids.length === 0) return [];
    return em.query(
      `WITH i AS (
         SELECT a.*, coalesce(a.owner_body_id, m.body_id) AS concerned_body_id, c.name AS council_name, c.time_zone AS council_zone,
                -- A zone PostgreSQL does not know (stored before zones were checked) must not fail the whole batch.
                (now() AT TIME ZONE CASE WHEN time_zone_is_known(c.time_zone) THEN c.time_zone ELSE 'UTC' END)::date AS today
           FROM action_items a
           JOIN councils c ON c.id = a.council_id
           LEFT JOIN meetings m ON m.id = a.meeting_id AND m.council_id = a.council_id
          WHERE a.id = ANY($1::uuid[]))
       SELECT i.id, i.council_id AS "councilId", i.council_name AS "councilName", i.council_zone AS "timeZone", i.title, i.status,
              i.due_date::text AS "dueDate", i.owner_kind AS "ownerKind", i.owner_delegation_id AS "ownerDelegationId",
              i.owner_body_id AS "ownerBodyId", i.owner_user_id AS "ownerUserId",
              coalesce(od.name, ob.name, '') AS "ownerName",
              i.concerned_body_id AS "bodyId",
              CASE WHEN i.owner_delegation_id IS NOT NULL THEN ARRAY[i.owner_delegation_id]
                   ELSE ARRAY(${leadDelegations('i.owner_body_id')}) END AS "ownerDelegationIds",
              ARRAY(${leadDelegations('i.concerned_body_id')}) AS "bodyLeadDelegationIds",
              (${presidingDelegationSql('i.council_id', 'now()')} LIMIT 1) AS "chairDelegationId"
         FROM i
         LEFT JOIN delegations od ON od.id = i.owner_delegation_id
         LEFT JOIN bodies ob ON ob.id = i.owner_body_id`,
      [ids],
    );
  }

  /**
   * Accounts by id, as recipients in the council: enabled, holding a role in it; language and zone of their
   * delegate seat in the council when they have one (else their account's), the language within the council's.
   */
  async users(em: EntityManager, councilId: string, userIds: string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    return em.query(
      `SELECT u.id AS "userId", u.email, u.full_name AS "fullName",
              CASE WHEN coalesce(s.preferred_language, u.preferred_language) = ANY(c.working_languages)
                   THEN coalesce(s.preferred_language, u.preferred_language) ELSE c.working_languages[1] END AS language,
              coalesce(s.time_zone, u.time_zone) AS "timeZone"
         FROM users u
         JOIN councils c ON c.id = $1
         LEFT JOIN LATERAL (
           SELECT d.preferred_language, d.time_zone FROM council_roles cr JOIN delegates d ON d.id = cr.delegate_id AND d.active
            WHERE cr.user_id = u.id AND cr.council_id = $1 LIMIT 1) s ON true
        WHERE u.id = ANY($2::uuid[]) AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM council_roles cr WHERE cr.user_id = u.id AND cr.council_id = $1)
        ORDER BY u.email`,
      [councilId, userIds],
    );
  }
}
