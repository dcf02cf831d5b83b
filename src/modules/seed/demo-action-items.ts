import type { EntityManager } from 'typeorm';
import { presidingDelegationSql } from '../councils/council-references.repository.js';
import { AuditService } from '../audit/audit.service.js';

/** Who acts on a recommendation: participants by key (their delegations), a body by name, or the presidency. */
type DemoOwner = { participant: string } | { body: string } | { presidency: true };

export interface DemoActionItem {
  recommendation: number;
  owners: DemoOwner[];
  /** Due this many months after the seed date (in the council's time zone). */
  dueInMonths: number;
  target?: { value: number; unit: string };
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

/**
 * The task force's 12 key recommendations as action items, owned by whom each
 * names (DOMAIN.md): e.g. recommendation 5 → the United States, Canada and
 * Mexico, 50,000 people within two years. Recommendations naming no one go to
 * the participant or body whose remit it is (or to the presidency).
 */
export const DEMO_ACTION_ITEMS: DemoActionItem[] = [
  { recommendation: 1, owners: [{ presidency: true }], dueInMonths: 12, priority: 'high' },
  { recommendation: 2, owners: [{ participant: 'civil-society' }], dueInMonths: 12 },
  { recommendation: 3, owners: [{ participant: 'unicef' }, { participant: 'unhcr' }], dueInMonths: 18 },
  { recommendation: 4, owners: [{ body: 'Working Group on Protection' }], dueInMonths: 24 },
  {
    recommendation: 5,
    owners: [{ participant: 'us' }, { participant: 'ca' }, { participant: 'mx' }],
    dueInMonths: 24,
    target: { value: 50000, unit: 'people' },
    priority: 'high',
  },
  { recommendation: 6, owners: [{ participant: 'us' }, { participant: 'ca' }, { participant: 'mx' }], dueInMonths: 12, priority: 'high' },
  { recommendation: 7, owners: [{ participant: 'idb' }], dueInMonths: 24 },
  { recommendation: 8, owners: [{ participant: 'gt' }, { participant: 'hn' }, { participant: 'sv' }], dueInMonths: 24 },
  { recommendation: 9, owners: [{ participant: 'academic-network' }], dueInMonths: 12 },
  { recommendation: 10, owners: [{ participant: 'business-council' }], dueInMonths: 24 },
  { recommendation: 11, owners: [{ participant: 'iom' }], dueInMonths: 24 },
  { recommendation: 12, owners: [{ body: 'Thematic Network on Integration and the Public Narrative' }], dueInMonths: 36 },
];

/**
 * Creates the demo action items that do not exist yet (one per recommendation
 * and owner; the key is the recommendation and the owner), so a council seeded
 * before action items existed gets them, and a second run adds nothing. Owners
 * are found by their delegates' e-mail key (`head.<key>@…`) and bodies by name.
 * Returns how many were created.
 */
export async function seedDemoActionItems(em: EntityManager, councilId: string, now: Date, emailDomain: string): Promise<number> {
  let created = 0;
  for (const item of DEMO_ACTION_ITEMS) {
    for (const owner of item.owners) {
      const ownerSql =
        'participant' in owner
          ? `'delegation', (SELECT dl.id FROM delegations dl WHERE dl.council_id = $1 AND dl.contact_email = $4), NULL::uuid`
          : 'body' in owner
            ? `'body', NULL::uuid, (SELECT b.id FROM bodies b WHERE b.council_id = $1 AND b.name = $4)`
            : `'presidency', (${presidingDelegationSql('$1', '$2::timestamptz')}), NULL::uuid`;
      const key = 'participant' in owner ? `delegation.${owner.participant}@${emailDomain}` : 'body' in owner ? owner.body : null;
      const rows = (await em.query(
        `INSERT INTO action_items (council_id, title, description, owner_kind, owner_delegation_id, owner_body_id, due_date, priority,
                                   source_kind, recommendation_id, target_value, target_unit)
         SELECT $1, jsonb_build_object('en', 'Recommendation ' || r.number || ': ' || r.title), jsonb_build_object('en', r.body), o.kind, o.delegation_id, o.body_id,
                ((($2::timestamptz AT TIME ZONE c.time_zone)::date) + make_interval(months => $5))::date, $6,
                'recommendation', r.id, $7::numeric, $8
           FROM recommendations r JOIN councils c ON c.id = r.council_id
          CROSS JOIN LATERAL (SELECT ${ownerSql}) AS o(kind, delegation_id, body_id)
          WHERE r.council_id = $1 AND r.number = $3 AND (o.delegation_id IS NOT NULL OR o.body_id IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM action_items a WHERE a.council_id = $1 AND a.recommendation_id = r.id AND a.source_kind = 'recommendation'
                              AND a.owner_kind = o.kind
                              AND (o.kind = 'presidency' OR (a.owner_delegation_id IS NOT DISTINCT FROM o.delegation_id
                                                             AND a.owner_body_id IS NOT DISTINCT FROM o.body_id)))
            AND ($4::text IS NULL OR true)
         RETURNING id`,
        [
          councilId,
          now.toISOString(),
          item.recommendation,
          key,
          item.dueInMonths,
          item.priority ?? 'normal',
          item.target?.value ?? null,
          item.target?.unit ?? null,
        ],
      )) as unknown[];
      created += rows.length;
    }
  }
  if (created > 0) {
    await new AuditService().record(em, {
      councilId,
      action: 'seed.action_items_created',
      entityType: 'council',
      entityId: councilId,
      after: { actionItems: created },
    });
  }
  return created;
}
