import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Recipient } from '../../core/outbox/notification-kind.js';
import type { DelegateRole } from '../delegations/entities/delegate.entity.js';

export type AudienceRole = DelegateRole | 'secretariat';

export interface Audience {
  roles: AudienceRole[];
  delegationIds: string[];
}

/**
 * The people of a council who hold an enabled account: the secretariat, and
 * delegates through an active seat (with the seat's language and zone). The
 * language is the recipient's own when the council works in it, otherwise the
 * council's first working language.
 */
@Injectable()
export class RecipientsRepository {
  /**
   * The recipients of many audiences in one query, by key. No roles named: every delegate; only 'secretariat'
   * named: no delegate; delegation ids narrow the delegates. Each branch reaches its rows through an index
   * (seats by delegation or by council, accounts by seat, the secretariat by council and role); the branch an
   * audience does not need is cut off by a one-time filter.
   */
  async forAudiences(em: EntityManager, audiences: { key: string; councilId: string; audience: Audience }[]): Promise<Map<string, Recipient[]>> {
    const wanted = audiences.map((a) => {
      const delegateRoles = a.audience.roles.filter((r) => r !== 'secretariat');
      return {
        key: a.key,
        councilId: a.councilId,
        secretariat: a.audience.roles.includes('secretariat'),
        delegates: a.audience.roles.length === 0 || delegateRoles.length > 0,
        roles: delegateRoles,
        delegationIds: a.audience.delegationIds,
      };
    });
    const rows = (await em.query(
      `WITH a AS (
         SELECT w.key, w."councilId" AS council_id, w.secretariat, w.delegates,
                ARRAY(SELECT jsonb_array_elements_text(w.roles)) AS roles,
                ARRAY(SELECT jsonb_array_elements_text(w."delegationIds"))::uuid[] AS delegation_ids
           FROM jsonb_to_recordset($1::jsonb) AS w(key text, "councilId" uuid, secretariat boolean, delegates boolean, roles jsonb, "delegationIds" jsonb)),
       people AS (
         SELECT a.key, a.council_id, cr.user_id, NULL::text AS language, NULL::text AS time_zone
           FROM a JOIN council_roles cr ON cr.council_id = a.council_id AND cr.role = 'secretariat' AND a.secretariat
         UNION ALL
         SELECT a.key, a.council_id, cr.user_id, d.preferred_language, d.time_zone
           FROM a CROSS JOIN LATERAL (
                  SELECT * FROM delegates d WHERE d.delegation_id = ANY(a.delegation_ids) AND d.council_id = a.council_id
                  UNION ALL
                  SELECT * FROM delegates d WHERE d.council_id = a.council_id AND cardinality(a.delegation_ids) = 0) d
           JOIN council_roles cr ON cr.delegate_id = d.id
          WHERE a.delegates AND d.active AND (cardinality(a.roles) = 0 OR d.role = ANY(a.roles)))
       SELECT p.key, u.id AS "userId", u.email, u.full_name AS "fullName",
              CASE WHEN coalesce(p.language, u.preferred_language) = ANY(c.working_languages)
                   THEN coalesce(p.language, u.preferred_language) ELSE c.working_languages[1] END AS language,
              coalesce(p.time_zone, u.time_zone) AS "timeZone"
         FROM people p
         JOIN users u ON u.id = p.user_id AND u.disabled_at IS NULL
         JOIN councils c ON c.id = p.council_id
        ORDER BY p.key, u.email`,
      [JSON.stringify(wanted)],
    )) as (Recipient & { key: string })[];
    const out = new Map<string, Recipient[]>(audiences.map((a) => [a.key, []]));
    for (const { key, ...recipient } of rows) out.get(key)!.push(recipient);
    return out;
  }
}
